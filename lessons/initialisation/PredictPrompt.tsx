/**
 * "Predict first": before the results of a run are shown, the student commits to what the last
 * layer's activations will look like (or chooses to skip), then reveals. The engine's verdict is
 * shown next to the prediction afterwards (see InitExperiment).
 */
import type { ReactElement } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { OUTCOME_LABELS, type Outcome } from './outcome';

const OPTIONS = (Object.keys(OUTCOME_LABELS) as Outcome[]).map((value) => ({ value, label: OUTCOME_LABELS[value] }));

export function PredictPrompt({
  prediction,
  onPredict,
  onReveal,
}: {
  prediction: Outcome | null;
  onPredict: (p: Outcome) => void;
  onReveal: (withPrediction: boolean) => void;
}): ReactElement {
  return (
    <div className="init-predict" data-testid="predict-prompt">
      <ChoiceGroup
        legend="Predict first: by the last layer, the activations…"
        options={OPTIONS}
        value={prediction ?? ('' as Outcome)}
        onChange={onPredict}
      />
      <div className="init-buttons">
        <button type="button" className="button button--primary" disabled={!prediction} onClick={() => onReveal(true)}>
          Reveal
        </button>
        <button type="button" className="button" onClick={() => onReveal(false)}>
          Show without predicting
        </button>
      </div>
    </div>
  );
}
