/**
 * Turning a byte dataset into float batches, and carving a validation set out of a training set.
 *
 * `gatherBatch` is THE one place pixels become floats: value / 255, so every input the models see
 * is in [0, 1]. No mean/std normalisation happens anywhere else (the first layer learns any
 * offset it needs), so the CPU trainer, the GPU gather kernel and the lesson widgets agree.
 */

import { createRng, permutation } from '../tensor/rng';
import type { Dataset } from './dataset';
import { DatasetError } from './dataset';

/** Scale from stored bytes to model inputs; keep in step with the GPU gather kernel. */
export const PIXEL_SCALE = 1 / 255;

/**
 * Copies samples `indices` into `out` as floats in [0, 1], NCHW. `out` must hold at least
 * indices.length * C * H * W values; returns `out`.
 */
export function gatherBatch(dataset: Dataset, indices: ArrayLike<number>, out: Float32Array): Float32Array {
  const [c, h, w] = dataset.shape;
  const size = c * h * w;
  if (out.length < indices.length * size) {
    throw new RangeError(
      `gatherBatch: out holds ${out.length} values but ${indices.length} samples need ${indices.length * size}`,
    );
  }
  const images = dataset.images;
  for (let b = 0; b < indices.length; b++) {
    const i = indices[b]!;
    if (!(i >= 0 && i < dataset.count))
      throw new RangeError(`gatherBatch: index ${i} is outside 0-${dataset.count - 1}`);
    const src = i * size;
    const dst = b * size;
    for (let k = 0; k < size; k++) out[dst + k] = images[src + k]! * PIXEL_SCALE;
  }
  return out;
}

/** Copies the labels of samples `indices` into `out` (any integer array); returns `out`. */
export function gatherLabels<T extends Uint8Array | Int32Array | Uint32Array>(
  dataset: Dataset,
  indices: ArrayLike<number>,
  out: T,
): T {
  for (let b = 0; b < indices.length; b++) out[b] = dataset.labels[indices[b]!]!;
  return out;
}

/** A new dataset holding copies of the samples at `indices`, in that order. */
export function subsetDataset(dataset: Dataset, indices: ArrayLike<number>, name: string): Dataset {
  const [c, h, w] = dataset.shape;
  const size = c * h * w;
  const images = new Uint8Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  for (let b = 0; b < indices.length; b++) {
    const i = indices[b]!;
    images.set(dataset.images.subarray(i * size, (i + 1) * size), b * size);
    labels[b] = dataset.labels[i]!;
  }
  return { name, count: indices.length, shape: dataset.shape, images, labels, classNames: dataset.classNames };
}

/**
 * Splits off a validation set chosen at random (seeded, so the split is reproducible).
 * `validation` is a fraction when in (0, 1), otherwise a whole number of samples.
 * Both parts keep the original order of their samples.
 */
export function splitDataset(
  dataset: Dataset,
  validation: number,
  seed: number,
): { readonly train: Dataset; readonly validation: Dataset } {
  const count = validation > 0 && validation < 1 ? Math.round(validation * dataset.count) : validation;
  if (!Number.isInteger(count) || count < 0 || count > dataset.count) {
    throw new DatasetError(
      `Cannot hold out ${validation} samples for validation from ${dataset.count}; use a fraction between 0 and 1 or a whole number up to ${dataset.count}.`,
    );
  }
  const order = permutation(dataset.count, createRng(seed));
  const held = order.subarray(0, count).slice().sort();
  const kept = order.subarray(count).slice().sort();
  return {
    train: subsetDataset(dataset, kept, `${dataset.name}-train`),
    validation: subsetDataset(dataset, held, `${dataset.name}-validation`),
  };
}
