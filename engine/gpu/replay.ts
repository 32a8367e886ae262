/**
 * Continuing a seeded run at a given step (after a lost device): the shuffle, augmentation and
 * dropout streams are advanced exactly as the steps before it consumed them, so the continued run
 * sees the same batches, augmented images and masks as an uninterrupted one.
 */
import { type AugmentOptions, drawAugments } from '../data/augment';
import { permutation, type Rng } from '../tensor/rng';

/** What a run's steps draw from its random streams. */
export interface StreamUse {
  readonly count: number;
  readonly batchSize: number;
  readonly stepsPerEpoch: number;
  readonly dropouts: number;
  readonly augmentation: AugmentOptions | null;
}

/**
 * Advances `shuffle` past the epochs finished by `step`, and `noise` past each earlier step's
 * augmentation choices (one per image of its batch) and one dropout seed per dropout layer.
 * Returns the current epoch's order when `step` is mid-epoch (it was drawn at the epoch's start),
 * else null.
 */
export function replayStreams(step: number, use: StreamUse, shuffle: Rng, noise: Rng): Uint32Array | null {
  const epochs = Math.floor(step / use.stepsPerEpoch);
  for (let e = 0; e < epochs; e++) permutation(use.count, shuffle);
  for (let s = 0; s < step; s++) {
    if (use.augmentation) {
      const start = (s % use.stepsPerEpoch) * use.batchSize;
      drawAugments(Math.min(use.batchSize, use.count - start), use.augmentation, noise);
    }
    for (let d = 0; d < use.dropouts; d++) noise.next();
  }
  return step % use.stepsPerEpoch === 0 ? null : permutation(use.count, shuffle);
}
