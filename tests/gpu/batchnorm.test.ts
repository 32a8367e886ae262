import { describe, it } from 'vitest';
import { batchNormBackward, batchNormForward } from '../../engine/cpu/batchnorm';
import { batchnormBackwardOp, batchnormForwardEvalOp, batchnormForwardTrainOp } from '../../engine/gpu/batchnorm';
import { createRng } from '../../engine/tensor/rng';
import { expectGpuMatchesCpu, randomFloats, runGpu, withDevice } from './harness';

const gpu = withDevice();
// Sums over up to N·H·W = 4096 values per channel; xhat/dx are normalised quantities of order 1.
const TOL = { abs: 1e-4, rel: 1e-4 };

describe('batchnorm on the GPU', () => {
  for (const [batch, channels, size] of [
    [1, 3, 49],
    [64, 4, 64],
    [7, 5, 1],
  ] as const) {
    const dims = { batch, channels, size };
    const name = `x=[${batch},${channels},${size}] momentum=0.1 eps=1e-5`;
    it(`batchnorm train forward, running stats, eval forward and backward match CPU ${name}`, async () => {
      const rng = createRng(batch * channels + size);
      const n = batch * channels * size;
      const [x, dy] = [randomFloats(rng, n, -2, 3), randomFloats(rng, n)];
      const [gamma, beta] = [randomFloats(rng, channels, 0.5, 1.5), randomFloats(rng, channels)];
      const running = Float32Array.from([...randomFloats(rng, channels), ...randomFloats(rng, channels, 0.5, 2)]);
      const h = { momentum: 0.1, epsilon: 1e-5 };
      const state = {
        gamma,
        beta,
        runningMean: running.slice(0, channels),
        runningVar: running.slice(channels),
        ...h,
      };
      const cache = { xhat: new Float32Array(n), invStd: new Float32Array(channels) };
      const [y, dx, dgamma, dbeta, yEval] = [n, n, channels, channels, n].map((k) => new Float32Array(k)) as [
        Float32Array,
        Float32Array,
        Float32Array,
        Float32Array,
        Float32Array,
      ];
      batchNormForward(dims, state, true, x, y, cache);
      batchNormBackward(dims, gamma, true, cache, dy, dx, dgamma, dbeta);
      batchNormForward(dims, state, false, x, yEval, { xhat: new Float32Array(n), invStd: new Float32Array(channels) });
      const sizes = { y: n, xhat: n, invStd: channels, dx: n, dgamma: channels, dbeta: channels, yEval: n };
      const out = await runGpu(gpu(), { x, dy, gamma, beta, running, ...sizes }, (ctx, t) => [
        batchnormForwardTrainOp(ctx, 'bn', dims, h, {
          x: t.x!,
          gamma: t.gamma!,
          beta: t.beta!,
          y: t.y!,
          xhat: t.xhat!,
          invStd: t.invStd!,
          running: t.running!,
        }),
        batchnormBackwardOp(ctx, 'bn backward', dims, {
          dy: t.dy!,
          xhat: t.xhat!,
          gamma: t.gamma!,
          invStd: t.invStd!,
          dx: t.dx!,
          dgamma: t.dgamma!,
          dbeta: t.dbeta!,
        }),
        batchnormForwardEvalOp(ctx, 'bn eval', dims, h, {
          x: t.x!,
          gamma: t.gamma!,
          beta: t.beta!,
          running: t.running!,
          y: t.yEval!,
        }),
      ]);
      expectGpuMatchesCpu(`y ${name}`, out.f32('y'), y, TOL);
      expectGpuMatchesCpu(`invStd ${name}`, out.f32('invStd'), cache.invStd, TOL);
      expectGpuMatchesCpu(`running ${name}`, out.f32('running'), [...state.runningMean, ...state.runningVar], TOL);
      expectGpuMatchesCpu(`dx ${name}`, out.f32('dx'), dx, TOL);
      expectGpuMatchesCpu(`dgamma ${name}`, out.f32('dgamma'), dgamma, { abs: 1e-3, rel: 1e-4 });
      expectGpuMatchesCpu(`dbeta ${name}`, out.f32('dbeta'), dbeta, { abs: 1e-3, rel: 1e-4 });
      expectGpuMatchesCpu(`eval y ${name}`, out.f32('yEval'), yEval, TOL);
    });
  }
});
