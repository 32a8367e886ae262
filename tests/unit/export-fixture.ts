/**
 * Shared set-up for the export tests: a preset built by the CPU engine with random weights and
 * random (non-identity) batch-norm statistics, 100 images of the real test set scaled as
 * ConvLab scales them, and ConvLab's own evaluation-mode logits for them, the reference every
 * exported model must reproduce; the "every layer" nets' common stem, inputs and reference; and
 * the one comparison of an export's outputs with ConvLab's.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect } from 'vitest';
import { createCpuModel, getWeights, loadWeights } from '../../engine/cpu/model';
import type { NamedArrays } from '../../engine/cpu/weights';
import { CIFAR10_CLASSES, MNIST_CLASSES } from '../../engine/data/dataset';
import { readTar } from '../../engine/data/tar';
import type { ExportInput } from '../../engine/export/types';
import { getPreset, PRESETS } from '../../engine/spec/presets';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';

export const IMAGE_COUNT = 100;
const DATASETS = resolve(process.cwd(), '../shared/datasets');

/** Presets the export tests run end to end: every one trained on MNIST or CIFAR-10. */
export const RUNNABLE_PRESETS: readonly string[] = Object.keys(PRESETS).filter(
  (key) => PRESETS[key]!.dataset !== 'imagenet',
);
export const IMAGENET_PRESETS: readonly string[] = Object.keys(PRESETS).filter(
  (key) => PRESETS[key]!.dataset === 'imagenet',
);

let mnistCache: Uint8Array | null = null;
let cifarCache: Uint8Array | null = null;

/** The first 100 MNIST test images, 28x28 bytes each. */
function mnistTestBytes(): Uint8Array {
  if (!mnistCache) {
    const raw = gunzipSync(readFileSync(resolve(DATASETS, 'mnist/t10k-images-idx3-ubyte.gz')));
    mnistCache = new Uint8Array(raw.buffer, raw.byteOffset + 16, IMAGE_COUNT * 784).slice();
  }
  return mnistCache;
}

/** The first 100 CIFAR-10 test images, 3x32x32 bytes each (label bytes dropped). */
function cifarTestBytes(): Uint8Array {
  if (!cifarCache) {
    const archive = gunzipSync(readFileSync(resolve(DATASETS, 'cifar10/cifar-10-binary.tar.gz')));
    const bytes = new Uint8Array(archive.buffer, archive.byteOffset, archive.byteLength);
    const [entry] = readTar(bytes, 'cifar-10-binary.tar.gz', (h) => h.name.endsWith('test_batch.bin'));
    const out = new Uint8Array(IMAGE_COUNT * 3072);
    for (let i = 0; i < IMAGE_COUNT; i++) out.set(entry!.data.subarray(i * 3073 + 1, i * 3073 + 3073), i * 3072);
    cifarCache = out;
  }
  return cifarCache;
}

/**
 * 100 test images as ConvLab's model takes them: NCHW floats, byte / 255. A 32x32 MNIST model
 * (the paper's LeNet-5) gets the 28x28 digits centred with 2 pixels of zeros around them.
 */
export function testImages(shape: readonly [number, number, number], dataset: 'mnist' | 'cifar10'): Float32Array {
  const [c, h, w] = shape;
  const out = new Float32Array(IMAGE_COUNT * c * h * w);
  if (dataset === 'cifar10') {
    const bytes = cifarTestBytes();
    for (let i = 0; i < out.length; i++) out[i] = bytes[i]! / 255;
    return out;
  }
  const bytes = mnistTestBytes();
  const top = (h - 28) / 2;
  const left = (w - 28) / 2;
  for (let n = 0; n < IMAGE_COUNT; n++) {
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++) out[n * h * w + (y + top) * w + x + left] = bytes[n * 784 + y * 28 + x]! / 255;
    }
  }
  return out;
}

export interface ExportCase {
  readonly key: string;
  readonly input: ExportInput;
  readonly shape: readonly [number, number, number];
  readonly images: Float32Array;
  /** ConvLab's evaluation-mode logits, [100, classes]. */
  readonly logits: Float32Array;
  /** The softmax layer's output when the spec ends in one. */
  readonly probabilities: Float32Array | null;
  readonly classes: number;
}

/** Random weights (the CPU model's init) with every batchnorm's gamma, beta and running stats randomised. */
export function randomisedWeights(key: string, seed: number): NamedArrays {
  const { spec } = getPreset(key);
  const model = createCpuModel(spec, { seed });
  const weights = getWeights(model);
  const rng = createRng(seed + 1000);
  for (const [name, values] of Object.entries(weights)) {
    const role = name.slice(name.lastIndexOf('.') + 1);
    for (let i = 0; i < values.length; i++) {
      if (role === 'gamma') values[i] = 0.5 + rng.next();
      else if (role === 'beta' || role === 'runningMean') values[i] = rng.next() - 0.5;
      else if (role === 'runningVar') values[i] = 0.25 + rng.next() * 2;
    }
  }
  return weights;
}

