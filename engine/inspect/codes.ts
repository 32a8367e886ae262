/**
 * "CNN codes": the output of one layer (usually the one before the classifier) for a set of
 * images, one flat vector per image. The lecture embeds these vectors in 2-D (t-SNE) to show that
 * images the net thinks alike lie close together. Computed on the CPU engine in batches, from a
 * copy of the model cut after the layer (the spec's layer list is topologically ordered, so the
 * prefix holds every ancestor), in evaluation mode.
 */
import { createCpuModel, loadWeights } from '../cpu/model';
import { summarize } from '../spec/summarize';
import type { ModelSpec } from '../spec/types';
import { sizeOf, tensor } from '../tensor/tensor';
import { ProbeError } from './probe';

/** Images per forward pass: enough to amortise the layer set-up, small enough for scratch memory. */
const BATCH = 50;

export interface LayerCodes {
  /** The layer's id in the summary. */
  readonly layerId: string;
  /** Values per image (the layer's output size). */
  readonly dim: number;
  /** count × dim, image by image. */
  readonly codes: Float32Array;
}

/**
 * The output of layer `layer` (an index in the summary) for each of `images` ([C, H, W] each, all
 * concatenated in `pixels`).
 */
export function layerCodes(
  spec: ModelSpec,
  weights: Readonly<Record<string, ArrayLike<number>>>,
  layer: number,
  pixels: Float32Array,
  count: number,
): LayerCodes {
  const summary = summarize(spec);
  if (!Number.isInteger(layer) || layer < 1 || layer >= summary.layers.length) {
    throw new ProbeError(`Layer ${layer} does not exist: pick 1 to ${summary.layers.length - 1}.`);
  }
  const model = createCpuModel({ ...spec, layers: spec.layers.slice(0, layer + 1) }, { seed: 0 });
  loadWeights(model, weights);
  const inputShape = summary.layers[0]!.outputShape;
  const size = sizeOf(inputShape);
  if (pixels.length !== count * size) {
    throw new ProbeError(`Expected ${count} images of ${size} values, got ${pixels.length} values.`);
  }
  const dim = sizeOf(summary.layers[layer]!.outputShape);
  const codes = new Float32Array(count * dim);
  for (let from = 0; from < count; from += BATCH) {
    const n = Math.min(BATCH, count - from);
    const batch = tensor([n, ...inputShape], pixels.slice(from * size, (from + n) * size));
    const outputs = model.forward(batch, { training: false });
    codes.set(outputs[layer]!.data.subarray(0, n * dim), from * dim);
  }
  return { layerId: summary.layers[layer]!.id, dim, codes };
}
