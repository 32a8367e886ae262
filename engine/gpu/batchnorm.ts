/**
 * Batch normalisation on the GPU: training forward (batch statistics, running-average update,
 * keeps xhat and invStd), evaluation forward (running statistics) and training backward. The
 * running statistics live in one buffer of 2·C floats: means, then variances.
 */

import batchnormBackwardWgsl from '../../shaders/batchnorm_backward.wgsl?raw';
import batchnormForwardEvalWgsl from '../../shaders/batchnorm_forward_eval.wgsl?raw';
import batchnormForwardTrainWgsl from '../../shaders/batchnorm_forward_train.wgsl?raw';
import type { BatchNormDims } from '../cpu/batchnorm';
import { ceilDiv, type KernelDescriptor, linearDispatch } from './kernel';
import { createOp, type GpuContext, type Op } from './op';
import type { ParamField } from './params';

export const batchnormForwardTrainKernel: KernelDescriptor = {
  name: 'batchnorm_forward_train',
  code: batchnormForwardTrainWgsl,
  bindings: [
    ['params', 'uniform'],
    ['x', 'read'],
    ['gamma', 'read'],
    ['beta', 'read'],
    ['y', 'write'],
    ['xhat', 'write'],
    ['invStd', 'write'],
    ['running', 'write'],
  ],
  overrides: { WG: 256 },
};

export const batchnormForwardEvalKernel: KernelDescriptor = {
  name: 'batchnorm_forward_eval',
  code: batchnormForwardEvalWgsl,
  bindings: [
    ['params', 'uniform'],
    ['x', 'read'],
    ['gamma', 'read'],
    ['beta', 'read'],
    ['running', 'read'],
    ['y', 'write'],
  ],
  overrides: { WG: 64 },
};

export const batchnormBackwardKernel: KernelDescriptor = {
  name: 'batchnorm_backward',
  code: batchnormBackwardWgsl,
  bindings: [
    ['params', 'uniform'],
    ['dy', 'read'],
    ['xhat', 'read'],
    ['gamma', 'read'],
    ['invStd', 'read'],
    ['dx', 'write'],
    ['dgamma', 'write'],
    ['dbeta', 'write'],
  ],
  overrides: { WG: 256 },
};

export interface BatchNormHyper {
  readonly momentum: number;
  readonly epsilon: number;
}

function fields(d: BatchNormDims, h: BatchNormHyper): ParamField[] {
  return [
    ['batch', 'u32', d.batch],
    ['channels', 'u32', d.channels],
    ['size', 'u32', d.size],
    ['momentum', 'f32', h.momentum],
    ['epsilon', 'f32', h.epsilon],
  ];
}

export function batchnormForwardTrainOp(
  ctx: GpuContext,
  label: string,
  d: BatchNormDims,
  h: BatchNormHyper,
  b: {
    readonly x: GPUBuffer;
    readonly gamma: GPUBuffer;
    readonly beta: GPUBuffer;
    readonly y: GPUBuffer;
    readonly xhat: GPUBuffer;
    readonly invStd: GPUBuffer;
    readonly running: GPUBuffer;
  },
): Op {
  return createOp(ctx, {
    kernel: batchnormForwardTrainKernel,
    label,
    params: fields(d, h),
    buffers: [b.x, b.gamma, b.beta, b.y, b.xhat, b.invStd, b.running],
    dispatch: [d.channels],
  });
}

export function batchnormForwardEvalOp(
  ctx: GpuContext,
  label: string,
  d: BatchNormDims,
  h: BatchNormHyper,
  b: {
    readonly x: GPUBuffer;
    readonly gamma: GPUBuffer;
    readonly beta: GPUBuffer;
    readonly running: GPUBuffer;
    readonly y: GPUBuffer;
  },
): Op {
  return createOp(ctx, {
    kernel: batchnormForwardEvalKernel,
    label,
    params: fields(d, h),
    buffers: [b.x, b.gamma, b.beta, b.running, b.y],
    dispatch: linearDispatch(ceilDiv(d.batch * d.channels * d.size, 64)),
  });
}

export function batchnormBackwardOp(
  ctx: GpuContext,
  label: string,
  d: BatchNormDims,
  b: {
    readonly dy: GPUBuffer;
    readonly xhat: GPUBuffer;
    readonly gamma: GPUBuffer;
    readonly invStd: GPUBuffer;
    readonly dx: GPUBuffer;
    readonly dgamma: GPUBuffer;
    readonly dbeta: GPUBuffer;
  },
): Op {
  return createOp(ctx, {
    kernel: batchnormBackwardKernel,
    label,
    params: fields(d, { momentum: 0, epsilon: 0 }),
    buffers: [b.dy, b.xhat, b.gamma, b.invStd, b.dx, b.dgamma, b.dbeta],
    dispatch: [d.channels],
  });
}
