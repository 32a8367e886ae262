/**
 * Bias gradients: db[c] = Σ over the batch and positions of dy[n, c, p]. Shared by conv2d
 * (size = outH·outW) and dense (size = 1).
 */
import biasBackwardWgsl from '../../shaders/bias_backward.wgsl?raw';
import type { KernelDescriptor } from './kernel';
import { createOp, type GpuContext, type Op } from './op';

export const biasBackwardKernel: KernelDescriptor = {
  name: 'bias_backward',
  code: biasBackwardWgsl,
  bindings: [
    ['params', 'uniform'],
    ['dy', 'read'],
    ['db', 'write'],
  ],
  overrides: { WG: 256 },
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
  return createOp(ctx, {
    kernel: biasBackwardKernel,
    label,
    params: [
      ['batch', 'u32', dims.batch],
      ['channels', 'u32', dims.channels],
      ['size', 'u32', dims.size],
    ],
    buffers: [buffers.dy, buffers.db],
    dispatch: [dims.channels],
  });
}
