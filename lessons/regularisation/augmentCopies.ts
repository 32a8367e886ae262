/**
 * Augmented copies of one image, for the augmentation explorer: the image is gathered as floats
 * in [0, 1] (engine/data/batch.ts, the one place pixels are scaled), repeated n times as a batch,
 * and run through the engine's augmentBatch. drawAugments, fed a generator with the same seed,
 * makes the same draws in the same order, so each copy can be labelled with what was done to it.
 */
import {
  type AugmentOptions,
  augmentBatch,
  type BatchShape,
  drawAugments,
  type ImageAugment,
} from '../../engine/data/augment';
import { gatherBatch } from '../../engine/data/batch';
import type { Dataset } from '../../engine/data/dataset';
import { createRng } from '../../engine/tensor/rng';

export interface AugmentedCopies {
  readonly original: Float32Array;
  /** One image of C*H*W floats per copy. */
  readonly copies: readonly Float32Array[];
  readonly draws: readonly ImageAugment[];
}

export function augmentedCopies(
  dataset: Dataset,
  index: number,
  options: AugmentOptions,
  n: number,
  seed: number,
): AugmentedCopies {
  const [c, h, w] = dataset.shape;
  const size = c * h * w;
  const original = gatherBatch(dataset, [index], new Float32Array(size));
  const batch = new Float32Array(n * size);
  for (let i = 0; i < n; i++) batch.set(original, i * size);
  const shape: BatchShape = [n, c, h, w];
  const draws = drawAugments(n, options, createRng(seed));
  const result = augmentBatch(batch, shape, options, createRng(seed));
  const copies = Array.from({ length: n }, (_, i) => result.slice(i * size, (i + 1) * size));
  return { original, copies, draws };
}

/**
 * How many different images one picture can become under the discrete augmentations: (2P + 1)²
 * crop positions for padding P, times 2 with flips; brightness and contrast are continuous, so
 * with them there is no end.
 */
export function distinctVersions(options: AugmentOptions): number {
  const p = options.cropPadding ?? 0;
  const positions = (2 * p + 1) ** 2;
  const jitter = (options.brightness ?? 0) > 0 || (options.contrast ?? 0) > 0;
  return jitter ? Number.POSITIVE_INFINITY : positions * (options.flip ? 2 : 1);
}
