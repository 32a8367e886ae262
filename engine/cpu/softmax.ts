/**
 * Softmax over the features of each sample, x [N, D]: y = e^(x − max) / Σ e^(x − max).
 * Subtracting the row max changes nothing mathematically and keeps exp from overflowing.
 * Training fuses softmax into the cross-entropy (losses.ts); this layer is for a model that
 * outputs probabilities and for lessons.
 */
import type { Floats } from './floats';

export function softmaxForward(batch: number, features: number, x: Floats, y: Floats): void {
  for (let n = 0; n < batch; n++) {
    const o = n * features;
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < features; j++) max = Math.max(max, x[o + j]!);
    let sum = 0;
    for (let j = 0; j < features; j++) {
      const e = Math.exp(x[o + j]! - max);
      y[o + j] = e;
      sum += e;
    }
    for (let j = 0; j < features; j++) y[o + j] = y[o + j]! / sum;
  }
}

/** dx = y ⊙ (dy − Σ_j dy_j·y_j), the softmax Jacobian applied to dy, per sample. */
export function softmaxBackward(batch: number, features: number, y: Floats, dy: Floats, dx: Floats): void {
  for (let n = 0; n < batch; n++) {
    const o = n * features;
    let dot = 0;
    for (let j = 0; j < features; j++) dot += dy[o + j]! * y[o + j]!;
    for (let j = 0; j < features; j++) dx[o + j] = y[o + j]! * (dy[o + j]! - dot);
  }
}
