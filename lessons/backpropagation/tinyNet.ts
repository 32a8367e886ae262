/**
 * The lesson's tiny network, small enough to write every number down:
 *
 *   x (2) → z1 = W1·x + b1 → h = ReLU(z1) → z2 = W2·h + b2 → L = −log softmax(z2)[y]
 *
 * Forward and backward both go through the engine's CPU kernels (dense, activations, softmax,
 * softmax cross-entropy), so the graph, the chain-rule lines and the gradient check all show the
 * engine's own numbers. The weights are chosen so that one ReLU is off: the gate then visibly
 * stops a gradient.
 */
import { activationBackward, activationForward } from '../../engine/cpu/activations';
import { denseBackward, denseForward } from '../../engine/cpu/dense';
import { softmaxCrossEntropy } from '../../engine/cpu/losses';
import { softmaxForward } from '../../engine/cpu/softmax';

export interface NetParams {
  readonly W1: readonly number[]; // [2, 2] row-major: row = unit, as the engine stores dense weights
  readonly b1: readonly number[];
  readonly W2: readonly number[];
  readonly b2: readonly number[];
}

export interface NetInput {
  readonly x: readonly number[];
  /** The true class, 0 or 1. */
  readonly label: number;
}

export const NET_PARAMS: NetParams = {
  W1: [0.6, -0.2, -0.5, 0.1],
  b1: [0.1, 0.2],
  W2: [0.7, -0.4, 0.2, 0.9],
  b2: [0, 0.1],
};

export const NET_INPUT: NetInput = { x: [1, 2], label: 1 };

export interface NetForward {
  readonly z1: Float32Array;
  readonly h: Float32Array;
  readonly z2: Float32Array;
  readonly p: Float32Array;
  readonly loss: number;
}

export interface NetBackward {
  /** dL/dz2 = p − y (the engine's fused softmax cross-entropy gradient, batch of 1). */
  readonly dz2: Float32Array;
  readonly dW2: Float32Array;
  readonly db2: Float32Array;
  readonly dh: Float32Array;
  readonly dz1: Float32Array;
  readonly dW1: Float32Array;
  readonly db1: Float32Array;
  readonly dx: Float32Array;
}

const DIMS = { batch: 1, inputs: 2, units: 2 } as const;
const f32 = (v: readonly number[]): Float32Array => Float32Array.from(v);

export function netForward(params: NetParams, input: NetInput): NetForward {
  const z1 = new Float32Array(2);
  const h = new Float32Array(2);
  const z2 = new Float32Array(2);
  const p = new Float32Array(2);
  denseForward(DIMS, f32(input.x), f32(params.W1), f32(params.b1), z1);
  activationForward('relu', 0, z1, h);
  denseForward(DIMS, h, f32(params.W2), f32(params.b2), z2);
  softmaxForward(1, 2, z2, p);
  const loss = softmaxCrossEntropy(1, 2, z2, [input.label]);
  return { z1, h, z2, p, loss };
}

export function netBackward(params: NetParams, input: NetInput, fwd: NetForward): NetBackward {
  const dz2 = new Float32Array(2);
  softmaxCrossEntropy(1, 2, fwd.z2, [input.label], dz2);
  const dW2 = new Float32Array(4);
  const db2 = new Float32Array(2);
  const dh = new Float32Array(2);
  denseBackward(DIMS, fwd.h, f32(params.W2), dz2, { dx: dh, dw: dW2, db: db2 });
  const dz1 = new Float32Array(2);
  activationBackward('relu', 0, fwd.h, dh, dz1);
  const dW1 = new Float32Array(4);
  const db1 = new Float32Array(2);
  const dx = new Float32Array(2);
  denseBackward(DIMS, f32(input.x), f32(params.W1), dz1, { dx, dw: dW1, db: db1 });
  return { dz2, dW2, db2, dh, dz1, dW1, db1, dx };
}

/** Every scalar parameter by name, for the gradient-check picker: "W1[0,1]", "b2[1]" … */
export interface ParamRef {
  readonly tensor: keyof NetParams;
  readonly index: number;
  readonly name: string;
}

export const PARAM_REFS: readonly ParamRef[] = (['W1', 'b1', 'W2', 'b2'] as const).flatMap((tensor) =>
  NET_PARAMS[tensor].map((_, index) => ({
    tensor,
    index,
    name: tensor.startsWith('W') ? `${tensor}[${Math.floor(index / 2)},${index % 2}]` : `${tensor}[${index}]`,
  })),
);

/** A copy of `params` with one scalar moved by `delta`. */
export function nudge(params: NetParams, ref: ParamRef, delta: number): NetParams {
  const moved = params[ref.tensor].map((v, i) => (i === ref.index ? v + delta : v));
  return { ...params, [ref.tensor]: moved };
}

/** The analytic gradient of one scalar parameter, read from the backward pass. */
export function gradientOf(back: NetBackward, ref: ParamRef): number {
  const table: Record<keyof NetParams, Float32Array> = { W1: back.dW1, b1: back.db1, W2: back.dW2, b2: back.db2 };
  return table[ref.tensor][ref.index]!;
}
