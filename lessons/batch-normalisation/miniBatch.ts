/**
 * The algorithm box on a small [N, F] mini-batch, computed by the engine's CPU batch norm (the same
 * code that trains the networks): μ_B and σ²_B per feature from `channelStatistics`, x̂ and y from
 * a training-mode `batchNormForward`. The running statistics that forward also updates are thrown
 * away here; the running-average widget (runningStats.ts) is about those.
 */
import { batchNormForward, channelStatistics } from '../../engine/cpu/batchnorm';

export interface MiniBatchResult {
  /** μ_B per feature. */
  readonly mean: readonly number[];
  /** σ²_B per feature (biased: divided by m, as in the algorithm). */
  readonly variance: readonly number[];
  /** x̂, row-major [examples, features]. */
  readonly xhat: readonly number[];
  /** y = γ·x̂ + β, row-major [examples, features]. */
  readonly y: readonly number[];
}

export interface MiniBatchInput {
  /** Row-major [examples, features]. */
  readonly values: readonly number[];
  readonly examples: number;
  readonly features: number;
  readonly gamma: readonly number[];
  readonly beta: readonly number[];
  readonly epsilon: number;
}

export function normaliseMiniBatch(input: MiniBatchInput): MiniBatchResult {
  const { values, examples, features, gamma, beta, epsilon } = input;
  const dims = { batch: examples, channels: features, size: 1 };
  const x = Float64Array.from(values);
  const y = new Float64Array(x.length);
  const cache = { xhat: new Float64Array(x.length), invStd: new Float64Array(features) };
  const state = {
    gamma: Float64Array.from(gamma),
    beta: Float64Array.from(beta),
    runningMean: new Float64Array(features),
    runningVar: new Float64Array(features).fill(1),
    momentum: 0.1,
    epsilon,
  };
  batchNormForward(dims, state, true, x, y, cache);
  const stats = Array.from({ length: features }, (_, f) => channelStatistics(dims, x, f));
  return {
    mean: stats.map((s) => s.mean),
    variance: stats.map((s) => s.variance),
    xhat: Array.from(cache.xhat),
    y: Array.from(y),
  };
}
