import { describe, it } from 'vitest';
import { type LrnParams, lrnBackward, lrnForward } from '../../engine/cpu/lrn';
import { lrnBackwardOp, lrnForwardOp } from '../../engine/gpu/lrn';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { expectGpuMatchesCpu, randomFloats, runGpu, withDevice } from './harness';
import { expectModelParity } from './model-parity';

const gpu = withDevice();
// pow on the GPU is exp2(y·log2 x): a few ulp, not correctly rounded; CPU sums run in float64.
const TOL = { abs: 1e-5, rel: 1e-4 };

describe('lrn on the GPU', () => {
  const cases: [{ batch: number; channels: number; spatial: number }, LrnParams][] = [
    [
      { batch: 2, channels: 96, spatial: 7 * 7 },
      { size: 5, k: 2, alpha: 1e-4, beta: 0.75 },
    ], // AlexNet's
    [
      { batch: 3, channels: 6, spatial: 5 * 4 },
      { size: 3, k: 1, alpha: 0.5, beta: 0.75 },
    ],
    [
      { batch: 1, channels: 5, spatial: 9 },
      { size: 4, k: 1, alpha: 0.9, beta: 1.3 },
    ], // even n
    [
      { batch: 4, channels: 3, spatial: 1 },
      { size: 9, k: 0.5, alpha: 2, beta: 0.5 },
    ], // window > C
  ];
  for (const [dims, p] of cases) {
    it(`forward and backward match the CPU ${JSON.stringify(dims)} n=${p.size} k=${p.k} alpha=${p.alpha} beta=${p.beta}`, async () => {
      const count = dims.batch * dims.channels * dims.spatial;
      const rng = createRng(count);
      const x = randomFloats(rng, count, -3, 3);
      const dy = randomFloats(rng, count);
      const y = new Float32Array(count);
      const scale = new Float32Array(count);
      const dx = new Float32Array(count);
      lrnForward(dims, p, x, y, scale);
      lrnBackward(dims, p, x, scale, dy, dx);
      const out = await runGpu(gpu(), { x, dy, y: count, scale: count, dx: count }, (ctx, t) => [
        lrnForwardOp(ctx, 'lrn forward', dims, p, { x: t.x!, y: t.y!, scale: t.scale! }),
        lrnBackwardOp(ctx, 'lrn backward', dims, p, { x: t.x!, scale: t.scale!, dy: t.dy!, dx: t.dx! }),
      ]);
      expectGpuMatchesCpu('lrn forward', out.f32('y'), y, TOL);
      expectGpuMatchesCpu('lrn scale', out.f32('scale'), scale, TOL);
      expectGpuMatchesCpu('lrn backward', out.f32('dx'), dx, TOL);
    });
  }

  const alexnetLike: ModelSpec = {
    layers: [
      { type: 'input', shape: [3, 9, 9] },
      { type: 'conv2d', filters: 8, kernel: 3, stride: 2, activation: 'relu' },
      { type: 'lrn', size: 5, k: 2, alpha: 0.2, beta: 0.75 },
      { type: 'maxpool', size: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 4 },
    ],
  };

  it('a small AlexNet-like model (conv, lrn, maxpool, dense): forward and backward match the CPU', async () => {
    await expectModelParity(gpu(), alexnetLike, 2, { abs: 2e-5, rel: 1e-4 });
  });
});
