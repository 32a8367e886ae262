/**
 * A probe answers "how does this number change with the input image?" for a trained CPU model:
 * the number is a class score (a logit, before softmax, as the lecture's S_c(I)), one unit of any
 * layer (a channel's mean, or its value at one position), or the cross-entropy loss for a label
 * (what the fast gradient sign method climbs). evaluate(image) returns the number and its
 * gradient with respect to every pixel, by one forward and one backward pass in evaluation mode.
 *
 * A unit of an inner layer is read from a copy of the model cut after that layer (the spec's
 * layer list is topologically ordered, so its prefix holds every ancestor) with the same weights:
 * the CPU model back-propagates from its last layer.
 */
import { createCpuModel, loadWeights } from '../cpu/model';
import { summarize } from '../spec/summarize';
import type { ModelSpec, ModelSummary } from '../spec/types';
import { sizeOf, type Tensor, tensor } from '../tensor/tensor';

export type ProbeTarget =
  /** The class score S_c: the logit of class `classIndex`. */
  | { readonly kind: 'class'; readonly classIndex: number }
  /** Cross-entropy of the softmax of the logits against `label`. */
  | { readonly kind: 'loss'; readonly label: number }
  /**
   * Unit `unit` of layer `layer` (an index in the summary): a channel of a feature map, averaged
   * over its positions unless `position` [y, x] picks one; or one feature of a vector.
   */
  | {
      readonly kind: 'unit';
      readonly layer: number;
      readonly unit: number;
      readonly position?: readonly [number, number];
    };

export interface ProbeResult {
  /** The probed number for this image. */
  readonly value: number;
  /** d value / d pixel, shaped like the image [C, H, W]. */
  readonly gradient: Float32Array;
  /** Softmax probabilities of the full model's classes (class and loss probes); null for a unit. */
  readonly probabilities: Float32Array | null;
}

export interface Probe {
  readonly target: ProbeTarget;
  /** [C, H, W] of the images it takes. */
  readonly inputShape: readonly number[];
  evaluate(image: Float32Array): ProbeResult;
}

/** A target the model does not have, in words a student can act on. */
export class ProbeError extends Error {
  override readonly name = 'ProbeError';
}

export function createProbe(
  spec: ModelSpec,
  weights: Readonly<Record<string, ArrayLike<number>>>,
  target: ProbeTarget,
): Probe {
  const summary = summarize(spec);
  const cut = target.kind === 'unit' ? checkUnit(summary, target) : null;
  const modelSpec = cut === null ? spec : { ...spec, layers: spec.layers.slice(0, cut + 1) };
  const model = createCpuModel(modelSpec, { seed: 0 });
  loadWeights(model, weights);
  const inputShape = summary.layers[0]!.outputShape;
  const classes = sizeOf(model.summary.layers[model.logitsLayer]!.outputShape);
  if (target.kind === 'class') checkIndex(target.classIndex, classes, 'class');
  if (target.kind === 'loss') checkIndex(target.label, classes, 'label');
  return {
    target,
    inputShape,
    evaluate(image) {
      if (image.length !== sizeOf(inputShape)) {
        throw new ProbeError(`The image has ${image.length} values; this model takes ${inputShape.join('×')}.`);
      }
      const outputs = model.forward(tensor([1, ...inputShape], image), { training: false });
      const out = outputs[model.logitsLayer]!;
      const { value, seed, probabilities } = readTarget(target, out, classes);
      const gradient = model.backward(seed).data;
      return { value, gradient: Float32Array.from(gradient), probabilities };
    },
  };
}

/**
 * The probed number and d number / d output (the seed of the backward pass), from one sample's
 * output `out` [1, ...] of the probed layer (the logits for a class or loss). Shared with the GPU
 * probe (engine/gpu/input-gradient.ts).
 */
export function readTarget(
  target: ProbeTarget,
  out: Tensor,
  classes: number,
): { value: number; seed: Tensor; probabilities: Float32Array | null } {
  const seed = tensor(out.shape, new Float32Array(out.data.length));
  if (target.kind === 'unit') {
    const [, , height = 1, width = 1] = out.shape;
    const plane = height * width;
    const base = target.unit * (out.shape.length === 4 ? plane : 1);
    if (out.shape.length !== 4 || target.position) {
      const [y, x] = target.position ?? [0, 0];
      const at = out.shape.length === 4 ? base + y * width + x : target.unit;
      seed.data[at] = 1;
      return { value: out.data[at]!, seed, probabilities: null };
    }
    let sum = 0;
    for (let i = 0; i < plane; i++) {
      sum += out.data[base + i]!;
      seed.data[base + i] = 1 / plane;
    }
    return { value: sum / plane, seed, probabilities: null };
  }
  const probabilities = softmax(out.data, classes);
  if (target.kind === 'class') {
    seed.data[target.classIndex] = 1;
    return { value: out.data[target.classIndex]!, seed, probabilities };
  }
  // d(-log p_y)/d logit_k = p_k - [k = y]
  for (let k = 0; k < classes; k++) seed.data[k] = probabilities[k]! - (k === target.label ? 1 : 0);
  return { value: -Math.log(Math.max(probabilities[target.label]!, 1e-30)), seed, probabilities };
}

function softmax(logits: ArrayLike<number>, classes: number): Float32Array {
  let max = -Infinity;
  for (let k = 0; k < classes; k++) max = Math.max(max, logits[k]!);
  const p = new Float32Array(classes);
  let sum = 0;
  for (let k = 0; k < classes; k++) {
    p[k] = Math.exp(logits[k]! - max);
    sum += p[k]!;
  }
  for (let k = 0; k < classes; k++) p[k]! /= sum;
  return p;
}

/** Checks a unit target against the summary and returns the layer to cut after. */
export function checkUnit(summary: ModelSummary, target: Extract<ProbeTarget, { kind: 'unit' }>): number {
  const layers = summary.layers;
  checkIndex(target.layer, layers.length, 'layer');
  const layer = layers[target.layer]!;
  if (layer.type === 'input') throw new ProbeError('Pick a layer after the input: the input is the image itself.');
  if (layer.type === 'softmax') {
    throw new ProbeError(
      'Pick the layer before softmax: scores are read before softmax turns them into probabilities.',
    );
  }
  const shape = layer.outputShape;
  checkIndex(target.unit, shape[0]!, shape.length === 3 ? 'channel' : 'unit');
  if (target.position) {
    if (shape.length !== 3) throw new ProbeError(`Layer ${layer.id} outputs a vector: it has no positions to pick.`);
    checkIndex(target.position[0], shape[1]!, 'row');
    checkIndex(target.position[1], shape[2]!, 'column');
  }
  return target.layer;
}

export function checkIndex(value: number, count: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= count) {
    throw new ProbeError(`There is no ${what} ${value}: pick one from 0 to ${count - 1}.`);
  }
}
