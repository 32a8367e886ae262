import { describe, it } from 'vitest';
import { splitSumOp } from '../../engine/gpu/split-sum';
import { createRng } from '../../engine/tensor/rng';
import { expectGpuMatchesCpu, randomFloats, runGpu, withDevice } from './harness';

const gpu = withDevice();

describe('split_sum on the GPU', () => {
  const CASES: readonly (readonly [count: number, splits: number])[] = [
    [1, 1],
    [7, 3],
    [250, 128],
    [65, 9],
    [1000, 4],
  ];
  for (const [count, splits] of CASES) {
    it(`sums ${splits} slices of ${count} values`, async () => {
      const partial = randomFloats(createRng(count * 31 + splits), count * splits);
      const want = new Float32Array(count);
      for (let s = 0; s < splits; s++) for (let i = 0; i < count; i++) want[i]! += partial[s * count + i]!;
      const out = await runGpu(gpu(), { partial, out: count }, (ctx, t) => [
        splitSumOp(ctx, 'split sum', count, splits, { partial: t.partial!, out: t.out! }),
      ]);
      expectGpuMatchesCpu(`count ${count} splits ${splits}`, out.f32('out'), want, { abs: 1e-4, rel: 1e-5 });
    });
  }
});
