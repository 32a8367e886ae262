/** The per-layer statistics the initialisation lesson shows: mean, std, shares and histograms. */
import { describe, expect, it } from 'vitest';
import { histogram, valueStats } from '../../lessons/initialisation/layerStats';

describe('valueStats', () => {
  it('valueStats([1, 2, 3, 4]) has mean 2.5 and population std √1.25', () => {
    const s = valueStats(Float32Array.of(1, 2, 3, 4));
    expect(s.mean).toBe(2.5);
    expect(s.std).toBeCloseTo(Math.sqrt(1.25), 12);
    expect(s.finite).toBe(true);
  });

  it('counts |v| > 0.99 as saturated and v ≤ 0 as non-positive', () => {
    const s = valueStats(Float64Array.of(-1, -0.995, -0.5, 0, 0.3, 0.99, 0.999, 1));
    expect(s.saturated).toBe(4 / 8); // −1, −0.995, 0.999, 1 (0.99 itself is not beyond)
    expect(s.nonPositive).toBe(4 / 8); // −1, −0.995, −0.5, 0
  });

  it('keeps the std accurate when the mean is a million times larger', () => {
    const s = valueStats(Float64Array.of(1e6 - 1, 1e6 + 1));
    expect(s.std).toBeCloseTo(1, 9);
  });

  it('flags values that overflowed float32', () => {
    expect(valueStats(Float32Array.of(1, Number.POSITIVE_INFINITY)).finite).toBe(false);
  });
});

describe('histogram', () => {
  it('histogram(lo=-1, hi=1, bins=4) puts each value in its quarter and hi in the last bin', () => {
    const h = histogram(Float64Array.of(-1, -0.6, -0.2, 0, 0.4, 0.99, 1, 1.5), -1, 1, 4);
    expect(h.counts).toEqual([2, 1, 2, 2]); // [−1,−0.5) [−0.5,0) [0,0.5) [0.5,1]
    expect(h.outside).toBe(1); // 1.5
  });

  it('skipNonPositive leaves out ReLU zeros and negatives', () => {
    const h = histogram(Float32Array.of(0, 0, -0.1, 0.5, 1.5), 0, 2, 2, true);
    expect(h.counts).toEqual([1, 1]);
    expect(h.outside).toBe(3);
  });
});
