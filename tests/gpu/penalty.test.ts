import { describe, expect, it } from 'vitest';
import { l1Penalty, l2Penalty } from '../../engine/cpu/losses';
import { metricsWords } from '../../engine/gpu/loss';
import { penaltyOp } from '../../engine/gpu/penalty';
import { createRng } from '../../engine/tensor/rng';
import { randomFloats, runGpu, withDevice } from './harness';

const gpu = withDevice();

describe('the L1/L2 penalty on the GPU', () => {
  for (const reg of [
    { l1: 0.001, l2: 0 },
    { l1: 0, l2: 0.01 },
    { l1: 0.003, l2: 0.02 },
  ]) {
    it(`adds (l1·Σ|w| + l2·Σw²)·batch to metrics word 3, as the CPU engine's penalty: l1=${reg.l1} l2=${reg.l2}, 3 tensors`, async () => {
      const rng = createRng(5);
      // Sizes below, at and far above the 64 partial sums per tensor.
      const [a, b, c] = [randomFloats(rng, 10), randomFloats(rng, 64), randomFloats(rng, 2503)];
      const want = [a, b, c].reduce((s, w) => s + l1Penalty(w, reg.l1) + l2Penalty(w, reg.l2), 0) * 32;
      const out = await runGpu(gpu(), { a, b, c, metrics: metricsWords(3) }, (ctx, t) => {
        const weights = [t.a!, t.b!, t.c!].map((value, i) => ({ value, count: [10, 64, 2503][i]! }));
        return [penaltyOp(ctx, 'penalty', reg, 32, weights, t.metrics!)!];
      });
      const got = out.f32('metrics')[3]!;
      expect(Math.abs(got - want)).toBeLessThan(1e-5 * want);
      // Nothing else in the accumulator is touched.
      expect(
        Array.from(out.u32('metrics'))
          .filter((_, i) => i !== 3)
          .every((v) => v === 0),
      ).toBe(true);
    });
  }

  it('is no op at all without regularisation', () => {
    expect(penaltyOp({} as never, 'none', { l1: 0, l2: 0 }, 8, [], {} as GPUBuffer)).toBeNull();
  });
});
