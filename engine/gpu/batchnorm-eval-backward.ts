/**
 * The input gradient of evaluation-mode batch norm (shaders/batchnorm_backward_eval.wgsl): with
 * running statistics the layer is a fixed per-channel affine map, so dx = dy·gamma/sqrt(var + eps).
 * Training never needs it (a training step normalises by the batch's own statistics); gradients
 * with respect to the image, taken in evaluation mode, do (engine/gpu/input-gradient.ts).
 */
import batchnormBackwardEvalWgsl from '../../shaders/batchnorm_backward_eval.wgsl?raw';
import type { BatchNormDims } from '../cpu/batchnorm';
import { ceilDiv, ELEMENT_WG, type KernelDescriptor, linearDispatch } from './kernel';
import { createOp, type GpuContext, type Op } from './op';

export const batchnormBackwardEvalKernel: KernelDescriptor = {
  name: 'batchnorm_backward_eval',
  code: batchnormBackwardEvalWgsl,
  bindings: [
    ['params', 'uniform'],
    ['dy', 'read'],
    ['gamma', 'read'],
    ['running', 'read'],
    ['dx', 'write'],
  ],
  overrides: { WG: ELEMENT_WG },
};

export function batchnormBackwardEvalOp(
  ctx: GpuContext,
  label: string,
  d: BatchNormDims,
  epsilon: number,
  b: { readonly dy: GPUBuffer; readonly gamma: GPUBuffer; readonly running: GPUBuffer; readonly dx: GPUBuffer },
): Op {
  return createOp(ctx, {
    kernel: batchnormBackwardEvalKernel,
    label,
    params: [
      ['batch', 'u32', d.batch],
      ['channels', 'u32', d.channels],
      ['size', 'u32', d.size],
      ['momentum', 'f32', 0],
      ['epsilon', 'f32', epsilon],
    ],
    buffers: [b.dy, b.gamma, b.running, b.dx],
    dispatch: linearDispatch(ceilDiv(d.batch * d.channels * d.size, ELEMENT_WG)),
  });
}
