/**
 * Local response normalisation across channels (AlexNet; the lecture's formula, alpha NOT divided
 * by n). For one sample and one pixel, with a^i the value in channel i of C and h = floor(n/2):
 *
 *   d^i = k + alpha · Σ_{j=max(0,i-h)}^{min(C-1,i+h)} (a^j)²        b^i = a^i · (d^i)^(−beta)
 *
 * Backward. Channel j's value appears in its own numerator and in the denominator of every
 * channel i whose window holds j, i.e. every i with |i − j| ≤ h (windows are symmetric), so
 *
 *   ∂b^i/∂a^j = [i = j]·(d^i)^(−beta) − 2·alpha·beta·a^i·a^j·(d^i)^(−beta−1)
 *   dL/da^j   = g^j·(d^j)^(−beta) − 2·alpha·beta·a^j · Σ_{|i−j|≤h} g^i·a^i·(d^i)^(−beta−1)
 *
 * The cross-channel sum is what makes a large alpha matter. Forward keeps d for backward.
 * Layout: x [N, C, S] with S = H·W (S = 1 for a vector, whose features are the channels).
 */
import type { Floats } from './floats';

export interface LrnParams {
  readonly size: number;
  readonly k: number;
  readonly alpha: number;
  readonly beta: number;
}

export interface LrnDims {
  readonly batch: number;
  readonly channels: number;
  /** Values per channel per sample (H·W). */
  readonly spatial: number;
}

/**
 * Adds plane i of `src` (length S, at offset base + i·S) times `sign` into `acc`: the sliding
 * window over channels moves by adding the channel that enters and subtracting the one that leaves.
 */
function addPlane(acc: Float64Array, src: Float64Array, i: number, S: number, sign: number): void {
  const o = i * S;
  for (let s = 0; s < S; s++) acc[s]! += sign * src[o + s]!;
}

/** y = LRN(x); scale receives d (the denominator before the power), one per element. */
export function lrnForward(dims: LrnDims, p: LrnParams, x: Floats, y: Floats, scale: Floats): void {
  const { batch, channels: C, spatial: S } = dims;
  const h = Math.floor(p.size / 2);
  // Channels are planes S apart: work a whole plane at a time so the inner loops run over
  // contiguous pixels, and slide the window (one plane in, one out) instead of re-summing it.
  const squares = new Float64Array(C * S);
  const window = new Float64Array(S);
  for (let n = 0; n < batch; n++) {
    const base = n * C * S;
    for (let e = 0; e < C * S; e++) squares[e] = x[base + e]! * x[base + e]!;
    window.fill(0);
    for (let j = 0; j < Math.min(C, h); j++) addPlane(window, squares, j, S, 1);
    for (let i = 0; i < C; i++) {
      if (i + h < C) addPlane(window, squares, i + h, S, 1);
      if (i - h - 1 >= 0) addPlane(window, squares, i - h - 1, S, -1);
      const o = base + i * S;
      for (let s = 0; s < S; s++) {
        const d = p.k + p.alpha * window[s]!;
        scale[o + s] = d;
        y[o + s] = x[o + s]! * d ** -p.beta;
      }
    }
  }
}

/** dx = dL/dx from dy, the forward's x and its scale (d). dx may not alias dy. */
export function lrnBackward(dims: LrnDims, p: LrnParams, x: Floats, scale: Floats, dy: Floats, dx: Floats): void {
  const { batch, channels: C, spatial: S } = dims;
  const h = Math.floor(p.size / 2);
  const factor = 2 * p.alpha * p.beta;
  // terms[i] = g^i·a^i·(d^i)^(−beta−1), computed once per element (one power each), then summed
  // over each channel's window by the same sliding window as the forward pass.
  const terms = new Float64Array(C * S);
  const own = new Float64Array(C * S);
  const window = new Float64Array(S);
  for (let n = 0; n < batch; n++) {
    const base = n * C * S;
    for (let e = 0; e < C * S; e++) {
      const d = scale[base + e]!;
      const power = d ** -p.beta;
      own[e] = power;
      terms[e] = (dy[base + e]! * x[base + e]! * power) / d;
    }
    window.fill(0);
    for (let i = 0; i < Math.min(C, h); i++) addPlane(window, terms, i, S, 1);
    for (let j = 0; j < C; j++) {
      if (j + h < C) addPlane(window, terms, j + h, S, 1);
      if (j - h - 1 >= 0) addPlane(window, terms, j - h - 1, S, -1);
      const o = j * S;
      for (let s = 0; s < S; s++) {
        dx[base + o + s] = dy[base + o + s]! * own[o + s]! - factor * x[base + o + s]! * window[s]!;
      }
    }
  }
}
