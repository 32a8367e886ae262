import { describe, expect, it } from 'vitest';
import { conv2d, conv2dBackward, conv2dForward } from '../../engine/cpu/conv2d';
import { convGeometry } from '../../engine/cpu/geometry';
import { createRng } from '../../engine/tensor/rng';
import { tensor } from '../../engine/tensor/tensor';
import { gradcheck, randomArray } from './gradcheck';

interface Case {
  readonly x: [number, number, number, number];
  readonly filters: number;
  readonly k: [number, number];
  readonly s: [number, number];
  readonly p: [number, number];
  readonly pe: [number, number];
  readonly d: [number, number];
  readonly g: number;
  readonly bias: boolean;
}

const fixed: Case[] = [
  { x: [1, 1, 5, 5], filters: 1, k: [3, 3], s: [1, 1], p: [0, 0], pe: [0, 0], d: [1, 1], g: 1, bias: true },
  { x: [2, 2, 6, 7], filters: 3, k: [3, 3], s: [2, 2], p: [1, 1], pe: [1, 1], d: [1, 1], g: 1, bias: true },
  { x: [1, 3, 7, 5], filters: 6, k: [3, 2], s: [2, 1], p: [1, 0], pe: [0, 1], d: [2, 1], g: 3, bias: true },
  { x: [1, 4, 6, 6], filters: 4, k: [2, 2], s: [1, 1], p: [0, 0], pe: [1, 1], d: [1, 1], g: 4, bias: false },
  { x: [3, 2, 5, 4], filters: 5, k: [1, 1], s: [1, 2], p: [2, 0], pe: [0, 2], d: [1, 1], g: 1, bias: true },
];

/** Randomised shapes from a fixed seed, so the names (and cases) are stable. */
function randomCases(count: number, seed: number): Case[] {
  const rng = createRng(seed);
  const pick = (lo: number, hi: number): number => lo + rng.int(hi - lo + 1);
  const cases: Case[] = [];
  while (cases.length < count) {
    const g = pick(1, 3);
    const k: [number, number] = [pick(1, 4), pick(1, 4)];
    const d: [number, number] = [pick(1, 2), pick(1, 2)];
    const h = pick(k[0] * d[0], 9);
    const w = pick(k[1] * d[1], 9);
    cases.push({
      x: [pick(1, 3), g * pick(1, 2), h, w],
      filters: g * pick(1, 3),
      k,
      s: [pick(1, 3), pick(1, 3)],
      p: [pick(0, 2), pick(0, 2)],
      pe: [pick(0, 2), pick(0, 2)],
      d,
      g,
      bias: rng.next() < 0.7,
    });
  }
  return cases;
}

const name = (c: Case): string =>
  `x=[${c.x}] f=${c.filters} k=${c.k[0]}x${c.k[1]} s=${c.s[0]}x${c.s[1]} p=[${c.p}] pEnd=[${c.pe}] d=${c.d[0]}x${c.d[1]} g=${c.g}${c.bias ? '' : ' no bias'}`;

describe('conv2d', () => {
  it('conv2d reproduces the lecture cross-correlation x=[1,1,3,3] k=2x2 → [[133,75],[100,101]]', () => {
    const x = tensor([1, 1, 3, 3], [12, 3, 19, 25, 10, 1, 9, 7, 17]);
    const w = tensor([1, 1, 2, 2], [1, 2, 3, 4]);
    expect(Array.from(conv2d(x, w, null).data)).toEqual([133, 75, 100, 101]);
  });

  it('conv2d with bias, stride 2 and padding 1 matches hand-computed values x=[1,1,3,3] k=2x2', () => {
    const x = tensor([1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const w = tensor([1, 1, 2, 2], [1, 1, 1, 1]);
    const y = conv2d(x, w, tensor([1], [10]), { stride: [2, 2], pad: [1, 1] });
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(Array.from(y.data)).toEqual([11, 15, 21, 38]);
  });

  for (const c of [...fixed, ...randomCases(12, 7)]) {
    it(`conv2d backward matches finite differences ${name(c)}`, () => {
      const rng = createRng(c.x.reduce((a, b) => a * 31 + b, c.filters));
      const geo = convGeometry(c.x, c.filters, c.k, {
        stride: c.s,
        pad: c.p,
        padEnd: c.pe,
        dilation: c.d,
        groups: c.g,
      });
      const x = randomArray(
        c.x.reduce((a, b) => a * b, 1),
        rng,
      );
      const w = randomArray(c.filters * (c.x[1] / c.g) * c.k[0] * c.k[1], rng);
      const b = randomArray(c.filters, rng);
      const y = new Float64Array(geo.batch * geo.outC * geo.outH * geo.outW);
      const dx = new Float64Array(x.length);
      const dw = new Float64Array(w.length);
      const db = new Float64Array(b.length);
      gradcheck({
        label: `conv2d ${name(c)}`,
        inputs: c.bias ? { x, w, b } : { x, w },
        forward: () => {
          conv2dForward(geo, x, w, c.bias ? b : null, y);
          return y;
        },
        backward: (dy): Record<string, Float64Array> => {
          conv2dBackward(geo, x, w, dy, { dx, dw, db: c.bias ? db : null });
          return c.bias ? { x: dx, w: dw, b: db } : { x: dx, w: dw };
        },
      });
    });
  }
});
