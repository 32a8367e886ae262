/**
 * Which validation metrics the confusion matrix and the per-class view show: the latest measured,
 * a check of the fixed subset while an epoch runs or the full pass at its end, so both views move
 * during training and always show the same numbers. A model loaded from a file has only its last
 * epoch's metrics.
 */
import { useMemo } from 'react';
import { useStudio, type ValidationView } from '../stores/studio';

export function useShownValidation(): ValidationView | null {
  const view = useStudio((s) => s.validationView);
  const epoch = useStudio((s) => s.lastEpoch);
  return useMemo(
    () => view ?? (epoch?.validation ? { metrics: epoch.validation, epoch: epoch.epoch, subset: false } : null),
    [view, epoch],
  );
}

/** Images behind a confusion matrix: the sum of its counts. */
export function imagesOf(confusion: Uint32Array): number {
  let n = 0;
  for (const c of confusion) n += c;
  return n;
}

/** "the validation subset (500 images) at epoch 0.38" or "validation after epoch 2". */
export function validationWhen(v: ValidationView): string {
  return v.subset
    ? `the validation subset (${imagesOf(v.metrics.confusion).toLocaleString('en-US')} images) at epoch ${v.epoch.toFixed(2)}`
    : `validation after epoch ${Number(v.epoch.toFixed(2))}`;
}
