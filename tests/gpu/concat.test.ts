import { describe, it } from 'vitest';
import { concatBackward, concatForward } from '../../engine/cpu/concat';
import { concatBackwardOp, concatForwardOp, concatSlices } from '../../engine/gpu/concat';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { expectGpuMatchesCpu, randomFloats, runGpu, withDevice } from './harness';
import { expectModelParity } from './model-parity';

const gpu = withDevice();
const EXACT = { abs: 0, rel: 0 };

describe('concat on the GPU', () => {
  for (const [batch, sizes] of [
    [3, [2 * 25, 3 * 25, 1 * 25]],
    [5, [7, 300]],
    [1, [64, 64, 32, 16]],
  ] as const) {
    it(`forward and backward copy exactly like the CPU batch=${batch} sizes=[${sizes}]`, async () => {
      const rng = createRng(batch * 7 + sizes.length);
      const xs = sizes.map((s) => randomFloats(rng, batch * s));
      const outCount = batch * sizes.reduce((a, b) => a + b, 0);
      const dy = randomFloats(rng, outCount);
      const y = new Float32Array(outCount);
      const dxs = sizes.map((s) => new Float32Array(batch * s));
      concatForward(batch, sizes, xs, y);
      concatBackward(batch, sizes, dy, dxs);
      const buffers: Record<string, Float32Array | number> = { dy, y: outCount };
      xs.forEach((x, k) => {
        buffers[`x${k}`] = x;
        buffers[`dx${k}`] = x.length;
      });
      const slices = concatSlices(batch, sizes);
      const out = await runGpu(gpu(), buffers, (ctx, t) => [
        ...slices.map((s, k) => concatForwardOp(ctx, `concat forward ${k}`, s, { x: t[`x${k}`]!, y: t.y! })),
        ...slices.map((s, k) => concatBackwardOp(ctx, `concat backward ${k}`, s, { dy: t.dy!, dx: t[`dx${k}`]! })),
      ]);
      expectGpuMatchesCpu('concat forward', out.f32('y'), y, EXACT);
      dxs.forEach((dx, k) => {
        expectGpuMatchesCpu(`concat backward ${k}`, out.f32(`dx${k}`), dx, EXACT);
      });
    });
  }

  /**
   * A tiny Inception-like block: the input feeds three branches and the join itself; b1 also
   * feeds an add after the join, so gradients from two consumers sum. A leaky ReLU with a
   * negative alpha and an LRN with a large alpha sit on the main path.
   */
  const inception: ModelSpec = {
    layers: [
      { type: 'input', shape: [2, 6, 6] },
      { type: 'conv2d', id: 'b1', filters: 3, kernel: 1, activation: 'relu' },
      { type: 'conv2d', id: 'b3', input: 'input_1', filters: 4, kernel: 3, padding: 'same', activation: 'tanh' },
      { type: 'maxpool', id: 'pool', input: 'input_1', size: 3, stride: 1, padding: 1 },
      { type: 'concat', id: 'join', inputs: ['b1', 'b3', 'pool', 'input_1'] },
      { type: 'lrn', size: 3, k: 1, alpha: 0.5, beta: 0.75 },
      { type: 'conv2d', id: 'mix', filters: 3, kernel: 1 },
      { type: 'activation', kind: 'leakyRelu', alpha: -0.3 },
      { type: 'add', with: 'b1' },
      { type: 'flatten', id: 'flat' },
      { type: 'dense', id: 'd1', units: 4, activation: 'elu' },
      { type: 'dense', id: 'd2', input: 'flat', units: 3 },
      { type: 'concat', inputs: ['d1', 'd2'] },
      { type: 'dense', id: 'scores', units: 5 },
      { type: 'softmax' },
    ],
  };

  it('a whole Inception-like model (image and vector concats, lrn): forward and backward match the CPU', async () => {
    await expectModelParity(gpu(), inception, 3, { abs: 2e-5, rel: 1e-4 });
  });
});
