/**
 * The L1/L2 penalty on the GPU (shaders/penalty_partial.wgsl, penalty_total.wgsl): summed over the
 * regularised weights of layers that are not frozen (train-step.ts passes only those), before the
 * update, as the CPU trainer computes it, and added to the metrics accumulator's penaltySum word
 * so the reported training loss includes it. Its gradient is applied by the optimiser kernels
 * (engine/gpu/optimizer.ts); this only reports it.
 */
import penaltyPartialWgsl from '../../shaders/penalty_partial.wgsl?raw';
import penaltyTotalWgsl from '../../shaders/penalty_total.wgsl?raw';
import type { Regularization } from '../train/regularization';
import type { KernelDescriptor } from './kernel';
import { createOp, type GpuContext, type Op, sequenceOps } from './op';

/** Threads (and partial-sum pairs) per weight tensor. */
const PARTS = 64;

export const penaltyPartialKernel: KernelDescriptor = {
  name: 'penalty_partial',
  code: penaltyPartialWgsl,
  bindings: [
    ['params', 'uniform'],
    ['w', 'read'],
    ['parts', 'write'],
  ],
  overrides: { PARTS },
};

export const penaltyTotalKernel: KernelDescriptor = {
  name: 'penalty_total',
  code: penaltyTotalWgsl,
  bindings: [
    ['params', 'uniform'],
    ['parts', 'read'],
    ['metrics', 'write'],
  ],
  overrides: {},
};

/** Adds (l1·Σ|w| + l2·Σw²)·batch over `weights` to metrics word 3; null when there is no penalty. */
export function penaltyOp(
  ctx: GpuContext,
  label: string,
  reg: Regularization,
  batch: number,
  weights: readonly { readonly value: GPUBuffer; readonly count: number }[],
  metrics: GPUBuffer,
): Op | null {
  if ((reg.l1 === 0 && reg.l2 === 0) || weights.length === 0) return null;
  const parts = ctx.pool.storage(`${label} partial sums`, weights.length * PARTS * 2 * 4);
  const partials = weights.map((w, i) =>
    createOp(ctx, {
      kernel: penaltyPartialKernel,
      label: `${label} partial ${i}`,
      params: [
        ['count', 'u32', w.count],
        ['slot', 'u32', i * PARTS * 2],
      ],
      buffers: [w.value, parts],
      dispatch: [1],
    }),
  );
  const total = createOp(ctx, {
    kernel: penaltyTotalKernel,
    label: `${label} total`,
    params: [
      ['count', 'u32', weights.length * PARTS],
      ['batch', 'u32', batch],
      ['l1', 'f32', reg.l1],
      ['l2', 'f32', reg.l2],
    ],
    buffers: [parts, metrics],
    dispatch: [1],
  });
  return sequenceOps(label, [...partials, total]);
}
