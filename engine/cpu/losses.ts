/**
 * Losses over a batch of scores [N, K] with integer class labels, each returning the MEAN loss
 * over the batch and (optionally) its gradient with respect to the scores in the same pass,
 * plus the L1 and L2 weight penalties of the lecture notes.
 */
import type { Floats } from './floats';

/**
 * Softmax cross-entropy from logits: L_i = −log softmax(s_i)[y_i] = log Σ_j e^(s_ij − max) − (s_iy − max).
 * Working from logits with the row max subtracted never overflows and never takes log(0).
 * dL/ds_ij = (p_ij − [j = y_i]) / N, written to `grad` when given.
 */
export function softmaxCrossEntropy(
  batch: number,
  classes: number,
  logits: Floats,
  labels: ArrayLike<number>,
  grad: Floats | null = null,
): number {
  let total = 0;
  for (let n = 0; n < batch; n++) {
    const o = n * classes;
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < classes; j++) max = Math.max(max, logits[o + j]!);
    let sum = 0;
    for (let j = 0; j < classes; j++) sum += Math.exp(logits[o + j]! - max);
    const label = labels[n]!;
    total += Math.log(sum) - (logits[o + label]! - max);
    if (grad) {
      for (let j = 0; j < classes; j++) {
        const p = Math.exp(logits[o + j]! - max) / sum;
        grad[o + j] = (p - (j === label ? 1 : 0)) / batch;
      }
    }
  }
  return total / batch;
}

/**
 * Multiclass SVM (hinge) loss: L_i = Σ_{j≠y_i} max(0, s_ij − s_iy + margin).
 * dL/ds_ij = [margin violated]/N for j ≠ y_i, and −(number of violations)/N for j = y_i.
 */
export function multiclassHinge(
  batch: number,
  classes: number,
  scores: Floats,
  labels: ArrayLike<number>,
  grad: Floats | null = null,
  margin = 1,
): number {
  let total = 0;
  for (let n = 0; n < batch; n++) {
    const o = n * classes;
    const label = labels[n]!;
    const correct = scores[o + label]!;
    let violations = 0;
    for (let j = 0; j < classes; j++) {
      if (j === label) continue;
      const m = scores[o + j]! - correct + margin;
      if (m > 0) {
        total += m;
        violations++;
      }
      if (grad) grad[o + j] = m > 0 ? 1 / batch : 0;
    }
    if (grad) grad[o + label] = -violations / batch;
  }
  return total / batch;
}

/** L1 penalty λ·Σ|w|; adds its gradient λ·sign(w) to `grad` when given. */
export function l1Penalty(w: Floats, lambda: number, grad: Floats | null = null): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) {
    const v = w[i]!;
    s += Math.abs(v);
    if (grad) grad[i]! += lambda * Math.sign(v);
  }
  return lambda * s;
}

/** L2 penalty λ·Σw² (the lecture's R(W), no ½); adds its gradient 2λ·w to `grad` when given. */
export function l2Penalty(w: Floats, lambda: number, grad: Floats | null = null): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) {
    const v = w[i]!;
    s += v * v;
    if (grad) grad[i]! += 2 * lambda * v;
  }
  return lambda * s;
}
