/**
 * Activation maximisation: start from a grey image and climb S_c(I) − λ‖I‖² − μ R_TV(I) by
 * gradient ascent on the pixels, in chunks of ten steps computed in the worker. The student picks
 * the class, λ and μ, and switches jitter and blur on or off; the score is drawn as it rises, and
 * the latest picture for each class is kept in a gallery of all ten digits.
 */
import { type ReactElement, useEffect, useState } from 'react';
import { ImageCanvas } from '../../app/ui/ImageCanvas';
import { TeX } from '../../app/ui/Math';
import { ClassSelect } from './ClassSelect';
import { useLearned } from './learnedRun';
import { DIGITS } from './net';
import { ScoreChart } from './ScoreChart';
import { CHUNK, MAX_STEPS, useAscent } from './useAscent';

const L2_STEPS = [0, 0.003, 0.01, 0.03, 0.1, 0.3] as const;
const TV_STEPS = [0, 0.03, 0.1, 0.3, 1] as const;

export function AscentView(): ReactElement {
  const { version } = useLearned();
  const [classIndex, setClassIndex] = useState(3);
  const [l2At, setL2At] = useState(3);
  const [tvAt, setTvAt] = useState(3);
  const [jitter, setJitter] = useState(false);
  const [blur, setBlur] = useState(false);
  const l2 = L2_STEPS[l2At]!;
  const tv = TV_STEPS[tvAt]!;
  const { run, chunk, auto, setAuto } = useAscent({ classIndex, l2, tv, jitter, blur });
  const [gallery, setGallery] = useState<Record<number, Float32Array>>({});
  // New weights make the old pictures stale.
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared when the weights change
  useEffect(() => setGallery({}), [version]);
  useEffect(() => {
    if (run.image) setGallery((g) => ({ ...g, [classIndex]: run.image! }));
  }, [run.image, classIndex]);
  const last = run.trace.at(-1);
  const steps = last?.step ?? 0;
  const ready = version !== null;

  return (
    <div
      className="wl-ascent"
      data-testid="ascent"
      data-steps={steps}
      data-chunk-scores={JSON.stringify(run.chunkScores)}
      data-l2={l2}
      data-tv={tv}
    >
      <div className="wl-controls">
        <ClassSelect value={classIndex} onChange={(v) => setClassIndex(v ?? 0)} allowPredicted={false} />
        <label className="wl-slider">
          <span>
            λ (L2) = <output data-testid="l2-value">{l2}</output>
          </span>
          <input
            type="range"
            min={0}
            max={L2_STEPS.length - 1}
            value={l2At}
            onChange={(e) => setL2At(Number(e.target.value))}
            aria-label="lambda, the weight of the L2 prior"
          />
        </label>
        <label className="wl-slider">
          <span>
            μ (total variation) = <output data-testid="tv-value">{tv}</output>
          </span>
          <input
            type="range"
            min={0}
            max={TV_STEPS.length - 1}
            value={tvAt}
            onChange={(e) => setTvAt(Number(e.target.value))}
            aria-label="mu, the weight of the total-variation prior"
          />
        </label>
        <label className="wl-check">
          <input type="checkbox" checked={jitter} onChange={(e) => setJitter(e.target.checked)} /> jitter (shift by up
          to 1 pixel each step)
        </label>
        <label className="wl-check">
          <input type="checkbox" checked={blur} onChange={(e) => setBlur(e.target.checked)} /> blur every 4 steps
        </label>
      </div>
      <div className="button-row">
        <button type="button" className="button" disabled={!ready || run.busy || auto} onClick={chunk}>
          {CHUNK} more steps
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!ready || steps >= MAX_STEPS}
          onClick={() => setAuto(!auto)}
        >
          {auto ? 'Stop climbing' : `Climb to ${MAX_STEPS} steps`}
        </button>
      </div>
      {run.error ? <p className="field-message--error">{run.error}</p> : null}
      <div className="wl-pair">
        <figure>
          {run.image ? (
            <ImageCanvas
              data={run.image}
              shape={[1, 28, 28]}
              range={[0, 1]}
              scale={8}
              label={`The image that maximises the score of class ${classIndex} so far`}
            />
          ) : (
            <div className="wl-blank" role="img" aria-label="Not started: a grey image" />
          )}
          <figcaption>after {steps} steps</figcaption>
        </figure>
        <ScoreChart points={run.trace} classIndex={classIndex} minSteps={50} />
      </div>
      <p aria-live="polite" data-testid="ascent-status">
        {last ? (
          <>
            Step {steps}: score S<sub>{classIndex}</sub> ={' '}
            <span data-testid="ascent-score">{last.score.toFixed(3)}</span>, objective{' '}
            <TeX tex="S_c - \lambda\|I\|^2 - \mu R_{TV}" /> ={' '}
            <span data-testid="ascent-objective">{last.objective.toFixed(3)}</span>.
          </>
        ) : ready ? (
          'Press “10 more steps” to start from a grey image.'
        ) : (
          'Waiting for the net…'
        )}
      </p>
      {run.image ? (
        <output hidden data-testid="ascent-image" data-pixels={JSON.stringify(Array.from(run.image))} />
      ) : null}
      <ol className="wl-gallery" aria-label="The latest picture for each class">
        {DIGITS.map((d) => (
          <li key={d} className={d === classIndex ? 'wl-gallery-current' : undefined}>
            {gallery[d] ? (
              <ImageCanvas data={gallery[d]} shape={[1, 28, 28]} range={[0, 1]} scale={2.5} label={`Class ${d}`} />
            ) : (
              <span className="wl-blank wl-blank--small" />
            )}
            <span>{d}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
