import { describe, expect, it } from 'vitest';
import { batchNormBackward, batchNormForward } from '../../engine/cpu/batchnorm';
import { createRng } from '../../engine/tensor/rng';
import { gradcheck, randomArray } from './gradcheck';

function setup(batch: number, channels: number, size: number, seed: number) {
  const rng = createRng(seed);
  const n = batch * channels * size;
  return {
    dims: { batch, channels, size },
    x: randomArray(n, rng, -2, 3),
    gamma: randomArray(channels, rng, 0.5, 1.5),
    beta: randomArray(channels, rng),
    runningMean: randomArray(channels, rng),
    runningVar: randomArray(channels, rng, 0.5, 2),
    y: new Float64Array(n),
    cache: { xhat: new Float64Array(n), invStd: new Float64Array(channels) },
  };
}

describe('batchnorm', () => {
  it('batchnorm training normalises each channel and updates running stats PyTorch-style x=[4,1] momentum=0.1', () => {
    const s = setup(4, 1, 1, 1);
    s.x.set([1, 2, 3, 6]);
    s.gamma.set([2]);
    s.beta.set([1]);
    s.runningMean.set([0]);
    s.runningVar.set([1]);
    const state = { ...s, momentum: 0.1, epsilon: 0 };
    batchNormForward(s.dims, state, true, s.x, s.y, s.cache);
    // mean 3, biased var 3.5, unbiased 14/3
    const inv = 1 / Math.sqrt(3.5);
    expect(Array.from(s.y)).toEqual([1, 2, 3, 6].map((v) => 2 * (v - 3) * inv + 1));
    expect(s.runningMean[0]).toBeCloseTo(0.3, 12);
    expect(s.runningVar[0]).toBeCloseTo(0.9 + 0.1 * (14 / 3), 12);
  });

  it('batchnorm eval uses the running statistics x=[2,1]', () => {
    const s = setup(2, 1, 1, 2);
    s.x.set([1, 3]);
    s.gamma.set([1]);
    s.beta.set([0]);
    s.runningMean.set([1]);
    s.runningVar.set([4]);
    batchNormForward(s.dims, { ...s, momentum: 0.1, epsilon: 0 }, false, s.x, s.y, s.cache);
    expect(Array.from(s.y)).toEqual([0, 1]);
    expect(s.runningMean[0]).toBe(1);
  });

  const cases: [number, number, number][] = [
    [1, 2, 9],
    [2, 3, 4 * 5],
    [3, 2, 7],
    [5, 4, 1],
    [2, 1, 3 * 3],
  ];
  for (const [batch, channels, size] of cases) {
    for (const training of [true, false]) {
      const shape = size === 1 ? `[${batch},${channels}]` : `[${batch},${channels},${size}]`;
      it(`batchnorm ${training ? 'training' : 'eval'} backward matches finite differences x=${shape} (C, H·W)`, () => {
        const s = setup(batch, channels, size, batch * 7 + channels + size);
        const dx = new Float64Array(s.x.length);
        const dgamma = new Float64Array(channels);
        const dbeta = new Float64Array(channels);
        const state = { ...s, momentum: 0.1, epsilon: 1e-5 };
        gradcheck({
          label: `batchnorm x=${shape} training=${training}`,
          inputs: { x: s.x, gamma: s.gamma, beta: s.beta },
          forward: () => {
            batchNormForward(s.dims, state, training, s.x, s.y, s.cache);
            return s.y;
          },
          backward: (dy) => {
            batchNormForward(s.dims, state, training, s.x, s.y, s.cache);
            batchNormBackward(s.dims, s.gamma, training, s.cache, dy, dx, dgamma, dbeta);
            return { x: dx, gamma: dgamma, beta: dbeta };
          },
        });
      });
    }
  }
});
