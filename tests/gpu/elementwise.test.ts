import { describe, expect, it } from 'vitest';
import { addForward } from '../../engine/cpu/add';
import { dropoutBackward } from '../../engine/cpu/dropout';
import { addOp, dropoutForwardOp, multiplyOp } from '../../engine/gpu/elementwise';
import { createRng } from '../../engine/tensor/rng';
import { expectGpuMatchesCpu, randomFloats, runGpu, withDevice } from './harness';

const gpu = withDevice();
const EXACT = { abs: 0, rel: 0 };

describe('element-wise ops on the GPU', () => {
  it('add matches CPU addForward n=1001', async () => {
    const rng = createRng(1);
    const [a, b] = [randomFloats(rng, 1001), randomFloats(rng, 1001)];
    const want = new Float32Array(1001);
    addForward(a, b, want);
    const out = await runGpu(gpu(), { a, b, c: 1001 }, (ctx, t) => [
      addOp(ctx, 'add', 1001, { a: t.a!, b: t.b!, c: t.c! }),
    ]);
    expectGpuMatchesCpu('add', out.f32('c'), want, EXACT);
  });

  // GPU masks come from a hash of (seed, index), the CPU's from its mulberry32 stream, so they
  // differ; the test checks the GPU mask's properties and compares backward using that mask.
  for (const rate of [0.25, 0.5]) {
    it(`dropout rate=${rate} n=20000: mask in {0, 1/(1-rate)}, about rate dropped, backward matches CPU with the GPU's mask`, async () => {
      const n = 20000;
      const rng = createRng(2);
      const [x, dy] = [randomFloats(rng, n), randomFloats(rng, n)];
      const run = (seed: number) =>
        runGpu(gpu(), { x, dy, y: n, mask: n, dx: n }, (ctx, t) => [
          dropoutForwardOp(ctx, 'dropout', rate, n, { x: t.x!, y: t.y!, mask: t.mask! }, seed).op,
          multiplyOp(ctx, 'dropout backward', n, { a: t.dy!, b: t.mask!, c: t.dx! }),
        ]);
      const out = await run(7);
      const mask = out.f32('mask');
      const keep = Math.fround(1 / (1 - rate));
      expect(mask.every((m) => m === 0 || m === keep)).toBe(true);
      const dropped = mask.filter((m) => m === 0).length / n;
      expect(Math.abs(dropped - rate)).toBeLessThan(0.02);
      expectGpuMatchesCpu(
        'dropout forward',
        out.f32('y'),
        x.map((v, i) => v * mask[i]!),
        EXACT,
      );
      const dx = new Float32Array(n);
      dropoutBackward(mask, dy, dx);
      expectGpuMatchesCpu('dropout backward', out.f32('dx'), dx, EXACT);
      const again = await run(7);
      const other = await run(8);
      expect(Array.from(again.f32('mask'))).toEqual(Array.from(mask));
      expect(Array.from(other.f32('mask'))).not.toEqual(Array.from(mask));
    });
  }
});
