/**
 * The hidden layer the dropout widgets drop units of, and the engine's inverted dropout applied
 * to it. The activations are made up (a seeded spread of positive values, as after a ReLU, with
 * two decimals so the scaled values are easy to check by hand); everything shown about the
 * mask comes from engine/cpu/dropout.ts.
 */
import { dropoutForward } from '../../engine/cpu/dropout';
import { createRng, type Rng } from '../../engine/tensor/rng';

export const LAYER_ROWS = 8;
export const LAYER_COLS = 8;
export const LAYER_UNITS = LAYER_ROWS * LAYER_COLS;

/** 64 activations in [0.10, 1.00], two decimals. */
export function layerActivations(seed = 3): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: LAYER_UNITS }, () => (10 + rng.int(91)) / 100);
}

export interface MaskedLayer {
  /** Each unit's output in training: 0 if dropped, x/(1−p) if kept. */
  readonly output: Float32Array;
  /** The factor each unit was multiplied by: 0 or 1/(1−p). */
  readonly mask: Float32Array;
}

/** One training-time pass of the layer through dropout at `rate`. */
export function dropLayer(x: Float32Array, rate: number, rng: Rng): MaskedLayer {
  const output = new Float32Array(x.length);
  const mask = new Float32Array(x.length);
  dropoutForward(rate, x, output, mask, rng);
  return { output, mask };
}
