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
import { ceilDiv, type Dispatch, type KernelDescriptor, linearDispatch } from './kernel';
import { createOp, type GpuContext, type Op, sequenceOps } from './op';
import type { ParamField } from './params';
import { splitSumOp } from './split-sum';

/** Threads per workgroup of the register-blocked (barrier-free) kernels. */
const WG = 64;

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
  overrides: { WG, SLIDE: 0, ROW: 0, ACT: 0 },
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
  overrides: { WG, SLIDE: 0, ROW: 0 },
};

export const conv2dBackwardWeightsKernel: KernelDescriptor = {
  name: 'conv2d_backward_weights',
  code: conv2dBackwardWeightsWgsl,
  bindings: [
    ['params', 'uniform'],
    ['x', 'read'],
    ['dy', 'read'],
    ['partial', 'write'],
  ],
  overrides: { WG, SLIDE: 0 },
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

/** The SLIDE override: 1 when the input window moves one column per tap (strideW = dilationW = 1). */
function slides(geo: ConvGeometry): number {
  return geo.strideW === 1 && geo.dilationW === 1 ? 1 : 0;
}

/** The ROW override: kw when the sliding window's row is written out straight-line (kw 3 or 5), else 0. */
function straightRow(geo: ConvGeometry): number {
  return slides(geo) === 1 && (geo.kw === 3 || geo.kw === 5) ? geo.kw : 0;
}

/** Workgroups for one thread per 4 channels x 8 columns of one row of [planes, channels, h, w]. */
function rowBlockDispatch(planes: number, channels: number, h: number, w: number): Dispatch {
  return linearDispatch(ceilDiv(planes * ceilDiv(channels, 4) * h * ceilDiv(w, 8), WG));
}

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
    params: [...geometryFields(geo), ['alpha', 'f32', activation.alpha], ['hasBias', 'u32', buffers.b ? 1 : 0]],
    buffers: [buffers.x, buffers.w, b, buffers.y],
    dispatch: rowBlockDispatch(geo.batch * geo.groups, geo.outC / geo.groups, geo.outH, geo.outW),
    overrides: { SLIDE: slides(geo), ROW: straightRow(geo), ACT: activationCode(activation.kind) },
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
    dispatch: rowBlockDispatch(geo.batch * geo.groups, geo.inC / geo.groups, geo.inH, geo.inW),
    overrides: { SLIDE: slides(geo), ROW: straightRow(geo) },
  });
}

/** Threads the dw kernel aims for across its splits (enough to fill a CPU adapter and a small GPU). */
const DW_TARGET_THREADS = 2048;

/** How conv2d_backward_weights cuts the batch·outH rows of dy: `splits` chunks of `chunk` rows. */
export function weightSplits(geo: ConvGeometry): { readonly splits: number; readonly chunk: number } {
  const cg = geo.inC / geo.groups;
  const base = ceilDiv(geo.kw, 8) * cg * geo.kh * ceilDiv(geo.outC / geo.groups, 4) * geo.groups;
  const rows = geo.batch * geo.outH;
  const wanted = Math.min(rows, Math.max(1, ceilDiv(DW_TARGET_THREADS, base)));
  const chunk = ceilDiv(rows, wanted);
  return { splits: ceilDiv(rows, chunk), chunk };
}

/** dw = dL/dw summed over the batch: partial sums over slices of rows, then split_sum. */
export function conv2dBackwardWeightsOp(
  ctx: GpuContext,
  label: string,
  geo: ConvGeometry,
  buffers: { readonly x: GPUBuffer; readonly dy: GPUBuffer; readonly dw: GPUBuffer },
): Op {
  const cg = geo.inC / geo.groups;
  const count = geo.outC * cg * geo.kh * geo.kw;
  const { splits, chunk } = weightSplits(geo);
  const threads = splits * geo.groups * ceilDiv(geo.outC / geo.groups, 4) * cg * geo.kh * ceilDiv(geo.kw, 8);
  const partial = ctx.pool.storage(`${label} partial sums`, splits * count * 4);
  const partials = createOp(ctx, {
    kernel: conv2dBackwardWeightsKernel,
    label: `${label} partial`,
    params: [...geometryFields(geo), ['splits', 'u32', splits], ['chunk', 'u32', chunk]],
    buffers: [buffers.x, buffers.dy, partial],
    dispatch: linearDispatch(ceilDiv(threads, WG)),
    overrides: { SLIDE: slides(geo) },
  });
  return sequenceOps(label, [partials, splitSumOp(ctx, `${label} sum`, count, splits, { partial, out: buffers.dw })]);
}
