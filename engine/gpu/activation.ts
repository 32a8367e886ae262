/**
 * Standalone activation layers on the GPU, forward and backward. Backward takes the branch of a
 * kinked activation from the input x (a negative alpha is allowed) and the rest from the output
 * y; the activations fused into conv2d and dense bind y as x (their alpha is the positive default).
 */

import activationBackwardWgsl from '../../shaders/activation_backward.wgsl?raw';
import activationForwardWgsl from '../../shaders/activation_forward.wgsl?raw';
import type { ActivationKind } from '../spec/types';
import { activationCode } from './activation-code';
import { ceilDiv, ELEMENT_WG, type KernelDescriptor, linearDispatch } from './kernel';
import { createOp, type GpuContext, type Op } from './op';
import type { ParamField } from './params';

const WG = ELEMENT_WG;

export const activationForwardKernel: KernelDescriptor = {
  name: 'activation_forward',
  code: activationForwardWgsl,
  bindings: [
    ['params', 'uniform'],
    ['x', 'read'],
    ['y', 'write'],
  ],
  overrides: { WG, ACT: 0 },
};

export const activationBackwardKernel: KernelDescriptor = {
  name: 'activation_backward',
  code: activationBackwardWgsl,
  bindings: [
    ['params', 'uniform'],
    ['x', 'read'],
    ['y', 'read'],
    ['dy', 'read'],
    ['dx', 'write'],
  ],
  overrides: { WG, ACT: 0 },
};

function fields(count: number, alpha: number): ParamField[] {
  return [
    ['count', 'u32', count],
    ['alpha', 'f32', alpha],
  ];
}

export function activationForwardOp(
  ctx: GpuContext,
  label: string,
  kind: ActivationKind,
  alpha: number,
  count: number,
  buffers: { readonly x: GPUBuffer; readonly y: GPUBuffer },
): Op {
  return createOp(ctx, {
    kernel: activationForwardKernel,
    label,
    params: fields(count, alpha),
    overrides: { ACT: activationCode(kind) },
    buffers: [buffers.x, buffers.y],
    dispatch: linearDispatch(ceilDiv(count, WG)),
  });
}

export function activationBackwardOp(
  ctx: GpuContext,
  label: string,
  kind: ActivationKind,
  alpha: number,
  count: number,
  buffers: { readonly x: GPUBuffer; readonly y: GPUBuffer; readonly dy: GPUBuffer; readonly dx: GPUBuffer },
): Op {
  return createOp(ctx, {
    kernel: activationBackwardKernel,
    label,
    params: fields(count, alpha),
    overrides: { ACT: activationCode(kind) },
    buffers: [buffers.x, buffers.y, buffers.dy, buffers.dx],
    dispatch: linearDispatch(ceilDiv(count, WG)),
  });
}
