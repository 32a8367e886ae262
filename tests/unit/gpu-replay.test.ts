/** Resuming a seeded GPU run at a step: the random streams are advanced as the earlier steps used them. */
import { describe, expect, it } from 'vitest';
import { drawAugments } from '../../engine/data/augment';
import { replayStreams, type StreamUse } from '../../engine/gpu/replay';
import { createRng, permutation } from '../../engine/tensor/rng';

describe('replayStreams', () => {
  // 50 images in batches of 16: 4 steps per epoch, the last one of 2 images.
  const use: StreamUse = {
    count: 50,
    batchSize: 16,
    stepsPerEpoch: 4,
    dropouts: 2,
    augmentation: { flip: true, cropPadding: 2 },
  };

  /** What GpuTrainer draws over `steps` steps: each epoch's order, then per step the augmentations and dropout seeds. */
  function trainerStreams(steps: number) {
    const shuffle = createRng(1);
    const noise = createRng(2);
    let order: Uint32Array | null = null;
    for (let s = 0; s < steps; s++) {
      const inEpoch = s % use.stepsPerEpoch;
      if (inEpoch === 0) order = permutation(use.count, shuffle);
      drawAugments(Math.min(use.batchSize, use.count - inEpoch * use.batchSize), use.augmentation!, noise);
      for (let d = 0; d < use.dropouts; d++) noise.int(4294967296);
    }
    return { shuffle, noise, order };
  }

  for (const step of [0, 3, 4, 6, 9]) {
    it(`leaves both streams where ${step} trained steps leave them, with the epoch's order when mid-epoch`, () => {
      const want = trainerStreams(step);
      const shuffle = createRng(1);
      const noise = createRng(2);
      const order = replayStreams(step, use, shuffle, noise);
      expect(noise.next()).toBe(want.noise.next());
      expect(shuffle.next()).toBe(want.shuffle.next());
      if (step % use.stepsPerEpoch === 0) expect(order).toBeNull();
      else expect(Array.from(order!)).toEqual(Array.from(want.order!));
    });
  }
});
