import { describe, it } from 'vitest';
import {
  activationBackward,
  activationBackwardFromInput,
  activationForward,
  defaultAlpha,
} from '../../engine/cpu/activations';
import { activationBackwardOp, activationForwardOp } from '../../engine/gpu/activation';
import type { ActivationKind } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { expectGpuMatchesCpu, randomFloats, runGpu, withDevice } from './harness';

const gpu = withDevice();
// Transcendentals (exp, tanh, log) on the GPU are accurate to a few ulp, not correctly rounded.
const TOL = { abs: 2e-6, rel: 1e-5 };
const KINDS: readonly ActivationKind[] = ['relu', 'leakyRelu', 'sigmoid', 'tanh', 'elu', 'softplus'];

describe('activations on the GPU', () => {
  const cases: [ActivationKind, number][] = KINDS.map((kind) => [kind, kind === 'elu' ? 0.7 : defaultAlpha(kind)]);
  // A negative alpha: y > 0 on both sides of the kink, so only x tells the branch.
  cases.push(['leakyRelu', -0.3], ['elu', -1]);
  for (const [kind, alpha] of cases) {
    const count = 1037;
    it(`${kind} forward and backward match CPU n=${count} alpha=${alpha}`, async () => {
      const rng = createRng(count + kind.length);
      const x = randomFloats(rng, count, -6, 6);
      x[0] = 0;
      const dy = randomFloats(rng, count);
      const y = new Float32Array(count);
      const dx = new Float32Array(count);
      activationForward(kind, alpha, x, y);
      activationBackwardFromInput(kind, alpha, x, y, dy, dx);
      const out = await runGpu(gpu(), { x, dy, y: count, dx: count }, (ctx, t) => [
        activationForwardOp(ctx, kind, kind, alpha, count, { x: t.x!, y: t.y! }),
        activationBackwardOp(ctx, `${kind} backward`, kind, alpha, count, {
          x: t.x!,
          y: t.y!,
          dy: t.dy!,
          dx: t.dx!,
        }),
      ]);
      expectGpuMatchesCpu(`${kind} forward`, out.f32('y'), y, TOL);
      expectGpuMatchesCpu(`${kind} backward`, out.f32('dx'), dx, TOL);
    });
  }

  for (const kind of KINDS) {
    it(`${kind} backward with y bound as x (the fused conv/dense form) matches the CPU's from-output backward`, async () => {
      const count = 517;
      const alpha = defaultAlpha(kind);
      const rng = createRng(count + kind.length);
      const x = randomFloats(rng, count, -6, 6);
      const dy = randomFloats(rng, count);
      const y = new Float32Array(count);
      const dx = new Float32Array(count);
      activationForward(kind, alpha, x, y);
      activationBackward(kind, alpha, y, dy, dx);
      const out = await runGpu(gpu(), { y, dy, dx: count }, (ctx, t) => [
        activationBackwardOp(ctx, `${kind} fused backward`, kind, alpha, count, {
          x: t.y!,
          y: t.y!,
          dy: t.dy!,
          dx: t.dx!,
        }),
      ]);
      expectGpuMatchesCpu(`${kind} fused backward`, out.f32('dx'), dx, TOL);
    });
  }
});
