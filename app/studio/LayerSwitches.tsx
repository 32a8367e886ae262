/**
 * Batch norm and dropout as switches in the hyperparameter form. They edit the model (both are
 * layers), so like any model edit they apply at once before training and from the next Reset
 * after it; the Model tab shows the layers they added.
 */
import { type ReactElement, useEffect, useRef } from 'react';
import { useStudio } from '../stores/studio';
import { NumberField } from '../ui/NumberField';
import { editDraft } from './actions';
import { batchNormCoverage, dropoutRate, withBatchNorm, withDropout } from './regularizerLayers';

const DEFAULT_DROP_RATE = 0.25;

export function LayerSwitches(): ReactElement {
  const draft = useStudio((s) => s.draft);
  const batchNorm = batchNormCoverage(draft);
  const rate = dropoutRate(draft);
  const hasConv = draft.layers.some((l) => l.type === 'conv2d');
  const hasDense = draft.layers.some((l) => l.type === 'dense');
  const bnBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (bnBox.current) bnBox.current.indeterminate = batchNorm === 'some';
  }, [batchNorm]);

  return (
    <fieldset className="layer-switches" data-testid="layer-switches">
      <legend>Normalisation and dropout</legend>
      <label>
        <input
          ref={bnBox}
          type="checkbox"
          disabled={!hasConv}
          checked={batchNorm === 'all'}
          onChange={(e) => editDraft(withBatchNorm(draft, e.target.checked))}
        />{' '}
        Batch norm after every convolution
      </label>
      <label>
        <input
          type="checkbox"
          disabled={!hasDense}
          checked={rate !== null}
          onChange={(e) => editDraft(withDropout(draft, e.target.checked ? DEFAULT_DROP_RATE : null))}
        />{' '}
        Dropout before the classifier
      </label>
      {rate !== null && (
        <NumberField
          label="Drop rate"
          value={rate}
          min={0}
          max={0.95}
          hint="The fraction of units zeroed at each training step (none at test time)."
          onChange={(r) => editDraft(withDropout(draft, r))}
        />
      )}
    </fieldset>
  );
}
