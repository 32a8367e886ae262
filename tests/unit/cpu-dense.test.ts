import { describe, expect, it } from 'vitest';
import { activate } from '../../engine/cpu/activations';
import { dense, denseBackward, denseForward } from '../../engine/cpu/dense';
import { createRng } from '../../engine/tensor/rng';
import { tensor } from '../../engine/tensor/tensor';
import { gradcheck, randomArray } from './gradcheck';

describe('dense', () => {
  it('dense reproduces the lecture single layer: x=[1,2,4,0], W 4x3, b=[2,1,3] → [1,-7,8], ReLU → [1,0,8]', () => {
    // The lecture writes x·W with W [in=4, out=3]; we store W [units, in], its transpose.
    const lecture = [
      [1, 0, 1],
      [3, 0, 2],
      [-2, -2, 0],
      [1, 1, 0],
    ];
    const w = tensor(
      [3, 4],
      [0, 1, 2].flatMap((u) => lecture.map((row) => row[u]!)),
    );
    const y = dense(tensor([1, 4], [1, 2, 4, 0]), w, tensor([3], [2, 1, 3]));
    expect(Array.from(y.data)).toEqual([1, -7, 8]);
    expect(Array.from(activate('relu', y).data)).toEqual([1, 0, 8]);
  });

  const rng = createRng(21);
  const cases = [
    [1, 1, 1],
    [1, 4, 3],
    [2, 5, 7],
    [3, 9, 2],
    [5, 3, 6],
    ...Array.from({ length: 5 }, () => [1 + rng.int(6), 1 + rng.int(12), 1 + rng.int(9)]),
  ];
  for (const [batch = 1, inputs = 1, units = 1] of cases) {
    for (const bias of [true, false]) {
      it(`dense backward matches finite differences x=[${batch},${inputs}] W=[${units},${inputs}]${bias ? '' : ' no bias'}`, () => {
        const r = createRng(batch * 100 + inputs * 10 + units);
        const dims = { batch, inputs, units };
        const x = randomArray(batch * inputs, r);
        const w = randomArray(units * inputs, r);
        const b = randomArray(units, r);
        const y = new Float64Array(batch * units);
        const dx = new Float64Array(x.length);
        const dw = new Float64Array(w.length);
        const db = new Float64Array(b.length);
        gradcheck({
          label: `dense x=[${batch},${inputs}] units=${units}`,
          inputs: { x, w, b },
          forward: () => {
            denseForward(dims, x, w, bias ? b : null, y);
            return y;
          },
          backward: (dy): Record<string, Float64Array> => {
            denseBackward(dims, x, w, dy, { dx, dw, db: bias ? db : null });
            return bias ? { x: dx, w: dw, b: db } : { x: dx, w: dw };
          },
        });
      });
    }
  }
});
