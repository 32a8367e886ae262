import { describe, expect, it } from 'vitest';
import { type LrnParams, lrnBackward, lrnForward } from '../../engine/cpu/lrn';
import { createRng } from '../../engine/tensor/rng';
import { gradcheck, randomArray } from './gradcheck';

describe('lrn forward', () => {
  it('follows the formula with alpha not divided by n: C=3, n=3, k=1, alpha=0.5, beta=1', () => {
    const x = Float64Array.from([1, 2, 3]); // one pixel, three channels
    const y = new Float64Array(3);
    const scale = new Float64Array(3);
    lrnForward({ batch: 1, channels: 3, spatial: 1 }, { size: 3, k: 1, alpha: 0.5, beta: 1 }, x, y, scale);
    // Windows: {0,1}, {0,1,2}, {1,2}; sums of squares 5, 14, 13.
    expect(Array.from(scale)).toEqual([1 + 0.5 * 5, 1 + 0.5 * 14, 1 + 0.5 * 13]);
    expect(Array.from(y)).toEqual([1 / 3.5, 2 / 8, 3 / 7.5]);
  });

  it("an even n = 2 sums channels i-1..i+1, as the lecture's max(0, i-n/2)..min(N-1, i+n/2) reads", () => {
    const x = Float64Array.from([1, 1, 1, 1]);
    const y = new Float64Array(4);
    const scale = new Float64Array(4);
    lrnForward({ batch: 1, channels: 4, spatial: 1 }, { size: 2, k: 0, alpha: 1, beta: 1 }, x, y, scale);
    expect(Array.from(scale)).toEqual([2, 3, 3, 2]);
  });

  it('normalises each pixel separately: channel stride is H·W', () => {
    // 2 channels x 2 pixels: pixel 0 has (3, 4), pixel 1 has (0, 1); n=3 sees both channels.
    const x = Float64Array.from([3, 0, 4, 1]);
    const y = new Float64Array(4);
    const scale = new Float64Array(4);
    lrnForward({ batch: 1, channels: 2, spatial: 2 }, { size: 3, k: 2, alpha: 1e-4, beta: 0.75 }, x, y, scale);
    expect(Array.from(scale)).toEqual([2 + 1e-4 * 25, 2 + 1e-4 * 1, 2 + 1e-4 * 25, 2 + 1e-4 * 1]);
    expect(y[2]).toBeCloseTo(4 / (2 + 25e-4) ** 0.75, 12);
  });
});

describe('lrn backward matches finite differences in float64', () => {
  const rng = createRng(17);
  const cases: LrnParams[] = [
    { size: 5, k: 2, alpha: 1e-4, beta: 0.75 }, // AlexNet's
    { size: 3, k: 1, alpha: 0.5, beta: 0.75 }, // large alpha: the cross-channel terms dominate
    { size: 4, k: 1, alpha: 0.9, beta: 1.3 }, // even n
    { size: 1, k: 0.5, alpha: 2, beta: 0.5 },
    { size: 9, k: 1, alpha: 0.3, beta: 2 }, // window wider than the channels
  ];
  for (const p of cases) {
    const dims = { batch: 1 + rng.int(3), channels: 1 + rng.int(7), spatial: 1 + rng.int(5) };
    it(`N=${dims.batch} C=${dims.channels} HW=${dims.spatial} n=${p.size} k=${p.k} alpha=${p.alpha} beta=${p.beta}`, () => {
      const count = dims.batch * dims.channels * dims.spatial;
      const x = randomArray(count, rng, -2, 2);
      const y = new Float64Array(count);
      const scale = new Float64Array(count);
      const dx = new Float64Array(count);
      const result = gradcheck({
        label: `lrn ${JSON.stringify(dims)} ${JSON.stringify(p)}`,
        inputs: { x },
        forward: () => {
          lrnForward(dims, p, x, y, scale);
          return y;
        },
        backward: (dy) => {
          lrnForward(dims, p, x, y, scale);
          lrnBackward(dims, p, x, scale, dy, dx);
          return { x: dx };
        },
        tolerance: 1e-6,
      });
      expect(result.checked).toBe(count);
    });
  }

  it('the cross-channel term matters with alpha = 0.5: dropping it breaks the gradient', () => {
    const dims = { batch: 1, channels: 4, spatial: 1 };
    const p = { size: 3, k: 1, alpha: 0.5, beta: 0.75 };
    const x = Float64Array.from([1, -1.5, 0.5, 2]);
    const y = new Float64Array(4);
    const scale = new Float64Array(4);
    const dy = Float64Array.from([1, 1, 1, 1]);
    const dx = new Float64Array(4);
    lrnForward(dims, p, x, y, scale);
    lrnBackward(dims, p, x, scale, dy, dx);
    const diagonalOnly = Array.from(scale, (d) => d ** -p.beta);
    const gap = Math.max(...diagonalOnly.map((v, i) => Math.abs(v - dx[i]!)));
    expect(gap).toBeGreaterThan(0.1);
  });
});
