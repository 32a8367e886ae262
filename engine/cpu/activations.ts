/**
 * Element-wise activations, forward and backward.
 *
 * activationBackward writes every derivative in terms of the OUTPUT y, not the input x, which
 * lets a conv or dense layer apply its fused activation in place and keep no pre-activation copy:
 *   relu       y = max(0, x)                    dy/dx = [y > 0]
 *   leakyRelu  y = x > 0 ? x : αx  (α ≥ 0)      dy/dx = y > 0 ? 1 : α
 *   sigmoid    y = 1 / (1 + e^−x)               dy/dx = y(1 − y)
 *   tanh       y = tanh x                       dy/dx = 1 − y²
 *   elu        y = x > 0 ? x : α(eˣ − 1) (α > 0) dy/dx = y > 0 ? 1 : y + α
 *   softplus   y = log(1 + eˣ)                  dy/dx = sigmoid(x) = 1 − e^−y
 * The sign of y tells which side of the kink x was on only when α > 0 (fused activations always
 * use the default α, which is). A standalone activation layer may have any α, negative included
 * (y = −0.3x for x < 0 is positive there), so it uses activationBackwardFromInput, which takes the
 * branch from x.
 * At exactly x = 0 the kinked ones take the left derivative (0 for relu), as PyTorch does.
 */
import type { ActivationKind } from '../spec/types';
import type { Tensor } from '../tensor/tensor';
import type { Floats } from './floats';

/** α used when a spec gives none: 0.01 for leakyRelu, 1 for elu (ignored by the others). */
export function defaultAlpha(kind: ActivationKind): number {
  return kind === 'leakyRelu' ? 0.01 : kind === 'elu' ? 1 : 0;
}

/** y[i] = f(x[i]) for i < n (default x.length). y may be x (in place). */
export function activationForward(kind: ActivationKind, alpha: number, x: Floats, y: Floats, n = x.length): void {
  switch (kind) {
    case 'relu':
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        // A ternary rather than Math.max: cheaper in this hot loop.
        y[i] = v > 0 ? v : 0;
      }
      return;
    case 'leakyRelu':
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        y[i] = v > 0 ? v : alpha * v;
      }
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) y[i] = sigmoid(x[i]!);
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) y[i] = Math.tanh(x[i]!);
      return;
    case 'elu':
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        y[i] = v > 0 ? v : alpha * Math.expm1(v);
      }
      return;
    case 'softplus':
      // Stable for large |x|: log(1 + eˣ) = max(x, 0) + log1p(e^−|x|).
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        y[i] = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
      }
      return;
  }
}

/** dx[i] = dy[i] · f'(x[i]), computed from the output y. dx may be dy (in place). */
export function activationBackward(
  kind: ActivationKind,
  alpha: number,
  y: Floats,
  dy: Floats,
  dx: Floats,
  n = y.length,
): void {
  switch (kind) {
    case 'relu':
      for (let i = 0; i < n; i++) dx[i] = y[i]! > 0 ? dy[i]! : 0;
      return;
    case 'leakyRelu':
      for (let i = 0; i < n; i++) dx[i] = y[i]! > 0 ? dy[i]! : alpha * dy[i]!;
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) {
        const v = y[i]!;
        dx[i] = dy[i]! * v * (1 - v);
      }
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) {
        const v = y[i]!;
        dx[i] = dy[i]! * (1 - v * v);
      }
      return;
    case 'elu':
      for (let i = 0; i < n; i++) {
        const v = y[i]!;
        dx[i] = v > 0 ? dy[i]! : dy[i]! * (v + alpha);
      }
      return;
    case 'softplus':
      for (let i = 0; i < n; i++) dx[i] = -dy[i]! * Math.expm1(-y[i]!);
      return;
  }
}

/**
 * dx[i] = dy[i] · f'(x[i]) for any α: leakyRelu and elu take the branch from the input x (their
 * values still come from y: elu's αeˣ = y + α); the rest are as activationBackward.
 */
export function activationBackwardFromInput(
  kind: ActivationKind,
  alpha: number,
  x: Floats,
  y: Floats,
  dy: Floats,
  dx: Floats,
  n = y.length,
): void {
  if (kind === 'leakyRelu') {
    for (let i = 0; i < n; i++) dx[i] = x[i]! > 0 ? dy[i]! : alpha * dy[i]!;
  } else if (kind === 'elu') {
    for (let i = 0; i < n; i++) dx[i] = x[i]! > 0 ? dy[i]! : dy[i]! * (y[i]! + alpha);
  } else {
    activationBackward(kind, alpha, y, dy, dx, n);
  }
}

/** Numerically stable logistic function. */
export function sigmoid(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

/** Tensor-level activation for lessons. */
export function activate(kind: ActivationKind, x: Tensor, alpha = defaultAlpha(kind)): Tensor {
  const y = new Float32Array(x.data.length);
  activationForward(kind, alpha, x.data, y);
  return { shape: [...x.shape], data: y };
}

/**
 * PReLU forward for lessons: like leakyRelu but with a learned slope per channel,
 * x [N, C, ...spatial] with `size` = product of the spatial dims and slopes [C].
 */
export function preluForward(channels: number, size: number, x: Floats, slopes: Floats, y: Floats): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    y[i] = v > 0 ? v : slopes[Math.floor(i / size) % channels]! * v;
  }
}

/**
 * Maxout for lessons: the max over groups of `pieces` consecutive features.
 * x [N, F·pieces] → y [N, F]; `winners` records which piece won (for the backward pass).
 */
export function maxoutForward(pieces: number, x: Floats, y: Floats, winners: Int32Array): void {
  for (let o = 0; o < y.length; o++) {
    let best = Number.NEGATIVE_INFINITY;
    let at = o * pieces;
    for (let p = 0; p < pieces; p++) {
      const v = x[o * pieces + p]!;
      if (v > best) {
        best = v;
        at = o * pieces + p;
      }
    }
    y[o] = best;
    winners[o] = at;
  }
}
