/**
 * The two-parameter loss surface the lesson descends: an elongated bowl
 *
 *   L(w1, w2) = ½ (A·w1² + B·w2²),   ∇L = (A·w1, B·w2)
 *
 * with B ten times A, like a loss whose weights have very different scales. Plain gradient
 * descent on it shrinks each coordinate by (1 − lr·curvature) per step, so it crawls along w1
 * when lr is small and overshoots along w2 (diverging once lr > 2/B) when lr is large.
 * Optimiser runs go through the engine's createOptimizer, with the two weights as one Param.
 */

import type { Param } from '../../engine/train/model';
import { createOptimizer, type OptimizerConfig } from '../../engine/train/optimizers';

export const A = 1;
export const B = 10;
/** Learning rates above this make plain gradient descent diverge along w2. */
export const LR_LIMIT = 2 / B;
export const START: readonly [number, number] = [-4, 1.5];
export const X_DOMAIN: readonly [number, number] = [-5, 5];
export const Y_DOMAIN: readonly [number, number] = [-2.5, 2.5];
export const LEVELS: readonly number[] = [0.1, 0.4, 1, 2, 4, 8, 14, 22, 32];

export function loss(w1: number, w2: number): number {
  return 0.5 * (A * w1 * w1 + B * w2 * w2);
}

export function gradient(w1: number, w2: number): [number, number] {
  return [A * w1, B * w2];
}

export interface Trajectory {
  /** Positions w_0 … w_k (fewer than steps + 1 when the run diverged and was stopped). */
  readonly points: readonly (readonly [number, number])[];
  readonly diverged: boolean;
}

/** Beyond this the run has left any sensible region; stop rather than overflow. */
const ESCAPE = 1e4;

export function descend(
  config: OptimizerConfig,
  lr: number,
  steps: number,
  start: readonly [number, number] = START,
): Trajectory {
  const optimizer = createOptimizer(config);
  const param: Param = {
    name: 'w',
    layer: 0,
    role: 'weight',
    shape: [2],
    value: Float32Array.from(start),
    grad: new Float32Array(2),
    regularized: false,
    trainable: true,
  };
  const points: [number, number][] = [[param.value[0]!, param.value[1]!]];
  for (let k = 0; k < steps; k++) {
    param.grad.set(gradient(param.value[0]!, param.value[1]!));
    optimizer.step([param], lr);
    const [w1, w2] = [param.value[0]!, param.value[1]!];
    if (!Number.isFinite(w1) || !Number.isFinite(w2) || Math.abs(w1) > ESCAPE || Math.abs(w2) > ESCAPE) {
      return { points, diverged: true };
    }
    points.push([w1, w2]);
  }
  const last = points[points.length - 1]!;
  return { points, diverged: loss(last[0], last[1]) > 10 * loss(start[0], start[1]) };
}
