import { describe, expect, it } from 'vitest';
import { type AugmentOptions, augmentBatch, drawAugments, jitters } from '../../engine/data/augment';
import { augmentBatchOp } from '../../engine/gpu/augment';
import { createRng } from '../../engine/tensor/rng';
import { expectGpuMatchesCpu, runGpu, withDevice } from './harness';

const gpu = withDevice();

// Pixels in [0, 1] on a 1/255 grid, as gather_batch makes them.
function pixels(count: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: count }, () => rng.int(256) / 255);
}

const CASES: readonly {
  readonly name: string;
  readonly shape: readonly [number, number, number];
  readonly batch: number;
  readonly options: AugmentOptions;
}[] = [
  { name: 'flip', shape: [1, 28, 28], batch: 9, options: { flip: true } },
  { name: 'crop 4', shape: [3, 32, 32], batch: 7, options: { cropPadding: 4 } },
  { name: 'crop 2 + flip', shape: [3, 11, 9], batch: 64, options: { cropPadding: 2, flip: true } },
  { name: 'brightness + contrast', shape: [1, 28, 28], batch: 5, options: { brightness: 0.3, contrast: 0.4 } },
  {
    name: 'everything',
    shape: [3, 32, 32],
    batch: 6,
    options: { flip: true, cropPadding: 3, brightness: 0.2, contrast: 0.5 },
  },
];

describe('data augmentation on the GPU', () => {
  for (const c of CASES) {
    it(`augment_batch with drawAugments equals augmentBatch on the CPU: ${c.name}, batch ${c.batch} of [${c.shape.join(',')}]`, async () => {
      const [channels, height, width] = c.shape;
      const raw = pixels(c.batch * channels * height * width, c.batch);
      const cpuRng = createRng(42);
      const want = augmentBatch(raw, [c.batch, channels, height, width], c.options, cpuRng);
      const gpuRng = createRng(42);
      const choices = drawAugments(c.batch, c.options, gpuRng);
      // Same choices from the same stream, and the stream left in the same place.
      expect(gpuRng.next()).toBe(cpuRng.next());
      const out = await runGpu(gpu(), { raw, out: raw.length }, (ctx, t) => {
        const op = augmentBatchOp(ctx, 'augment', c.batch, c.shape, c.options, { raw: t.raw!, out: t.out! });
        op.setAugments(choices);
        return [op.op];
      });
      // Crop and flip move values exactly; jitter's mean is a float32 sum on the GPU, float64 on the CPU.
      expectGpuMatchesCpu(
        c.name,
        out.f32('out'),
        want,
        jitters(c.options) ? { abs: 2e-6, rel: 1e-5 } : { abs: 0, rel: 0 },
      );
      expect(out.f32('out').some((v, i) => v !== raw[i])).toBe(true);
    });
  }
});
