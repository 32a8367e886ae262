/**
 * Bias gradients: db[c] = Σ over the batch and positions of dy[n, c, p]. Shared by conv2d
 * (size = outH·outW: per-sample plane sums, then split_sum over the batch) and dense (size = 1:
 * split_sum straight over dy's rows). No kernel uses barriers.
 */
import biasBackwardWgsl from '../../shaders/bias_backward.wgsl?raw';
import { ceilDiv, type KernelDescriptor, linearDispatch } from './kernel';
import { createOp, type GpuContext, type Op, sequenceOps } from './op';
import { splitSumOp } from './split-sum';

const WG = 64;

export const biasBackwardKernel: KernelDescriptor = {
  name: 'bias_backward',
  code: biasBackwardWgsl,
  bindings: [
    ['params', 'uniform'],
    ['dy', 'read'],
    ['partial', 'write'],
  ],
  overrides: { WG },
};

export interface BiasDims {
  readonly batch: number;
  readonly channels: number;
  /** Positions per channel and sample: outH·outW for conv2d, 1 for dense. */
  readonly size: number;
}

export function biasBackwardOp(
  ctx: GpuContext,
  label: string,
  dims: BiasDims,
  buffers: { readonly dy: GPUBuffer; readonly db: GPUBuffer },
): Op {
  if (dims.size === 1) {
    return splitSumOp(ctx, label, dims.channels, dims.batch, { partial: buffers.dy, out: buffers.db });
  }
  const partial = ctx.pool.storage(`${label} per-sample sums`, dims.batch * dims.channels * 4);
  const sums = createOp(ctx, {
    kernel: biasBackwardKernel,
    label: `${label} per sample`,
    params: [
      ['batch', 'u32', dims.batch],
      ['channels', 'u32', dims.channels],
      ['size', 'u32', dims.size],
    ],
    buffers: [buffers.dy, partial],
    dispatch: linearDispatch(ceilDiv(dims.batch * dims.channels, WG)),
  });
  return sequenceOps(label, [
    sums,
    splitSumOp(ctx, `${label} over the batch`, dims.channels, dims.batch, { partial, out: buffers.db }),
  ]);
}
