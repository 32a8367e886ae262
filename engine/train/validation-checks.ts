/**
 * Validation between the full passes: a fixed subset of the validation set, drawn once from the
 * run's seed, evaluated several times per epoch, so a student sees the validation curve move
 * inside the first epoch instead of waiting for its end. The full pass at each epoch's end stays;
 * the subset is small (a few hundred images) so checking it costs a handful of training steps.
 */
import type { Dataset } from '../data/dataset';
import { createRng, permutation } from '../tensor/rng';

/** Mixed into the run's seed so the subset's draw is independent of the shuffle and dropout streams. */
const SUBSET_SALT = 0x5eed_0f5e;

/**
 * `size` images of `dataset` chosen by `seed` (the same ones for the same seed, in their original
 * order), copied into a dataset of their own; the dataset itself when it has no more than `size`.
 */
export function validationSubset(dataset: Dataset, size: number, seed: number): Dataset {
  const n = Math.max(0, Math.floor(size));
  if (n >= dataset.count) return dataset;
  const chosen = permutation(dataset.count, createRng((seed ^ SUBSET_SALT) >>> 0))
    .subarray(0, n)
    .sort();
  const [c, h, w] = dataset.shape;
  const sample = c * h * w;
  const images = new Uint8Array(n * sample);
  const labels = new Uint8Array(n);
  chosen.forEach((index, i) => {
    images.set(dataset.images.subarray(index * sample, (index + 1) * sample), i * sample);
    labels[i] = dataset.labels[index]!;
  });
  return { ...dataset, name: `${dataset.name} (validation subset)`, count: n, images, labels };
}

/**
 * Whether the subset is checked after step `stepInEpoch` (1-based: 1..stepsPerEpoch) of an epoch:
 * `checksPerEpoch` evenly spaced checks, the last one at the epoch's end. An epoch shorter than
 * that checks after every step.
 */
export function isValidationCheck(stepInEpoch: number, stepsPerEpoch: number, checksPerEpoch: number): boolean {
  if (checksPerEpoch < 1 || stepInEpoch < 1 || stepInEpoch > stepsPerEpoch) return false;
  const k = Math.floor(checksPerEpoch);
  return Math.floor((stepInEpoch * k) / stepsPerEpoch) > Math.floor(((stepInEpoch - 1) * k) / stepsPerEpoch);
}
