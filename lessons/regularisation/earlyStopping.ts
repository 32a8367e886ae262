/**
 * Early stopping read off a run's epoch points. The best epoch is the one with the lowest
 * validation loss (the first on a tie): its weights are the ones to keep. With a patience of k,
 * training stops as soon as k epochs in a row fail to beat the best so far, keeping that best.
 */
import type { EpochPoint } from '../../app/ui/training/useWorkerRun';

export interface EarlyStop {
  /** The epoch with the lowest validation loss among all points. */
  readonly best: EpochPoint;
  /** Where a run with this patience would have stopped, and the epoch it would have kept; null if not yet. */
  readonly stop: { readonly after: number; readonly kept: EpochPoint } | null;
}

export function earlyStopping(epochs: readonly EpochPoint[], patience: number): EarlyStop | null {
  let best: EpochPoint | null = null;
  let stop: EarlyStop['stop'] = null;
  for (const point of epochs) {
    if (point.valLoss === null) continue;
    if (best === null || point.valLoss < best.valLoss!) best = point;
    else if (stop === null && point.epoch - best.epoch >= patience) stop = { after: point.epoch, kept: best };
  }
  return best ? { best, stop } : null;
}
