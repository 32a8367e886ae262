/**
 * Epoch, batch size and iteration: type N (training samples), B (batch size) and the number of
 * epochs; the widget gives iterations per epoch (⌈N/B⌉), the size of the last batch and the
 * total number of updates, starting from the lecture's 55,000 / 1,000 = 55.
 */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { NumberField } from '../../app/ui/NumberField';
import { UrlNotice } from '../../app/ui/UrlNotice';
import { intCodec } from '../../app/ui/urlCodecs';
import { useUrlState } from '../../app/ui/urlState';
import { count } from './format';
import { epochPlan } from './iterations';

const tex = (v: number): string => count(v).replace(/,/g, '{,}');

// The calculator's numbers in the lesson's address (app/ui/urlState.ts), bounded as the fields are.
const SIZE_CODEC = intCodec(1, 10_000_000);
const EPOCHS_CODEC = intCodec(1, 1000);

export function EpochCalculator(): ReactElement {
  const [n, setN, nNotice] = useUrlState('ep.n', SIZE_CODEC, 55_000);
  const [b, setB, bNotice] = useUrlState('ep.b', SIZE_CODEC, 1_000);
  const [epochs, setEpochs, epochsNotice] = useUrlState('ep.e', EPOCHS_CODEC, 10);
  const plan = epochPlan(n, b, epochs);
  const even = n % b === 0;

  return (
    <div
      className="gd-widget"
      data-testid="epochs"
      data-iterations={plan.iterationsPerEpoch}
      data-last-batch={plan.lastBatch}
      data-total={plan.totalIterations}
    >
      <UrlNotice notices={[nNotice, bNotice, epochsNotice]} />
      <div className="gd-controls">
        <NumberField label="Training samples N" value={n} onChange={setN} min={1} max={10_000_000} integer />
        <NumberField label="Batch size B" value={b} onChange={setB} min={1} max={10_000_000} integer />
        <NumberField label="Epochs" value={epochs} onChange={setEpochs} min={1} max={1000} integer />
      </div>
      <div className="gd-readout" aria-live="polite">
        <TeX
          block
          tex={`\\text{iterations per epoch} = \\left\\lceil \\frac{N}{B} \\right\\rceil = \\left\\lceil \\frac{${tex(n)}}{${tex(b)}} \\right\\rceil = ${tex(plan.iterationsPerEpoch)}`}
        />
        <p data-testid="last-batch">
          {even
            ? `B divides N, so every batch holds ${count(b)} samples.`
            : `B does not divide N: the first ${count(plan.iterationsPerEpoch - 1)} batches hold ${count(b)} samples and the last one holds the ${count(plan.lastBatch)} left over.`}
        </p>
        <p data-testid="total-iterations">
          {count(epochs)} epochs = {count(epochs)} × {count(plan.iterationsPerEpoch)} ={' '}
          <strong>{count(plan.totalIterations)}</strong> parameter updates, and each sample is seen {count(epochs)}{' '}
          times.
        </p>
      </div>
    </div>
  );
}