export function exportCase(key: string, seed = 7): ExportCase {
  const preset = getPreset(key);
  if (preset.dataset === 'imagenet') throw new Error(`${key} is an ImageNet preset`);
  const weights = randomisedWeights(key, seed);
  const model = createCpuModel(preset.spec, { seed });
  loadWeights(model, weights);
  const first = preset.spec.layers[0]!;
  if (first.type !== 'input') throw new Error('no input layer');
  const shape = first.shape;
  const images = testImages(shape, preset.dataset);
  const outputs = model.forward({ shape: [IMAGE_COUNT, ...shape], data: images }, { training: false });
  const logits = outputs[model.logitsLayer]!.data;
  const last = outputs[outputs.length - 1]!;
  const endsInSoftmax = model.logitsLayer !== outputs.length - 1;
  const classNames = preset.dataset === 'mnist' ? MNIST_CLASSES : CIFAR10_CLASSES;
  return {
    key,
    input: { spec: preset.spec, weights, dataset: preset.dataset, classNames },
    shape,
    images,
    logits,
    probabilities: endsInSoftmax ? last.data : null,
    classes: logits.length / IMAGE_COUNT,
  };
}

/** Largest |a - b| over two equally long arrays (Infinity when lengths differ or a value is NaN). */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (!(d <= worst)) worst = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
  }
  return worst;
}

/** Gives every batchnorm non-identity statistics and scales (by index, so the tests need no rng). */
export function setBatchNormStatistics(weights: NamedArrays): NamedArrays {
  for (const [name, values] of Object.entries(weights)) {
    for (let i = 0; i < values.length; i++) {
      if (name.endsWith('.runningMean')) values[i] = 0.1 * i - 0.2;
      else if (name.endsWith('.runningVar')) values[i] = 0.5 + 0.1 * i;
      else if (name.endsWith('.gamma')) values[i] = 1.5 - 0.1 * i;
    }
  }
  return weights;
}

/** The first layers of both "every layer" nets: a grouped, dilated, padded conv, then bn and a leaky ReLU. */
export const EVERY_LAYER_STEM: ModelSpec['layers'] = [
  { type: 'input', shape: [4, 9, 9] },
  {
    type: 'conv2d',
    id: 'grouped',
    filters: 6,
    kernel: [3, 2],
    padding: 'same',
    groups: 2,
    dilation: [2, 1],
    activation: 'leakyRelu',
  },
  { type: 'batchnorm', epsilon: 1e-3 },
  { type: 'activation', kind: 'leakyRelu', alpha: -0.3 },
];

/** What an exported model must reproduce: ConvLab's logits, and its softmax output when the net ends in one. */
export interface ReferenceOutputs {
  readonly logits: Float32Array;
  readonly probabilities: Float32Array | null;
}

/** An "every layer" net on a batch of 3 deterministic [4, 9, 9] inputs, with ConvLab's outputs for them. */
export interface EveryLayerCase extends ReferenceOutputs {
  readonly input: ExportInput;
  readonly batch: number;
  readonly x: Float32Array;
}

export function everyLayerCase(spec: ModelSpec): EveryLayerCase {
  const model = createCpuModel(spec, { seed: 3 });
  const weights = setBatchNormStatistics(getWeights(model));
  loadWeights(model, weights);
  const batch = 3;
  const x = new Float32Array(batch * 4 * 9 * 9).map((_, i) => Math.sin(i * 0.37) * 2);
  const outputs = model.forward({ shape: [batch, 4, 9, 9], data: x }, { training: false });
  const endsInSoftmax = model.logitsLayer !== outputs.length - 1;
  return {
    input: { spec, weights, dataset: null, classNames: [] },
    batch,
    x,
    logits: outputs[model.logitsLayer]!.data,
    probabilities: endsInSoftmax ? outputs[outputs.length - 1]!.data : null,
  };
}

/**
 * An exported model's outputs against ConvLab's: every logit, and every probability when the net
 * ends in softmax (then the export must give them too), within `tolerance` (absolute).
 */
export function expectOutputsMatch(
  got: { readonly logits: ArrayLike<number>; readonly probabilities?: ArrayLike<number> },
  want: ReferenceOutputs,
  tolerance: number,
): void {
  expect(maxAbsDifference(got.logits, want.logits), 'largest logit difference').toBeLessThan(tolerance);
  if (want.probabilities) {
    expect(got.probabilities, 'the export gives the softmax output too').toBeDefined();
    expect(maxAbsDifference(got.probabilities!, want.probabilities), 'largest probability difference').toBeLessThan(
      tolerance,
    );
  }
}
