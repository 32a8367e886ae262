/**
 * The batch-normalisation lesson's numbers: the engine's per-channel statistics helper, the
 * mini-batch table and the running averages, each against arithmetic written out here.
 */
import { describe, expect, it } from 'vitest';
import { channelStatistics } from '../../engine/cpu/batchnorm';
import { normaliseMiniBatch } from '../../lessons/batch-normalisation/miniBatch';
import { compareModes, drawBatch, feedBatches } from '../../lessons/batch-normalisation/runningStats';

const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
const biasedVar = (v: readonly number[]): number => mean(v.map((x) => (x - mean(v)) ** 2));

describe('channelStatistics', () => {
  it('channelStatistics(x=[2,2,2]) averages channel c over N·H·W and divides the variance by m', () => {
    // [N=2, C=2, H·W=2]: channel 0 holds 1, 2 (sample 0) and 3, 6 (sample 1); channel 1 holds 10 four times.
    const x = Float64Array.from([1, 2, 10, 10, 3, 6, 10, 10]);
    const dims = { batch: 2, channels: 2, size: 2 };
    expect(channelStatistics(dims, x, 0)).toEqual({ mean: 3, variance: 3.5 });
    expect(channelStatistics(dims, x, 1)).toEqual({ mean: 10, variance: 0 });
  });
});

describe('normaliseMiniBatch', () => {
  it('normaliseMiniBatch([4,2]) gives μ_B, σ²_B, x̂ and y = γx̂ + β per feature', () => {
    const values = [1, 10, 2, 20, 3, 30, 6, 60];
    const r = normaliseMiniBatch({ values, examples: 4, features: 2, gamma: [2, 1], beta: [1, -1], epsilon: 1e-5 });
    expect(r.mean).toEqual([3, 30]);
    expect(r.variance[0]).toBeCloseTo(3.5, 12);
    expect(r.variance[1]).toBeCloseTo(350, 10);
    const col0 = [1, 2, 3, 6].map((v) => (v - 3) / Math.sqrt(3.5 + 1e-5));
    for (let n = 0; n < 4; n++) {
      expect(r.xhat[n * 2]).toBeCloseTo(col0[n]!, 12);
      expect(r.y[n * 2]).toBeCloseTo(2 * col0[n]! + 1, 12);
    }
  });

  it('normaliseMiniBatch with γ = √(σ²+ε), β = μ gives the input back', () => {
    const values = [0.5, -1, 4, 2.5];
    const m = mean(values);
    const v = biasedVar(values);
    const r = normaliseMiniBatch({
      values,
      examples: 4,
      features: 1,
      gamma: [Math.sqrt(v + 1e-5)],
      beta: [m],
      epsilon: 1e-5,
    });
    for (const [i, y] of r.y.entries()) expect(y).toBeCloseTo(values[i]!, 12);
  });
});

describe('running statistics', () => {
  it('feedBatches(k=5) follows running ← 0.9·running + 0.1·batch from (0, 1) with the unbiased variance', () => {
    const population = { mean: 5, std: 2, batchSize: 8, seed: 3 };
    const batches = Array.from({ length: 5 }, (_, k) => drawBatch(population, k));
    let rm = 0;
    let rv = 1;
    const history = feedBatches(batches);
    batches.forEach((b, k) => {
      rm = 0.9 * rm + 0.1 * mean(b);
      rv = 0.9 * rv + 0.1 * ((biasedVar(b) * b.length) / (b.length - 1));
      expect(history[k]!.runningMean).toBeCloseTo(rm, 10);
      expect(history[k]!.runningVar).toBeCloseTo(rv, 10);
    });
  });

  it('drawBatch is seeded: the same k gives the same batch, another k another', () => {
    const p = { mean: 5, std: 2, batchSize: 8, seed: 3 };
    expect(drawBatch(p, 4)).toEqual(drawBatch(p, 4));
    expect(drawBatch(p, 4)).not.toEqual(drawBatch(p, 5));
  });

  it('compareModes normalises with the batch in training and with the running stats in evaluation', () => {
    const batch = [1, 2, 3, 6];
    const out = compareModes(batch, 3, { runningMean: 2, runningVar: 4 });
    expect(out.train).toBeCloseTo((6 - 3) / Math.sqrt(3.5 + 1e-5), 10);
    expect(out.eval).toBeCloseTo((6 - 2) / Math.sqrt(4 + 1e-5), 10);
  });
});
