/**
 * Loss heads on the GPU: softmax cross-entropy and multiclass hinge, each fused with its
 * gradient and with the metrics accumulation (summed loss, correct count, sample count,
 * confusion counts), so a training step needs no readback to know how it is doing.
 *
 * The metrics buffer layout, shared by both kernels and read by metrics.ts:
 *   word 0 lossSum (f32), 1 correct (u32), 2 count (u32), 3 penaltySum (f32: the L1/L2 penalty times
 *   the batch size, summed over steps; written by engine/gpu/penalty.ts, 0 without regularisation),
 *   4.. confusion[label·K + predicted] (u32).
 */
import hingeLossWgsl from '../../shaders/hinge_loss.wgsl?raw';
import softmaxCrossEntropyWgsl from '../../shaders/softmax_cross_entropy.wgsl?raw';
import type { KernelDescriptor } from './kernel';
import { createOp, type GpuContext, type Op } from './op';

const WG = 64;
const BINDINGS = [
  ['params', 'uniform'],
  ['logits', 'read'],
  ['labels', 'read'],
  ['dLogits', 'write'],
  ['metrics', 'write'],
] as const;

export const softmaxCrossEntropyKernel: KernelDescriptor = {
  name: 'softmax_cross_entropy',
  code: softmaxCrossEntropyWgsl,
  bindings: BINDINGS,
  overrides: { WG },
};

export const hingeLossKernel: KernelDescriptor = {
  name: 'hinge_loss',
  code: hingeLossWgsl,
  bindings: BINDINGS,
  overrides: { WG },
};

/** 4-byte words of a metrics accumulator for `classes` classes. */
export function metricsWords(classes: number): number {
  return 4 + classes * classes;
}

export interface LossBuffers {
  readonly logits: GPUBuffer;
  /** u32 labels, one per sample. */
  readonly labels: GPUBuffer;
  readonly dLogits: GPUBuffer;
  /** metricsWords(classes) words; accumulated into, cleared by the metrics reader. */
  readonly metrics: GPUBuffer;
}

export function softmaxCrossEntropyOp(
  ctx: GpuContext,
  label: string,
  batch: number,
  classes: number,
  b: LossBuffers,
): Op {
  return createOp(ctx, {
    kernel: softmaxCrossEntropyKernel,
    label,
    params: [
      ['batch', 'u32', batch],
      ['classes', 'u32', classes],
    ],
    buffers: [b.logits, b.labels, b.dLogits, b.metrics],
    dispatch: [1],
  });
}

export function hingeLossOp(
  ctx: GpuContext,
  label: string,
  batch: number,
  classes: number,
  b: LossBuffers,
  margin = 1,
): Op {
  return createOp(ctx, {
    kernel: hingeLossKernel,
    label,
    params: [
      ['batch', 'u32', batch],
      ['classes', 'u32', classes],
      ['margin', 'f32', margin],
    ],
    buffers: [b.logits, b.labels, b.dLogits, b.metrics],
    dispatch: [1],
  });
}
