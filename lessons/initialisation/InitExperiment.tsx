/**
 * The lecture's experiment, live: a deep stack of dense layers fed unit-Gaussian noise, with the
 * student's choice of weight scheme, activation, depth, width and seed. The engine computes every
 * layer in the lesson's worker (useExperiment) as soon as a setting changes; with "predict first"
 * on, the results stay hidden until the student has said what they expect, and the verdict
 * compares the prediction with what the engine's numbers show (outcome.ts).
 */
import { type ReactElement, useState } from 'react';
import { ExperimentControls, LECTURE_SETTINGS, type NetSettings } from './ExperimentControls';
import { ExperimentResults } from './ExperimentResults';
import { DEFAULT_BATCH } from './experiment';
import { OUTCOME_LABELS, type Outcome, outcomeOf } from './outcome';
import { PredictPrompt } from './PredictPrompt';
import { useExperiment } from './useExperiment';

interface Reveal {
  readonly shown: boolean;
  readonly prediction: Outcome | null;
}

export function InitExperiment(): ReactElement {
  const [settings, setSettings] = useState<NetSettings>(LECTURE_SETTINGS);
  const [predictFirst, setPredictFirst] = useState(true);
  const [reveal, setReveal] = useState<Reveal>({ shown: false, prediction: null });
  const view = useExperiment({ ...settings, batch: DEFAULT_BATCH });

  const change = (next: NetSettings): void => {
    setSettings(next);
    setReveal({ shown: !predictFirst, prediction: null });
  };
  const outcome = view.status === 'done' ? outcomeOf(view.result) : null;

  return (
    <div className="init-experiment" data-testid="init-experiment" data-status={view.status} data-shown={reveal.shown}>
      <ExperimentControls value={settings} onChange={change} />
      <label className="init-check">
        <input
          type="checkbox"
          checked={predictFirst}
          onChange={(e) => {
            setPredictFirst(e.target.checked);
            if (!e.target.checked) setReveal((r) => ({ ...r, shown: true }));
          }}
        />
        Ask me to predict before each run
      </label>
      {!reveal.shown ? (
        <PredictPrompt
          prediction={reveal.prediction}
          onPredict={(p) => setReveal({ shown: false, prediction: p })}
          onReveal={(keep) => setReveal((r) => ({ shown: true, prediction: keep ? r.prediction : null }))}
        />
      ) : view.status === 'computing' ? (
        <p className="init-status" role="status">
          Computing in the background: pass {view.done} of {view.total} (forward, then back)…{' '}
          <progress max={view.total} value={view.done} />
        </p>
      ) : view.status === 'error' ? (
        <p className="init-error" role="alert">
          {view.message}
        </p>
      ) : (
        <>
          <p className="init-verdict" data-testid="verdict" data-outcome={outcome ?? ''} role="status">
            The engine: <strong>{outcome ? OUTCOME_LABELS[outcome] : ''}</strong>.{' '}
            {reveal.prediction &&
              (reveal.prediction === outcome
                ? 'Your prediction was right.'
                : `You predicted “${OUTCOME_LABELS[reveal.prediction].toLowerCase()}”: look at the layers below to see why not.`)}
          </p>
          <ExperimentResults result={view.result} />
        </>
      )}
    </div>
  );
}
