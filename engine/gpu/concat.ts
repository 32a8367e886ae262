/**
 * Concat on the GPU: one slice copy per input, forward into its channel range of the joined
 * output and backward out of it (shaders/concat_forward.wgsl, concat_backward.wgsl).
 */
import concatBackwardWgsl from '../../shaders/concat_backward.wgsl?raw';
import concatForwardWgsl from '../../shaders/concat_forward.wgsl?raw';
import { ceilDiv, ELEMENT_WG, type KernelDescriptor, linearDispatch } from './kernel';
import { createOp, type GpuContext, type Op } from './op';
import type { ParamField } from './params';

const WG = ELEMENT_WG;

export const concatForwardKernel: KernelDescriptor = {
  name: 'concat_forward',
  code: concatForwardWgsl,
  bindings: [
    ['params', 'uniform'],
    ['x', 'read'],
    ['y', 'write'],
  ],
  overrides: { WG },
};

export const concatBackwardKernel: KernelDescriptor = {
  name: 'concat_backward',
  code: concatBackwardWgsl,
  bindings: [
    ['params', 'uniform'],
    ['dy', 'read'],
    ['dx', 'write'],
  ],
  overrides: { WG },
};

/** Where one input sits in the joined sample: `size` values per sample, `offset` values in. */
export interface ConcatSlice {
  readonly batch: number;
  readonly size: number;
  readonly outSize: number;
  readonly offset: number;
}

/** The slices of inputs with per-sample sizes `sizes`, in order. */
export function concatSlices(batch: number, sizes: readonly number[]): ConcatSlice[] {
  const outSize = sizes.reduce((a, b) => a + b, 0);
  let offset = 0;
  return sizes.map((size) => {
    const slice = { batch, size, outSize, offset };
    offset += size;
    return slice;
  });
}

function sliceOp(ctx: GpuContext, kernel: KernelDescriptor, label: string, s: ConcatSlice, buffers: GPUBuffer[]): Op {
  const count = s.batch * s.size;
  const params: ParamField[] = [
    ['count', 'u32', count],
    ['size', 'u32', s.size],
    ['outSize', 'u32', s.outSize],
    ['offset', 'u32', s.offset],
  ];
  return createOp(ctx, { kernel, label, params, buffers, dispatch: linearDispatch(ceilDiv(count, WG)) });
}

/** Copies x into its slice of y. */
export function concatForwardOp(
  ctx: GpuContext,
  label: string,
  slice: ConcatSlice,
  b: { readonly x: GPUBuffer; readonly y: GPUBuffer },
): Op {
  return sliceOp(ctx, concatForwardKernel, label, slice, [b.x, b.y]);
}

/** Copies the slice of dy that belongs to one input into dx. */
export function concatBackwardOp(
  ctx: GpuContext,
  label: string,
  slice: ConcatSlice,
  b: { readonly dy: GPUBuffer; readonly dx: GPUBuffer },
): Op {
  return sliceOp(ctx, concatBackwardKernel, label, slice, [b.dy, b.dx]);
}
