import { describe, expect, it } from 'vitest';
import { avgpool, avgpoolBackward, avgpoolForward } from '../../engine/cpu/avgpool';
import { globalAvgPool, globalAvgPoolBackward, globalAvgPoolForward } from '../../engine/cpu/globalavgpool';
import { maxpool, maxpoolBackward, maxpoolForward, poolGeometry } from '../../engine/cpu/maxpool';
import { createRng } from '../../engine/tensor/rng';
import { tensor } from '../../engine/tensor/tensor';
import { gradcheck, randomArray } from './gradcheck';

type Pair = [number, number];
interface Case {
  readonly x: [number, number, number, number];
  readonly k: Pair;
  readonly s: Pair;
  readonly p: Pair;
  readonly pe: Pair;
}

function randomCases(count: number, seed: number): Case[] {
  const rng = createRng(seed);
  const pick = (lo: number, hi: number): number => lo + rng.int(hi - lo + 1);
  return Array.from({ length: count }, () => {
    const k: Pair = [pick(1, 3), pick(1, 3)];
    // PyTorch's rule: padding at most half the window, so no window is all padding.
    const pad = (i: 0 | 1): number => pick(0, Math.floor(k[i] / 2));
    return {
      x: [pick(1, 3), pick(1, 3), pick(k[0], 8), pick(k[1], 8)],
      k,
      s: [pick(1, 3), pick(1, 3)],
      p: [pad(0), pad(1)],
      pe: [pad(0), pad(1)],
    };
  });
}

const cases: Case[] = [
  { x: [1, 1, 4, 4], k: [2, 2], s: [2, 2], p: [0, 0], pe: [0, 0] },
  { x: [2, 3, 5, 7], k: [3, 3], s: [2, 2], p: [1, 1], pe: [1, 0] },
  { x: [1, 2, 6, 5], k: [3, 2], s: [1, 1], p: [0, 1], pe: [1, 0] },
  ...randomCases(10, 11),
];
const name = (c: Case): string => `x=[${c.x}] k=${c.k[0]}x${c.k[1]} s=${c.s[0]}x${c.s[1]} p=[${c.p}] pEnd=[${c.pe}]`;
const size = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

describe('maxpool', () => {
  it('maxpool 2x2 stride 2 keeps each window max and records its switch x=[1,1,4,4]', () => {
    const x = tensor([1, 1, 4, 4], [1, 3, 2, 1, 4, 2, 0, 5, 1, 1, 7, 1, 2, 9, 1, 3]);
    const { y, switches } = maxpool(x, [2, 2]);
    expect(Array.from(y.data)).toEqual([4, 5, 9, 7]);
    expect(Array.from(switches)).toEqual([4, 7, 13, 10]);
  });

  it('maxpool ignores padding: an all-negative edge window keeps its negative max x=[1,1,2,2] k=2 p=1', () => {
    const { y } = maxpool(tensor([1, 1, 2, 2], [-1, -2, -3, -4]), [2, 2], { pad: [1, 1] });
    expect(Array.from(y.data)).toEqual([-1, -2, -3, -4]);
  });

  for (const c of cases) {
    it(`maxpool backward matches finite differences ${name(c)}`, () => {
      const rng = createRng(size(c.x));
      const geo = poolGeometry(c.x, c.k, { stride: c.s, pad: c.p, padEnd: c.pe });
      const x = randomArray(size(c.x), rng);
      const y = new Float64Array(geo.batch * geo.inC * geo.outH * geo.outW);
      const switches = new Int32Array(y.length);
      const dx = new Float64Array(x.length);
      gradcheck({
        label: `maxpool ${name(c)}`,
        inputs: { x },
        forward: () => {
          maxpoolForward(geo, x, y, switches);
          return y;
        },
        backward: (dy) => {
          maxpoolForward(geo, x, y, switches);
          maxpoolBackward(dy, switches, dx);
          return { x: dx };
        },
      });
    });
  }
});

describe('avgpool', () => {
  it('avgpool divides by the full window, counting padded zeros x=[1,1,2,2] k=2 p=1', () => {
    const y = avgpool(tensor([1, 1, 2, 2], [4, 8, 12, 16]), [2, 2], { pad: [1, 1] });
    expect(Array.from(y.data)).toEqual([1, 2, 3, 4]);
  });

  for (const c of cases) {
    it(`avgpool backward matches finite differences ${name(c)}`, () => {
      const rng = createRng(size(c.x) + 1);
      const geo = poolGeometry(c.x, c.k, { stride: c.s, pad: c.p, padEnd: c.pe });
      const x = randomArray(size(c.x), rng);
      const y = new Float64Array(geo.batch * geo.inC * geo.outH * geo.outW);
      const dx = new Float64Array(x.length);
      gradcheck({
        label: `avgpool ${name(c)}`,
        inputs: { x },
        forward: () => {
          avgpoolForward(geo, x, y);
          return y;
        },
        backward: (dy) => {
          avgpoolBackward(geo, dy, dx);
          return { x: dx };
        },
      });
    });
  }
});

describe('globalAvgPool', () => {
  it('globalAvgPool averages each feature map x=[1,2,2,2] → [1,2]', () => {
    const y = globalAvgPool(tensor([1, 2, 2, 2], [1, 2, 3, 4, 10, 10, 10, 14]));
    expect(y.shape).toEqual([1, 2]);
    expect(Array.from(y.data)).toEqual([2.5, 11]);
  });

  for (const shape of [
    [1, 1, 1, 1],
    [2, 3, 5, 4],
    [3, 2, 7, 1],
  ]) {
    it(`globalAvgPool backward matches finite differences x=[${shape}]`, () => {
      const [n = 1, c = 1, h = 1, w = 1] = shape;
      const x = randomArray(size(shape), createRng(3));
      const y = new Float64Array(n * c);
      const dx = new Float64Array(x.length);
      gradcheck({
        label: `globalAvgPool x=[${shape}]`,
        inputs: { x },
        forward: () => {
          globalAvgPoolForward(n * c, h * w, x, y);
          return y;
        },
        backward: (dy) => {
          globalAvgPoolBackward(n * c, h * w, dy, dx);
          return { x: dx };
        },
      });
    });
  }
});
