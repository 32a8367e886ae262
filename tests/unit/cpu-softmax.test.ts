import { describe, expect, it } from 'vitest';
import { addBackward, addForward } from '../../engine/cpu/add';
import { softmaxBackward, softmaxForward } from '../../engine/cpu/softmax';
import { createRng } from '../../engine/tensor/rng';
import { gradcheck, randomArray } from './gradcheck';

describe('softmax', () => {
  it('softmax of x=[1,3] [0, ln 3] is [0.25, 0.75] and survives huge logits [1000, 1000]', () => {
    const y = new Float64Array(4);
    softmaxForward(2, 2, Float64Array.from([0, Math.log(3), 1000, 1000]), y);
    expect(y[0]).toBeCloseTo(0.25, 12);
    expect(y[1]).toBeCloseTo(0.75, 12);
    expect(Array.from(y.subarray(2))).toEqual([0.5, 0.5]);
  });

  for (const [batch, features] of [
    [1, 1],
    [1, 5],
    [3, 4],
    [4, 10],
  ] as const) {
    it(`softmax backward matches finite differences x=[${batch},${features}]`, () => {
      const x = randomArray(batch * features, createRng(features), -3, 3);
      const y = new Float64Array(x.length);
      const dx = new Float64Array(x.length);
      gradcheck({
        label: `softmax x=[${batch},${features}]`,
        inputs: { x },
        forward: () => {
          softmaxForward(batch, features, x, y);
          return y;
        },
        backward: (dy) => {
          softmaxForward(batch, features, x, y);
          softmaxBackward(batch, features, y, dy, dx);
          return { x: dx };
        },
      });
    });
  }
});

describe('add', () => {
  it('add sums element-wise and sends dy to both operands x=[2,3]', () => {
    const a = randomArray(6, createRng(1));
    const b = randomArray(6, createRng(2));
    const y = new Float64Array(6);
    const da = new Float64Array(6);
    const db = new Float64Array(6);
    gradcheck({
      label: 'add x=[2,3]',
      inputs: { a, b },
      forward: () => {
        addForward(a, b, y);
        return y;
      },
      backward: (dy) => {
        addBackward(dy, da, db);
        return { a: da, b: db };
      },
    });
    expect(y[0]).toBe(a[0]! + b[0]!);
  });
});
