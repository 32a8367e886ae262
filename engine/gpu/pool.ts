/**
 * Pooling on the GPU: max pooling (with switches) and average pooling, forward and backward,
 * over the CPU engine's ConvGeometry (poolGeometry), plus global average pooling.
 * Backward kernels gather per input element, so overlapping windows need no atomics.
 */

import avgpoolBackwardWgsl from '../../shaders/avgpool_backward.wgsl?raw';
import avgpoolForwardWgsl from '../../shaders/avgpool_forward.wgsl?raw';
import globalAvgPoolBackwardWgsl from '../../shaders/globalavgpool_backward.wgsl?raw';
import globalAvgPoolForwardWgsl from '../../shaders/globalavgpool_forward.wgsl?raw';
import maxpoolBackwardWgsl from '../../shaders/maxpool_backward.wgsl?raw';
import maxpoolForwardWgsl from '../../shaders/maxpool_forward.wgsl?raw';
import type { ConvGeometry } from '../cpu/geometry';
import { type BindingKind, ceilDiv, ELEMENT_WG, type KernelDescriptor, linearDispatch } from './kernel';
import { createOp, type GpuContext, type Op } from './op';
import type { ParamField } from './params';

const WG = ELEMENT_WG;

function kernel(name: string, code: string, bindings: (readonly [string, BindingKind])[]): KernelDescriptor {
  return { name, code, bindings: [['params', 'uniform'], ...bindings], overrides: { WG } };
}

export const maxpoolForwardKernel = kernel('maxpool_forward', maxpoolForwardWgsl, [
  ['x', 'read'],
  ['y', 'write'],
  ['switches', 'write'],
]);
export const maxpoolBackwardKernel: KernelDescriptor = {
  ...kernel('maxpool_backward', maxpoolBackwardWgsl, [
    ['dy', 'read'],
    ['switches', 'read'],
    ['dx', 'write'],
  ]),
  overrides: { WG, DISJOINT: 0 },
};
export const avgpoolForwardKernel = kernel('avgpool_forward', avgpoolForwardWgsl, [
  ['x', 'read'],
  ['y', 'write'],
]);
export const avgpoolBackwardKernel = kernel('avgpool_backward', avgpoolBackwardWgsl, [
  ['dy', 'read'],
  ['dx', 'write'],
]);
export const globalAvgPoolForwardKernel = kernel('globalavgpool_forward', globalAvgPoolForwardWgsl, [
  ['x', 'read'],
  ['y', 'write'],
]);
export const globalAvgPoolBackwardKernel = kernel('globalavgpool_backward', globalAvgPoolBackwardWgsl, [
  ['dy', 'read'],
  ['dx', 'write'],
]);

function windowFields(geo: ConvGeometry): ParamField[] {
  return [
    ['planes', 'u32', geo.batch * geo.inC],
    ['inH', 'u32', geo.inH],
    ['inW', 'u32', geo.inW],
    ['outH', 'u32', geo.outH],
    ['outW', 'u32', geo.outW],
    ['kh', 'u32', geo.kh],
    ['kw', 'u32', geo.kw],
    ['strideH', 'u32', geo.strideH],
    ['strideW', 'u32', geo.strideW],
    ['padTop', 'u32', geo.padTop],
    ['padLeft', 'u32', geo.padLeft],
  ];
}

function outputs(geo: ConvGeometry): number {
  return geo.batch * geo.inC * geo.outH * geo.outW;
}

function inputs(geo: ConvGeometry): number {
  return geo.batch * geo.inC * geo.inH * geo.inW;
}

/** y = window max; switches (i32) = flat index into x of each max, −1 for an all-padding window. */
export function maxpoolForwardOp(
  ctx: GpuContext,
  label: string,
  geo: ConvGeometry,
  b: { readonly x: GPUBuffer; readonly y: GPUBuffer; readonly switches: GPUBuffer },
): Op {
  return createOp(ctx, {
    kernel: maxpoolForwardKernel,
    label,
    params: windowFields(geo),
    buffers: [b.x, b.y, b.switches],
    dispatch: linearDispatch(ceilDiv(outputs(geo), WG)),
  });
}

export function maxpoolBackwardOp(
  ctx: GpuContext,
  label: string,
  geo: ConvGeometry,
  b: { readonly dy: GPUBuffer; readonly switches: GPUBuffer; readonly dx: GPUBuffer },
): Op {
  return createOp(ctx, {
    kernel: maxpoolBackwardKernel,
    label,
    params: windowFields(geo),
    buffers: [b.dy, b.switches, b.dx],
    dispatch: linearDispatch(ceilDiv(inputs(geo), WG)),
    overrides: { DISJOINT: geo.strideH >= geo.kh && geo.strideW >= geo.kw ? 1 : 0 },
  });
}

export function avgpoolForwardOp(
  ctx: GpuContext,
  label: string,
  geo: ConvGeometry,
  b: { readonly x: GPUBuffer; readonly y: GPUBuffer },
): Op {
  return createOp(ctx, {
    kernel: avgpoolForwardKernel,
    label,
    params: windowFields(geo),
    buffers: [b.x, b.y],
    dispatch: linearDispatch(ceilDiv(outputs(geo), WG)),
  });
}

export function avgpoolBackwardOp(
  ctx: GpuContext,
  label: string,
  geo: ConvGeometry,
  b: { readonly dy: GPUBuffer; readonly dx: GPUBuffer },
): Op {
  return createOp(ctx, {
    kernel: avgpoolBackwardKernel,
    label,
    params: windowFields(geo),
    buffers: [b.dy, b.dx],
    dispatch: linearDispatch(ceilDiv(inputs(geo), WG)),
  });
}

/** y[n, c] = mean of x[n, c, :, :]; `planes` = N·C, `size` = H·W. */
export function globalAvgPoolForwardOp(
  ctx: GpuContext,
  label: string,
  planes: number,
  size: number,
  b: { readonly x: GPUBuffer; readonly y: GPUBuffer },
): Op {
  return createOp(ctx, {
    kernel: globalAvgPoolForwardKernel,
    label,
    params: [
      ['planes', 'u32', planes],
      ['size', 'u32', size],
    ],
    buffers: [b.x, b.y],
    dispatch: linearDispatch(ceilDiv(planes, WG)),
  });
}

export function globalAvgPoolBackwardOp(
  ctx: GpuContext,
  label: string,
  planes: number,
  size: number,
  b: { readonly dy: GPUBuffer; readonly dx: GPUBuffer },
): Op {
  return createOp(ctx, {
    kernel: globalAvgPoolBackwardKernel,
    label,
    params: [
      ['planes', 'u32', planes],
      ['size', 'u32', size],
    ],
    buffers: [b.dy, b.dx],
    dispatch: linearDispatch(ceilDiv(planes * size, WG)),
  });
}
