/** The loss head a trainer picks by name (engine/train/loss.ts LossKind), on the GPU. */
import type { LossKind } from '../train/loss';
import { hingeLossOp, type LossBuffers, softmaxCrossEntropyOp } from './loss';
import type { GpuContext, Op } from './op';

export function lossOp(
  ctx: GpuContext,
  kind: LossKind,
  label: string,
  batch: number,
  classes: number,
  b: LossBuffers,
): Op {
  return kind === 'crossEntropy'
    ? softmaxCrossEntropyOp(ctx, label, batch, classes, b)
    : hingeLossOp(ctx, label, batch, classes, b);
}
