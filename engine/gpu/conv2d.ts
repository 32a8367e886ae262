/**
 * conv2d on the GPU: forward with fused bias and activation, and the three backward kernels
 * (input, weights, bias). Geometry is the CPU engine's ConvGeometry, so both backends read the
 * same resolved sizes. Builders return Ops: everything is created here, once; a step only encodes.
 */

import conv2dBackwardInputWgsl from '../../shaders/conv2d_backward_input.wgsl?raw';
import conv2dBackwardWeightsWgsl from '../../shaders/conv2d_backward_weights.wgsl?raw';
import conv2dForwardWgsl from '../../shaders/conv2d_forward.wgsl?raw';
import type { ConvGeometry } from '../cpu/geometry';
import type { ActivationKind } from '../spec/types';
import { activationCode } from './activation-code';
import { ceilDiv, type KernelDescriptor } from './kernel';
import { createOp, type GpuContext, type Op } from './op';
import type { ParamField } from './params';

const TILE = 16;

export const conv2dForwardKernel: KernelDescriptor = {
  name: 'conv2d_forward',
  code: conv2dForwardWgsl,
  bindings: [
    ['params', 'uniform'],
    ['x', 'read'],
    ['w', 'read'],
    ['b', 'read'],
    ['y', 'write'],
  ],
  overrides: { TILE },
};

export const conv2dBackwardInputKernel: KernelDescriptor = {
  name: 'conv2d_backward_input',
  code: conv2dBackwardInputWgsl,
  bindings: [
    ['params', 'uniform'],
    ['dy', 'read'],
    ['w', 'read'],
    ['dx', 'write'],
  ],
  overrides: { TILE },
};

export const conv2dBackwardWeightsKernel: KernelDescriptor = {
  name: 'conv2d_backward_weights',
  code: conv2dBackwardWeightsWgsl,
  bindings: [
    ['params', 'uniform'],
    ['x', 'read'],
    ['dy', 'read'],
    ['dw', 'write'],
  ],
  overrides: { TILE },
};

/** The geometry part of every conv2d Params struct, in WGSL field order. */
function geometryFields(geo: ConvGeometry): ParamField[] {
  return [
    ['batch', 'u32', geo.batch],
    ['inC', 'u32', geo.inC],
    ['inH', 'u32', geo.inH],
    ['inW', 'u32', geo.inW],
    ['outC', 'u32', geo.outC],
    ['outH', 'u32', geo.outH],
    ['outW', 'u32', geo.outW],
    ['kh', 'u32', geo.kh],
    ['kw', 'u32', geo.kw],
    ['strideH', 'u32', geo.strideH],
    ['strideW', 'u32', geo.strideW],
    ['padTop', 'u32', geo.padTop],
    ['padLeft', 'u32', geo.padLeft],
    ['dilationH', 'u32', geo.dilationH],
    ['dilationW', 'u32', geo.dilationW],
    ['groups', 'u32', geo.groups],
  ];
}

export interface Conv2dForwardBuffers {
  readonly x: GPUBuffer;
  readonly w: GPUBuffer;
  /** null for a layer without bias (a 4-byte dummy is bound). */
  readonly b: GPUBuffer | null;
  readonly y: GPUBuffer;
}

export interface FusedActivation {
  readonly kind: ActivationKind | null;
  readonly alpha: number;
}

export const NO_ACTIVATION: FusedActivation = { kind: null, alpha: 0 };

/** y = act(conv(x, w) + b). */
export function conv2dForwardOp(
  ctx: GpuContext,
  label: string,
  geo: ConvGeometry,
  buffers: Conv2dForwardBuffers,
  activation: FusedActivation = NO_ACTIVATION,
): Op {
  const b = buffers.b ?? ctx.pool.storage(`${label} no bias`, 4);
  return createOp(ctx, {
    kernel: conv2dForwardKernel,
    label,
    params: [
      ...geometryFields(geo),
      ['activation', 'u32', activationCode(activation.kind)],
      ['alpha', 'f32', activation.alpha],
      ['hasBias', 'u32', buffers.b ? 1 : 0],
    ],
    buffers: [buffers.x, buffers.w, b, buffers.y],
    dispatch: [ceilDiv(geo.outH * geo.outW, TILE), ceilDiv(geo.outC / geo.groups, TILE), geo.batch * geo.groups],
  });
}

/** dx = dL/dx from dy (the gradient of the pre-activation output). */
export function conv2dBackwardInputOp(
  ctx: GpuContext,
  label: string,
  geo: ConvGeometry,
  buffers: { readonly dy: GPUBuffer; readonly w: GPUBuffer; readonly dx: GPUBuffer },
): Op {
  return createOp(ctx, {
    kernel: conv2dBackwardInputKernel,
    label,
    params: geometryFields(geo),
    buffers: [buffers.dy, buffers.w, buffers.dx],
    dispatch: [ceilDiv(geo.inH * geo.inW, TILE), ceilDiv(geo.inC / geo.groups, TILE), geo.batch * geo.groups],
  });
}

/** dw = dL/dw summed over the batch. */
export function conv2dBackwardWeightsOp(
  ctx: GpuContext,
  label: string,
  geo: ConvGeometry,
  buffers: { readonly x: GPUBuffer; readonly dy: GPUBuffer; readonly dw: GPUBuffer },
): Op {
  const k = (geo.inC / geo.groups) * geo.kh * geo.kw;
  return createOp(ctx, {
    kernel: conv2dBackwardWeightsKernel,
    label,
    params: geometryFields(geo),
    buffers: [buffers.x, buffers.dy, buffers.dw],
    dispatch: [ceilDiv(k, TILE), ceilDiv(geo.outC / geo.groups, TILE), geo.groups],
  });
}
