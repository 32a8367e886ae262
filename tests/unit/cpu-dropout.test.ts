import { describe, expect, it } from 'vitest';
import { dropoutBackward, dropoutForward } from '../../engine/cpu/dropout';
import { createRng } from '../../engine/tensor/rng';
import { gradcheck, randomArray } from './gradcheck';

describe('dropout', () => {
  it('dropout rate=0.5 zeroes about half of x=[10000] and doubles the rest, keeping the mean', () => {
    const x = new Float64Array(10000).fill(1);
    const y = new Float64Array(x.length);
    const mask = new Float64Array(x.length);
    dropoutForward(0.5, x, y, mask, createRng(1));
    const kept = y.filter((v) => v !== 0);
    expect(new Set(kept)).toEqual(new Set([2]));
    expect(Math.abs(kept.length - 5000)).toBeLessThan(200);
    expect(y.reduce((a, b) => a + b, 0) / y.length).toBeCloseTo(1, 1);
  });

  it('dropout masks are reproducible from the seed x=[64]', () => {
    const run = (): number[] => {
      const y = new Float64Array(64);
      dropoutForward(0.3, new Float64Array(64).fill(1), y, new Float64Array(64), createRng(9));
      return Array.from(y);
    };
    expect(run()).toEqual(run());
  });

  for (const rate of [0, 0.25, 0.6]) {
    it(`dropout rate=${rate} backward matches finite differences with a fixed mask x=[3,17]`, () => {
      const x = randomArray(51, createRng(2));
      const y = new Float64Array(51);
      const mask = new Float64Array(51);
      const dx = new Float64Array(51);
      gradcheck({
        label: `dropout rate=${rate} x=[3,17]`,
        inputs: { x },
        forward: () => {
          dropoutForward(rate, x, y, mask, createRng(4));
          return y;
        },
        backward: (dy) => {
          dropoutBackward(mask, dy, dx);
          return { x: dx };
        },
      });
    });
  }
});
