/**
 * The images that most excite one unit (Zeiler and Fergus's "top 9"): run the first `maxImages`
 * validation images through the model, cut after the unit's layer, in batches on the CPU engine,
 * and keep the `count` with the largest activation. A unit is what a 'unit' probe reads
 * (engine/inspect/probe.ts): a channel's mean over its positions, or one feature of a vector, so
 * activation maximisation of the same unit climbs the same number this ranks by.
 */
import { createCpuModel, loadWeights } from '../cpu/model';
import { summarize } from '../spec/summarize';
import type { ModelSpec } from '../spec/types';
import { sizeOf, tensor } from '../tensor/tensor';
import { ProbeError } from './probe';

export interface TopImagesQuery {
  /** Layer index in the summary. */
  readonly layer: number;
  /** Channel of a feature map, or feature of a vector. */
  readonly unit: number;
  readonly count: number;
  /** Rank only the first this many validation images (fewer when the split is smaller). */
  readonly maxImages: number;
}

export interface TopImages {
  /** Validation indices, largest activation first. */
  readonly indices: readonly number[];
  /** The unit's activation for each of them, in the same order (so non-increasing). */
  readonly values: Float32Array;
  /** The images, [indices.length, C, H, W] in [0, 1]. */
  readonly images: Float32Array;
  /** [C, H, W] of one image. */
  readonly imageShape: readonly number[];
  /** Images ranked. */
  readonly evaluated: number;
}

/** Images per forward pass: large enough to amortise the pass, small enough to bound memory. */
const BATCH = 64;

export function topImages(
  spec: ModelSpec,
  weights: Readonly<Record<string, ArrayLike<number>>>,
  sample: (index: number) => Float32Array,
  query: TopImagesQuery,
): TopImages {
  const summary = summarize(spec);
  const { layer, unit, count, maxImages } = query;
  checkIndex(layer, summary.layers.length, 'layer');
  const target = summary.layers[layer]!;
  if (target.type === 'input') throw new ProbeError('Pick a layer after the input: the input is the image itself.');
  const shape = target.outputShape;
  checkIndex(unit, shape[0]!, shape.length === 3 ? 'channel' : 'unit');
  if (!Number.isInteger(count) || count < 1) throw new ProbeError(`Ask for at least one image, not ${count}.`);
  if (!Number.isInteger(maxImages) || maxImages < 1) {
    throw new ProbeError(`Rank at least one image, not ${maxImages}.`);
  }
  const model = createCpuModel({ ...spec, layers: spec.layers.slice(0, layer + 1) }, { seed: 0 });
  loadWeights(model, weights);
  const imageShape = summary.layers[0]!.outputShape;
  const imageSize = sizeOf(imageShape);
  const plane = shape.length === 3 ? shape[1]! * shape[2]! : 1;

  const scores: { index: number; value: number }[] = [];
  let done = false;
  for (let start = 0; start < maxImages && !done; start += BATCH) {
    const images: Float32Array[] = [];
    for (let i = start; i < Math.min(maxImages, start + BATCH); i++) {
      const image = readSample(sample, i);
      if (!image) {
        done = true;
        break;
      }
      images.push(image);
    }
    if (images.length === 0) break;
    const batch = new Float32Array(images.length * imageSize);
    for (const [i, image] of images.entries()) batch.set(image, i * imageSize);
    const out = model.forward(tensor([images.length, ...imageShape], batch), { training: false })[layer]!;
    const perImage = sizeOf(shape);
    for (let n = 0; n < images.length; n++) {
      let sum = 0;
      const base = n * perImage + unit * plane;
      for (let p = 0; p < plane; p++) sum += out.data[base + p]!;
      scores.push({ index: start + n, value: sum / plane });
    }
  }
  if (scores.length === 0) throw new ProbeError('There are no validation images to rank.');
  // Ties keep the lower index first, so the answer does not depend on the sort's stability.
  scores.sort((a, b) => b.value - a.value || a.index - b.index);
  const top = scores.slice(0, count);
  const images = new Float32Array(top.length * imageSize);
  for (const [i, { index }] of top.entries()) images.set(sample(index), i * imageSize);
  return {
    indices: top.map((s) => s.index),
    values: Float32Array.from(top, (s) => s.value),
    images,
    imageShape,
    evaluated: scores.length,
  };
}

/** The sample, or null past the end of the split (the worker's sample() throws a RangeError there). */
function readSample(sample: (index: number) => Float32Array, index: number): Float32Array | null {
  try {
    return sample(index);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function checkIndex(value: number, count: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= count) {
    throw new ProbeError(`There is no ${what} ${value}: pick one from 0 to ${count - 1}.`);
  }
}
