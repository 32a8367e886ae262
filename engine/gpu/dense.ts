/**
 * Dense (fully connected) layers on the GPU: y = act(x·Wᵀ + b) with x [N, in], W [units, in],
 * as engine/cpu/dense.ts. All three products run on the strided, register-blocked matmul kernel;
 * the bias gradient is bias_backward with size 1 (a split_sum over dy's rows).
 */

import matmulWgsl from '../../shaders/matmul.wgsl?raw';
import type { DenseDims } from '../cpu/dense';
import { activationCode } from './activation-code';
import { type FusedActivation, NO_ACTIVATION } from './conv2d';
import { ceilDiv, type KernelDescriptor, linearDispatch } from './kernel';
import { createOp, type GpuContext, type Op } from './op';

/** Threads per workgroup; each thread owns a 4 x 8 block of C. */
const WG = 64;

export const matmulKernel: KernelDescriptor = {
  name: 'matmul',
  code: matmulWgsl,
  bindings: [
    ['params', 'uniform'],
    ['a', 'read'],
    ['b', 'read'],
    ['bias', 'read'],
    ['c', 'write'],
  ],
  overrides: { WG, ACT: 0 },
};

/** C[M, N] = act(A·B + bias) with A(i,k) = a[i·aI + k·aK] and B(k,j) = b[k·bK + j·bJ]. */
export interface MatmulShape {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly aI: number;
  readonly aK: number;
  readonly bK: number;
  readonly bJ: number;
}

export function matmulOp(
  ctx: GpuContext,
  label: string,
  s: MatmulShape,
  buffers: { readonly a: GPUBuffer; readonly b: GPUBuffer; readonly bias: GPUBuffer | null; readonly c: GPUBuffer },
  activation: FusedActivation = NO_ACTIVATION,
): Op {
  const bias = buffers.bias ?? ctx.pool.storage(`${label} no bias`, 4);
  return createOp(ctx, {
    kernel: matmulKernel,
    label,
    params: [
      ['M', 'u32', s.m],
      ['N', 'u32', s.n],
      ['K', 'u32', s.k],
      ['aI', 'u32', s.aI],
      ['aK', 'u32', s.aK],
      ['bK', 'u32', s.bK],
      ['bJ', 'u32', s.bJ],
      ['hasBias', 'u32', buffers.bias ? 1 : 0],
      ['alpha', 'f32', activation.alpha],
    ],
    buffers: [buffers.a, buffers.b, bias, buffers.c],
    dispatch: linearDispatch(ceilDiv(ceilDiv(s.m, 4) * ceilDiv(s.n, 8), WG)),
    overrides: { ACT: activationCode(activation.kind) },
  });
}

/** y[N, units] = act(x·Wᵀ + b). */
export function denseForwardOp(
  ctx: GpuContext,
  label: string,
  d: DenseDims,
  buffers: { readonly x: GPUBuffer; readonly w: GPUBuffer; readonly b: GPUBuffer | null; readonly y: GPUBuffer },
  activation: FusedActivation = NO_ACTIVATION,
): Op {
  const shape = { m: d.batch, n: d.units, k: d.inputs, aI: d.inputs, aK: 1, bK: 1, bJ: d.inputs };
  return matmulOp(ctx, label, shape, { a: buffers.x, b: buffers.w, bias: buffers.b, c: buffers.y }, activation);
}

/** dx[N, in] = dy[N, units]·W. */
export function denseBackwardInputOp(
  ctx: GpuContext,
  label: string,
  d: DenseDims,
  buffers: { readonly dy: GPUBuffer; readonly w: GPUBuffer; readonly dx: GPUBuffer },
): Op {
  const shape = { m: d.batch, n: d.inputs, k: d.units, aI: d.units, aK: 1, bK: d.inputs, bJ: 1 };
  return matmulOp(ctx, label, shape, { a: buffers.dy, b: buffers.w, bias: null, c: buffers.dx });
}

/** dW[units, in] = dyᵀ·x. */
export function denseBackwardWeightsOp(
  ctx: GpuContext,
  label: string,
  d: DenseDims,
  buffers: { readonly x: GPUBuffer; readonly dy: GPUBuffer; readonly dw: GPUBuffer },
): Op {
  const shape = { m: d.units, n: d.inputs, k: d.batch, aI: 1, aK: d.units, bK: d.inputs, bJ: 1 };
  return matmulOp(ctx, label, shape, { a: buffers.dy, b: buffers.x, bias: null, c: buffers.dw });
}
