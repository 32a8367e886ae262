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

/** y = LRN(x); scale receives d (the denominator before the power), one per element. */
export function lrnForward(dims: LrnDims, p: LrnParams, x: Floats, y: Floats, scale: Floats): void {
  const { batch, channels: C, spatial: S } = dims;
  const h = Math.floor(p.size / 2);
  for (let n = 0; n < batch; n++) {
    for (let s = 0; s < S; s++) {
      const base = n * C * S + s;
      for (let i = 0; i < C; i++) {
        let sum = 0;
        const hi = Math.min(C - 1, i + h);
        for (let j = Math.max(0, i - h); j <= hi; j++) {
          const v = x[base + j * S]!;
          sum += v * v;
        }
        const d = p.k + p.alpha * sum;
        scale[base + i * S] = d;
        y[base + i * S] = x[base + i * S]! * d ** -p.beta;
      }
    }
  }
}

/** dx = dL/dx from dy, the forward's x and its scale (d). dx may not alias dy. */
export function lrnBackward(dims: LrnDims, p: LrnParams, x: Floats, scale: Floats, dy: Floats, dx: Floats): void {
  const { batch, channels: C, spatial: S } = dims;
  const h = Math.floor(p.size / 2);
  const factor = 2 * p.alpha * p.beta;
  for (let n = 0; n < batch; n++) {
    for (let s = 0; s < S; s++) {
      const base = n * C * S + s;
      for (let j = 0; j < C; j++) {
        let cross = 0;
        const hi = Math.min(C - 1, j + h);
        for (let i = Math.max(0, j - h); i <= hi; i++) {
          const at = base + i * S;
          cross += dy[at]! * x[at]! * scale[at]! ** (-p.beta - 1);
        }
        const at = base + j * S;
        dx[at] = dy[at]! * scale[at]! ** -p.beta - factor * x[at]! * cross;
      }
    }
  }
}
