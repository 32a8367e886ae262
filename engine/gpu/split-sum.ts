/**
 * The second half of a split reduction: out[i] = Σ_s partial[s·count + i]. Kernels that would
 * otherwise reduce a long dimension inside one workgroup (with barriers) write one partial sum
 * per slice instead, and this adds the slices up (conv2d weight gradients, bias gradients).
 */
import splitSumWgsl from '../../shaders/split_sum.wgsl?raw';
import { ceilDiv, ELEMENT_WG, type KernelDescriptor, linearDispatch } from './kernel';
import { createOp, type GpuContext, type Op } from './op';

const WG = ELEMENT_WG;

export const splitSumKernel: KernelDescriptor = {
  name: 'split_sum',
  code: splitSumWgsl,
  bindings: [
    ['params', 'uniform'],
    ['partial', 'read'],
    ['out', 'write'],
  ],
  overrides: { WG },
};

/** out[count] = Σ over `splits` slices of partial[splits, count]. */
export function splitSumOp(
  ctx: GpuContext,
  label: string,
  count: number,
  splits: number,
  buffers: { readonly partial: GPUBuffer; readonly out: GPUBuffer },
): Op {
  return createOp(ctx, {
    kernel: splitSumKernel,
    label,
    params: [
      ['count', 'u32', count],
      ['splits', 'u32', splits],
    ],
    buffers: [buffers.partial, buffers.out],
    dispatch: linearDispatch(ceilDiv(count, WG)),
  });
}
