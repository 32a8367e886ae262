import { describe, expect, it } from 'vitest';
import { gatherBatch, gatherLabels } from '../../engine/data/batch';
import type { Dataset } from '../../engine/data/dataset';
import { gatherBatchOp, uploadDataset } from '../../engine/gpu/gather';
import { createRng, permutation } from '../../engine/tensor/rng';
import { expectGpuMatchesCpu, runGpu, withDevice } from './harness';

const gpu = withDevice();

function dataset(count: number, shape: readonly [number, number, number]): Dataset {
  const rng = createRng(count);
  const size = shape[0] * shape[1] * shape[2];
  return {
    name: 'random',
    count,
    shape,
    images: Uint8Array.from({ length: count * size }, () => rng.int(256)),
    labels: Uint8Array.from({ length: count }, () => rng.int(10)),
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  };
}

describe('batch gathering on the GPU', () => {
  // Odd sample sizes and counts, so samples and labels straddle the u32 words the bytes are packed in.
  for (const [count, shape, batch, offset] of [
    [37, [1, 5, 3], 7, 11],
    [101, [3, 7, 7], 64, 20],
    [50, [1, 28, 28], 1, 49],
  ] as const) {
    it(`gathered batch equals gatherBatch/gatherLabels count=${count} sample=[${shape.join(',')}] batch=${batch} offset=${offset}`, async () => {
      const data = dataset(count, shape);
      const order = permutation(count, createRng(3));
      const picked = order.subarray(offset, offset + batch);
      const size = shape[0] * shape[1] * shape[2];
      const want = gatherBatch(data, picked, new Float32Array(batch * size));
      const wantLabels = gatherLabels(data, picked, new Uint32Array(batch));
      const out = await runGpu(gpu(), { order, x: batch * size, y: batch }, (ctx, t) => {
        const g = gatherBatchOp(ctx, 'gather', uploadDataset(ctx, data), batch, {
          indices: t.order!,
          x: t.x!,
          y: t.y!,
        });
        g.setOffset(offset);
        return [g.op];
      });
      expectGpuMatchesCpu('gathered pixels', out.f32('x'), want, { abs: 0, rel: 1e-7 });
      expect(Array.from(out.u32('y'))).toEqual(Array.from(wantLabels));
    });
  }
});
