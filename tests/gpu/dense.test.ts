import { describe, it } from 'vitest';
import { activationForward, defaultAlpha } from '../../engine/cpu/activations';
import { denseBackward, denseForward } from '../../engine/cpu/dense';
import { biasBackwardOp } from '../../engine/gpu/bias';
import { denseBackwardInputOp, denseBackwardWeightsOp, denseForwardOp } from '../../engine/gpu/dense';
import type { ActivationKind } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { expectGpuMatchesCpu, randomFloats, runGpu, withDevice } from './harness';

const gpu = withDevice();
const TOL = { abs: 1e-4, rel: 1e-4 };

const CASES: readonly (readonly [batch: number, inputs: number, units: number, act: ActivationKind | null])[] = [
  [1, 7, 3, null],
  [64, 100, 10, null],
  [5, 33, 17, 'relu'],
  [17, 20, 31, 'tanh'],
  [3, 16, 16, 'softplus'],
];

describe('dense on the GPU', () => {
  for (const [batch, inputs, units, act] of CASES) {
    const dims = { batch, inputs, units };
    const name = `x=[${batch},${inputs}] units=${units} activation=${act ?? 'none'}`;
    it(`dense forward (+bias, fused activation) matches CPU ${name}`, async () => {
      const rng = createRng(batch * 1000 + units);
      const [x, w, b] = [
        randomFloats(rng, batch * inputs),
        randomFloats(rng, units * inputs),
        randomFloats(rng, units),
      ];
      const want = new Float32Array(batch * units);
      denseForward(dims, x, w, b, want);
      if (act) activationForward(act, defaultAlpha(act), want, want);
      const out = await runGpu(gpu(), { x, w, b, y: want.length }, (ctx, t) => [
        denseForwardOp(
          ctx,
          'dense',
          dims,
          { x: t.x!, w: t.w!, b: t.b!, y: t.y! },
          {
            kind: act,
            alpha: act ? defaultAlpha(act) : 0,
          },
        ),
      ]);
      expectGpuMatchesCpu(name, out.f32('y'), want, TOL);
    });

    it(`dense backward input, weights and bias match CPU ${name}`, async () => {
      const rng = createRng(batch * 7 + inputs);
      const [x, w, dy] = [
        randomFloats(rng, batch * inputs),
        randomFloats(rng, units * inputs),
        randomFloats(rng, batch * units),
      ];
      const [dx, dw, db] = [new Float32Array(x.length), new Float32Array(w.length), new Float32Array(units)];
      denseBackward(dims, x, w, dy, { dx, dw, db });
      const out = await runGpu(gpu(), { x, w, dy, dx: dx.length, dw: dw.length, db: units }, (ctx, t) => [
        denseBackwardInputOp(ctx, 'dx', dims, { dy: t.dy!, w: t.w!, dx: t.dx! }),
        denseBackwardWeightsOp(ctx, 'dw', dims, { x: t.x!, dy: t.dy!, dw: t.dw! }),
        biasBackwardOp(ctx, 'db', { batch, channels: units, size: 1 }, { dy: t.dy!, db: t.db! }),
      ]);
      expectGpuMatchesCpu(`dx ${name}`, out.f32('dx'), dx, TOL);
      expectGpuMatchesCpu(`dw ${name}`, out.f32('dw'), dw, TOL);
      expectGpuMatchesCpu(`db ${name}`, out.f32('db'), db, TOL);
    });
  }
});
