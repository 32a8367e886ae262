import { describe, expect, it } from 'vitest';
import { avgpoolBackward, avgpoolForward } from '../../engine/cpu/avgpool';
import { globalAvgPoolBackward, globalAvgPoolForward } from '../../engine/cpu/globalavgpool';
import { maxpoolBackward, maxpoolForward, poolGeometry } from '../../engine/cpu/maxpool';
import {
  avgpoolBackwardOp,
  avgpoolForwardOp,
  globalAvgPoolBackwardOp,
  globalAvgPoolForwardOp,
  maxpoolBackwardOp,
  maxpoolForwardOp,
} from '../../engine/gpu/pool';
import { createRng } from '../../engine/tensor/rng';
import { expectGpuMatchesCpu, randomFloats, runGpu, shape, withDevice } from './harness';

const gpu = withDevice();
const EXACT = { abs: 0, rel: 0 };
const TOL = { abs: 1e-6, rel: 1e-6 };

type P2 = readonly [number, number];
const CASES: readonly { x: readonly number[]; k: P2; s?: P2; p?: P2; pe?: P2 }[] = [
  { x: [2, 3, 8, 8], k: [2, 2] },
  { x: [1, 2, 7, 9], k: [3, 3], s: [2, 2], p: [1, 1] },
  { x: [3, 2, 6, 5], k: [3, 2], s: [1, 2], p: [1, 0], pe: [2, 1] },
  { x: [64, 4, 5, 5], k: [2, 2], s: [2, 2], p: [0, 0], pe: [1, 1] },
  // Disjoint windows (maxpool_backward's DISJOINT path): uncovered last row and column; gaps.
  { x: [2, 3, 9, 7], k: [2, 2] },
  { x: [2, 2, 7, 9], k: [2, 3], s: [3, 3], p: [1, 0] },
];

describe('pooling on the GPU', () => {
  for (const c of CASES) {
    const geo = poolGeometry(c.x, c.k, { stride: c.s, pad: c.p, padEnd: c.pe ?? c.p });
    const name = `x=${shape(c.x)} k=${c.k.join('x')} s=${geo.strideH},${geo.strideW} p=${geo.padTop},${geo.padLeft}/${geo.padBottom},${geo.padRight}`;
    const nIn = c.x.reduce((a, b) => a * b);
    const nOut = geo.batch * geo.inC * geo.outH * geo.outW;

    it(`maxpool forward, switches and backward match CPU ${name}`, async () => {
      const rng = createRng(nIn);
      const [x, dy] = [randomFloats(rng, nIn), randomFloats(rng, nOut)];
      const [y, sw, dx] = [new Float32Array(nOut), new Int32Array(nOut), new Float32Array(nIn)];
      maxpoolForward(geo, x, y, sw);
      maxpoolBackward(dy, sw, dx);
      const out = await runGpu(gpu(), { x, dy, y: nOut, sw: nOut, dx: nIn }, (ctx, t) => [
        maxpoolForwardOp(ctx, 'maxpool', geo, { x: t.x!, y: t.y!, switches: t.sw! }),
        maxpoolBackwardOp(ctx, 'maxpool backward', geo, { dy: t.dy!, switches: t.sw!, dx: t.dx! }),
      ]);
      expectGpuMatchesCpu(`y ${name}`, out.f32('y'), y, EXACT);
      expect(Array.from(out.i32('sw'))).toEqual(Array.from(sw));
      expectGpuMatchesCpu(`dx ${name}`, out.f32('dx'), dx, TOL);
    });

    it(`avgpool forward and backward match CPU ${name}`, async () => {
      const rng = createRng(nIn + 1);
      const [x, dy] = [randomFloats(rng, nIn), randomFloats(rng, nOut)];
      const [y, dx] = [new Float32Array(nOut), new Float32Array(nIn)];
      avgpoolForward(geo, x, y);
      avgpoolBackward(geo, dy, dx);
      const out = await runGpu(gpu(), { x, dy, y: nOut, dx: nIn }, (ctx, t) => [
        avgpoolForwardOp(ctx, 'avgpool', geo, { x: t.x!, y: t.y! }),
        avgpoolBackwardOp(ctx, 'avgpool backward', geo, { dy: t.dy!, dx: t.dx! }),
      ]);
      expectGpuMatchesCpu(`y ${name}`, out.f32('y'), y, TOL);
      expectGpuMatchesCpu(`dx ${name}`, out.f32('dx'), dx, TOL);
    });
  }

  for (const x of [
    [1, 3, 5, 7],
    [64, 8, 4, 4],
  ]) {
    it(`global average pool forward and backward match CPU x=${shape(x)}`, async () => {
      const [n, ch, h, w] = x as [number, number, number, number];
      const rng = createRng(n * ch);
      const [xs, dy] = [randomFloats(rng, n * ch * h * w), randomFloats(rng, n * ch)];
      const [y, dx] = [new Float32Array(n * ch), new Float32Array(xs.length)];
      globalAvgPoolForward(n * ch, h * w, xs, y);
      globalAvgPoolBackward(n * ch, h * w, dy, dx);
      const out = await runGpu(gpu(), { xs, dy, y: y.length, dx: dx.length }, (ctx, t) => [
        globalAvgPoolForwardOp(ctx, 'gap', n * ch, h * w, { x: t.xs!, y: t.y! }),
        globalAvgPoolBackwardOp(ctx, 'gap backward', n * ch, h * w, { dy: t.dy!, dx: t.dx! }),
      ]);
      expectGpuMatchesCpu('gap y', out.f32('y'), y, TOL);
      expectGpuMatchesCpu('gap dx', out.f32('dx'), dx, TOL);
    });
  }
});
