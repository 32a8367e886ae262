/**
 * Why weights cannot all start equal: a tiny net, 4 inputs → 3 tanh units → 1 linear output, loss
 * ½(y − t)², trained by plain gradient steps with the engine's dense and tanh kernels. If every
 * weight starts at the same value, every hidden unit computes the same thing, receives the same
 * gradient and takes the same step, so they stay copies of one another however long it trains;
 * if every weight starts at zero, no weight even receives a gradient (no biases here).
 */
import { activationBackward, activationForward } from '../../engine/cpu/activations';
import { denseBackward, denseForward } from '../../engine/cpu/dense';
import { createRng } from '../../engine/tensor/rng';
import { normal } from '../../engine/train/initializers';

export type StartMode = 'zeros' | 'constant' | 'random';

export const INPUT = [0.5, -0.3, 0.8, 0.2] as const;
export const TARGET = 1;
export const HIDDEN = 3;
export const CONSTANT = 0.5;
export const LEARNING_RATE = 0.5;

export interface TinyNet {
  /** [HIDDEN, 4], one row per hidden unit. */
  readonly w1: Float32Array;
  /** [1, HIDDEN]. */
  readonly w2: Float32Array;
}

export interface TinyPass {
  readonly hidden: Float32Array;
  readonly output: number;
  readonly loss: number;
  readonly dw1: Float32Array;
  readonly dw2: Float32Array;
}

export function startNet(mode: StartMode, seed: number): TinyNet {
  const w1 = new Float32Array(HIDDEN * INPUT.length);
  const w2 = new Float32Array(HIDDEN);
  if (mode === 'constant') {
    w1.fill(CONSTANT);
    w2.fill(CONSTANT);
  } else if (mode === 'random') {
    const rng = createRng(seed);
    normal(w1, 0.5, rng);
    normal(w2, 0.5, rng);
  }
  return { w1, w2 };
}

export function pass(net: TinyNet): TinyPass {
  const x = Float32Array.from(INPUT);
  const hidden = new Float32Array(HIDDEN);
  denseForward({ batch: 1, inputs: INPUT.length, units: HIDDEN }, x, net.w1, null, hidden);
  activationForward('tanh', 0, hidden, hidden);
  const y = new Float32Array(1);
  denseForward({ batch: 1, inputs: HIDDEN, units: 1 }, hidden, net.w2, null, y);
  const output = y[0]!;
  const dy = Float32Array.of(output - TARGET);
  const dh = new Float32Array(HIDDEN);
  const dw2 = new Float32Array(HIDDEN);
  denseBackward({ batch: 1, inputs: HIDDEN, units: 1 }, hidden, net.w2, dy, { dx: dh, dw: dw2, db: null });
  activationBackward('tanh', 0, hidden, dh, dh);
  const dw1 = new Float32Array(HIDDEN * INPUT.length);
  denseBackward({ batch: 1, inputs: INPUT.length, units: HIDDEN }, x, net.w1, dh, { dx: null, dw: dw1, db: null });
  return { hidden, output, loss: 0.5 * (output - TARGET) ** 2, dw1, dw2 };
}

export function step(net: TinyNet): TinyNet {
  const { dw1, dw2 } = pass(net);
  return {
    w1: net.w1.map((w, i) => w - LEARNING_RATE * dw1[i]!),
    w2: net.w2.map((w, i) => w - LEARNING_RATE * dw2[i]!),
  };
}

/** How many hidden units differ: units with the same incoming and outgoing weights are one unit. */
export function distinctUnits(net: TinyNet): number {
  const n = INPUT.length;
  const keys = new Set<string>();
  for (let j = 0; j < HIDDEN; j++) keys.add([...net.w1.subarray(j * n, (j + 1) * n), net.w2[j]].join(','));
  return keys.size;
}
