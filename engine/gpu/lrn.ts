/**
 * Local response normalisation on the GPU (shaders/lrn_forward.wgsl, lrn_backward.wgsl): the
 * same formula and layout as engine/cpu/lrn.ts, one thread per element.
 */
import lrnBackwardWgsl from '../../shaders/lrn_backward.wgsl?raw';
import lrnForwardWgsl from '../../shaders/lrn_forward.wgsl?raw';
import type { LrnDims, LrnParams } from '../cpu/lrn';
import { ceilDiv, type Dispatch, ELEMENT_WG, type KernelDescriptor, linearDispatch } from './kernel';
import { createOp, type GpuContext, type Op } from './op';
import type { ParamField } from './params';

const WG = ELEMENT_WG;

export const lrnForwardKernel: KernelDescriptor = {
  name: 'lrn_forward',
  code: lrnForwardWgsl,
  bindings: [
    ['params', 'uniform'],
    ['x', 'read'],
    ['y', 'write'],
    ['scale', 'write'],
  ],
  overrides: { WG },
};

export const lrnBackwardKernel: KernelDescriptor = {
  name: 'lrn_backward',
  code: lrnBackwardWgsl,
  bindings: [
    ['params', 'uniform'],
    ['x', 'read'],
    ['scale', 'read'],
    ['dy', 'read'],
    ['dx', 'write'],
  ],
  overrides: { WG },
};

function fields(d: LrnDims, p: LrnParams): ParamField[] {
  return [
    ['count', 'u32', d.batch * d.channels * d.spatial],
    ['channels', 'u32', d.channels],
    ['spatial', 'u32', d.spatial],
    ['half', 'u32', Math.floor(p.size / 2)],
    ['k', 'f32', p.k],
    ['alpha', 'f32', p.alpha],
    ['beta', 'f32', p.beta],
  ];
}

const dispatch = (d: LrnDims): Dispatch => linearDispatch(ceilDiv(d.batch * d.channels * d.spatial, WG));

/** y = LRN(x); scale = the denominators d before the power, kept for backward. */
export function lrnForwardOp(
  ctx: GpuContext,
  label: string,
  d: LrnDims,
  p: LrnParams,
  b: { readonly x: GPUBuffer; readonly y: GPUBuffer; readonly scale: GPUBuffer },
): Op {
  return createOp(ctx, {
    kernel: lrnForwardKernel,
    label,
    params: fields(d, p),
    buffers: [b.x, b.y, b.scale],
    dispatch: dispatch(d),
  });
}

/** dx from dy, the forward's x and scale. */
export function lrnBackwardOp(
  ctx: GpuContext,
  label: string,
  d: LrnDims,
  p: LrnParams,
  b: { readonly x: GPUBuffer; readonly scale: GPUBuffer; readonly dy: GPUBuffer; readonly dx: GPUBuffer },
): Op {
  return createOp(ctx, {
    kernel: lrnBackwardKernel,
    label,
    params: fields(d, p),
    buffers: [b.x, b.scale, b.dy, b.dx],
    dispatch: dispatch(d),
  });
}
