/**
 * Batch normalisation, per channel for [N, C, H, W] and per feature for [N, F] (H·W = 1).
 *
 * Training: each channel is normalised with the batch's own mean and (biased) variance,
 *   x̂ = (x − μ_B) / √(σ²_B + ε),  y = γ·x̂ + β,
 * and the running statistics move towards the batch's, PyTorch-style:
 *   running = (1 − momentum)·running + momentum·batch, with the UNBIASED variance m/(m−1)·σ²_B.
 * Evaluation normalises with the running statistics instead, so the output of one sample
 * does not depend on the rest of the batch.
 *
 * Backward in training mode accounts for μ_B and σ²_B depending on every input (m = N·H·W):
 *   dx = γ/(m·√(σ²+ε)) · (m·dy − Σdy − x̂·Σ(dy·x̂)),  dγ = Σ dy·x̂,  dβ = Σ dy.
 * In evaluation mode the statistics are constants and dx = γ·dy/√(running var + ε).
 */
import type { Floats } from './floats';

export interface BatchNormDims {
  readonly batch: number;
  readonly channels: number;
  /** H·W, or 1 for [N, F] inputs. */
  readonly size: number;
}

/** What forward keeps for backward: the normalised input and 1/√(var+ε) per channel. */
export interface BatchNormCache {
  readonly xhat: Floats;
  readonly invStd: Floats;
}

export interface BatchNormState {
  readonly gamma: Floats;
  readonly beta: Floats;
  readonly runningMean: Floats;
  readonly runningVar: Floats;
  readonly momentum: number;
  readonly epsilon: number;
}

/** One channel's mini-batch statistics: the mean and the biased (divide-by-m) variance. */
export interface ChannelStatistics {
  readonly mean: number;
  readonly variance: number;
}

/**
 * μ_B and σ²_B of channel `c` over its m = N·H·W values, exactly as training-mode forward uses them
 * (exported so that lessons can show the intermediate numbers of the algorithm).
 */
export function channelStatistics(dims: BatchNormDims, x: Floats, c: number): ChannelStatistics {
  const { batch, channels, size } = dims;
  const m = batch * size;
  const stride = channels * size;
  let s = 0;
  for (let n = 0; n < batch; n++) {
    const o = n * stride + c * size;
    for (let i = 0; i < size; i++) s += x[o + i]!;
  }
  const mean = s / m;
  let v = 0;
  for (let n = 0; n < batch; n++) {
    const o = n * stride + c * size;
    for (let i = 0; i < size; i++) {
      const d = x[o + i]! - mean;
      v += d * d;
    }
  }
  return { mean, variance: v / m };
}

export function batchNormForward(
  dims: BatchNormDims,
  state: BatchNormState,
  training: boolean,
  x: Floats,
  y: Floats,
  cache: BatchNormCache,
): void {
  const { batch, channels, size } = dims;
  const { gamma, beta, runningMean, runningVar, momentum, epsilon } = state;
  const m = batch * size;
  const stride = channels * size;
  for (let c = 0; c < channels; c++) {
    let mean: number;
    let variance: number;
    if (training) {
      ({ mean, variance } = channelStatistics(dims, x, c));
      const unbiased = m > 1 ? (variance * m) / (m - 1) : variance;
      runningMean[c] = (1 - momentum) * runningMean[c]! + momentum * mean;
      runningVar[c] = (1 - momentum) * runningVar[c]! + momentum * unbiased;
    } else {
      mean = runningMean[c]!;
      variance = runningVar[c]!;
    }
    const inv = 1 / Math.sqrt(variance + epsilon);
    cache.invStd[c] = inv;
    const g = gamma[c]!;
    const b = beta[c]!;
    for (let n = 0; n < batch; n++) {
      const o = n * stride + c * size;
      for (let i = 0; i < size; i++) {
        const xh = (x[o + i]! - mean) * inv;
        cache.xhat[o + i] = xh;
        y[o + i] = g * xh + b;
      }
    }
  }
}

/** Writes dx, dgamma and dbeta (all overwritten) for the forward pass recorded in `cache`. */
export function batchNormBackward(
  dims: BatchNormDims,
  gamma: Floats,
  training: boolean,
  cache: BatchNormCache,
  dy: Floats,
  dx: Floats,
  dgamma: Floats,
  dbeta: Floats,
): void {
  const { batch, channels, size } = dims;
  const { xhat, invStd } = cache;
  const m = batch * size;
  const stride = channels * size;
  for (let c = 0; c < channels; c++) {
    let sumDy = 0;
    let sumDyXhat = 0;
    for (let n = 0; n < batch; n++) {
      const o = n * stride + c * size;
      for (let i = 0; i < size; i++) {
        const d = dy[o + i]!;
        sumDy += d;
        sumDyXhat += d * xhat[o + i]!;
      }
    }
    dgamma[c] = sumDyXhat;
    dbeta[c] = sumDy;
    const k = gamma[c]! * invStd[c]!;
    for (let n = 0; n < batch; n++) {
      const o = n * stride + c * size;
      if (training) {
        const meanDy = sumDy / m;
        const meanDyXhat = sumDyXhat / m;
        for (let i = 0; i < size; i++) dx[o + i] = k * (dy[o + i]! - meanDy - xhat[o + i]! * meanDyXhat);
      } else {
        for (let i = 0; i < size; i++) dx[o + i] = k * dy[o + i]!;
      }
    }
  }
}
