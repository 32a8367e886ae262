/**
 * Element-wise ops: residual add (forward, and summing two gradients in backward), inverted
 * dropout forward (mask from a seeded hash, see shaders/dropout_forward.wgsl) and its backward
 * (multiply by the mask).
 */
import addWgsl from '../../shaders/add.wgsl?raw';
import dropoutForwardWgsl from '../../shaders/dropout_forward.wgsl?raw';
import multiplyWgsl from '../../shaders/multiply.wgsl?raw';
import { ceilDiv, ELEMENT_WG, type KernelDescriptor, linearDispatch } from './kernel';
import { createOp, type GpuContext, type Op } from './op';
import type { ParamField } from './params';

const WG = ELEMENT_WG;

const BINARY = [
  ['params', 'uniform'],
  ['a', 'read'],
  ['b', 'read'],
  ['c', 'write'],
] as const;

export const addKernel: KernelDescriptor = { name: 'add', code: addWgsl, bindings: BINARY, overrides: { WG } };
export const multiplyKernel: KernelDescriptor = {
  name: 'multiply',
  code: multiplyWgsl,
  bindings: BINARY,
  overrides: { WG },
};
export const dropoutForwardKernel: KernelDescriptor = {
  name: 'dropout_forward',
  code: dropoutForwardWgsl,
  bindings: [
    ['params', 'uniform'],
    ['x', 'read'],
    ['y', 'write'],
    ['mask', 'write'],
  ],
  overrides: { WG },
};

type Binary = { readonly a: GPUBuffer; readonly b: GPUBuffer; readonly c: GPUBuffer };

function binaryOp(ctx: GpuContext, kernel: KernelDescriptor, label: string, count: number, b: Binary): Op {
  return createOp(ctx, {
    kernel,
    label,
    params: [['count', 'u32', count]],
    buffers: [b.a, b.b, b.c],
    dispatch: linearDispatch(ceilDiv(count, WG)),
  });
}

/** c = a + b. */
export function addOp(ctx: GpuContext, label: string, count: number, b: Binary): Op {
  return binaryOp(ctx, addKernel, label, count, b);
}

/** c = a ⊙ b; dropout backward is multiplyOp(dy, mask, dx). */
export function multiplyOp(ctx: GpuContext, label: string, count: number, b: Binary): Op {
  return binaryOp(ctx, multiplyKernel, label, count, b);
}

export interface DropoutOp {
  readonly op: Op;
  /** A new seed (a new mask) for the next encoded step. */
  setSeed(seed: number): void;
}

/** y = x ⊙ mask, mask ∈ {0, 1/(1 − rate)} drawn from hash(seed, i). */
export function dropoutForwardOp(
  ctx: GpuContext,
  label: string,
  rate: number,
  count: number,
  b: { readonly x: GPUBuffer; readonly y: GPUBuffer; readonly mask: GPUBuffer },
  seed = 0,
): DropoutOp {
  const fields = (s: number): ParamField[] => [
    ['count', 'u32', count],
    ['rate', 'f32', rate],
    ['seed', 'u32', s >>> 0],
  ];
  const op = createOp(ctx, {
    kernel: dropoutForwardKernel,
    label,
    params: fields(seed),
    buffers: [b.x, b.y, b.mask],
    dispatch: linearDispatch(ceilDiv(count, WG)),
  });
  return { op, setSeed: (s) => op.setParams(fields(s)) };
}
