/**
 * TF.js export against ConvLab's CPU forward: every MNIST and CIFAR-10 preset (random weights,
 * non-identity batch-norm statistics) loaded by `tf.loadLayersModel` from exactly the exported
 * files (model.json parsed, shards read by the paths it lists, as tfjs's HTTP loader does), run on
 * TF.js's cpu backend on 100 real test images transposed to NHWC: logits within 1e-4 (absolute).
 * Models with LRN load after registerConvLabLayers(tf) from the export's own convlab-layers.js,
 * imported from a temporary folder as a user would import it, and are refused without it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExportError } from '../../engine/export/errors';
import { exportTfjs } from '../../engine/export/tfjs';
import { CUSTOM_LAYERS_FILE, LRN_CLASS_NAME } from '../../engine/export/tfjs/custom-layers-js';
import { kerasConvKernel } from '../../engine/export/tfjs/kernels';
import type { ExportFile } from '../../engine/export/types';
import { getPreset } from '../../engine/spec/presets';
import type { ModelSpec } from '../../engine/spec/types';
import {
  EVERY_LAYER_STEM,
  everyLayerCase,
  expectOutputsMatch,
  exportCase,
  IMAGE_COUNT,
  maxAbsDifference,
  RUNNABLE_PRESETS,
} from './export-fixture';

const TOLERANCE = 1e-4;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** tf.loadLayersModel over the exported files only, the way tfjs's http() handler reads a model.json. */
async function loadExported(files: readonly ExportFile[]): Promise<tf.LayersModel> {
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const json = JSON.parse(new TextDecoder().decode(byPath.get('model.json')!)) as tf.io.ModelJSON;
  const handler: tf.io.IOHandler = {
    load: () =>
      tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs = manifest.flatMap((group) => group.weights);
        const parts = manifest.flatMap((group) => group.paths.map((p) => byPath.get(p)!));
        const total = parts.reduce((n, p) => n + p.length, 0);
        const data = new Uint8Array(total);
        let offset = 0;
        for (const p of parts) {
          data.set(p, offset);
          offset += p.length;
        }
        return [specs, data.buffer];
      }),
  };
  return tf.loadLayersModel(handler, { strict: true });
}

/**
 * Runs the export's convlab-layers.js the way a user does: the file as written, in its own folder
 * (an ES module, as a browser's <script type="module"> or Node with "type": "module" reads it),
 * imported and called with this test's @tensorflow/tfjs.
 */
async function registerFromExport(files: readonly ExportFile[]): Promise<void> {
  const file = files.find((f) => f.path === CUSTOM_LAYERS_FILE);
  expect(file, `the export has ${CUSTOM_LAYERS_FILE}`).toBeDefined();
  const dir = mkdtempSync(join(tmpdir(), 'convlab-tfjs-'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  writeFileSync(join(dir, CUSTOM_LAYERS_FILE), file!.bytes);
  const module = (await import(/* @vite-ignore */ pathToFileURL(join(dir, CUSTOM_LAYERS_FILE)).href)) as {
    registerConvLabLayers: (t: typeof tf) => unknown;
  };
  module.registerConvLabLayers(tf);
}

function isRegistered(className: string): boolean {
  return tf.serialization.SerializationMap.getMap().classNameMap[className] !== undefined;
}

function toNhwc(data: Float32Array, n: number, c: number, h: number, w: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let b = 0; b < n; b++)
    for (let ch = 0; ch < c; ch++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) out[((b * h + y) * w + x) * c + ch] = data[((b * c + ch) * h + y) * w + x]!;
  return out;
}

async function predict(
  model: tf.LayersModel,
  images: Float32Array,
  shape: readonly number[],
  batch: number,
): Promise<Float32Array[]> {
  const [c, h, w] = shape as [number, number, number];
  const x = tf.tensor4d(toNhwc(images, batch, c, h, w), [batch, h, w, c]);
  const out = model.predict(x);
  const list = Array.isArray(out) ? out : [out as tf.Tensor];
  const values = await Promise.all(list.map(async (t) => (await t.data()) as Float32Array));
  tf.dispose([x, ...list]);
  return values;
}

const LRN_PRESETS = RUNNABLE_PRESETS.filter((key) => getPreset(key).spec.layers.some((l) => l.type === 'lrn'));

// Runs first, while nothing is registered: the custom layer is global to a tfjs instance.
describe('a model with LRN without registerConvLabLayers', () => {
  it('exists among the presets, and its export lists convlab-layers.js while others do not', async () => {
    expect(LRN_PRESETS).toContain('mini-alexnet-cifar10');
    const withLrn = await exportTfjs(exportCase(LRN_PRESETS[0]!).input);
    expect(withLrn.map((f) => f.path)).toContain(CUSTOM_LAYERS_FILE);
    const plain = RUNNABLE_PRESETS.find((key) => !LRN_PRESETS.includes(key))!;
    expect((await exportTfjs(exportCase(plain).input)).map((f) => f.path)).not.toContain(CUSTOM_LAYERS_FILE);
  });

  it(`fails to load with "Unknown layer: ${LRN_CLASS_NAME}", as the docs say`, async () => {
    expect(isRegistered(LRN_CLASS_NAME)).toBe(false);
    const files = await exportTfjs(exportCase(LRN_PRESETS[0]!).input);
    await expect(loadExported(files)).rejects.toThrow(`Unknown layer: ${LRN_CLASS_NAME}`);
  });
});

// The big presets take most of a minute on a loaded 2-core machine: a limit for hangs only.
describe('exportTfjs on every MNIST and CIFAR-10 preset', { timeout: 240_000 }, () => {
  for (const key of RUNNABLE_PRESETS) {
    const hasLrn = LRN_PRESETS.includes(key);
    const how = hasLrn ? 'after registerConvLabLayers, ' : '';
    it(`${key}: ${how}tf.loadLayersModel's model gives ConvLab's logits within ${TOLERANCE} on ${IMAGE_COUNT} test images`, async () => {
      const c = exportCase(key);
      const files = await exportTfjs(c.input);
      expect(files[0]!.path).toBe('model.json');
      if (hasLrn) {
        await registerFromExport(files);
        expect(isRegistered(LRN_CLASS_NAME)).toBe(true);
      }
      const model = await loadExported(files);
      if (hasLrn) expect(model.layers.some((l) => l.getClassName() === LRN_CLASS_NAME)).toBe(true);
      const [logits, probabilities] = await predict(model, c.images, c.shape, IMAGE_COUNT);
      expect(logits!.length).toBe(IMAGE_COUNT * c.classes);
      if (hasLrn) {
        const worst = maxAbsDifference(logits!, c.logits);
        console.info(`${key}: max |TF.js - ConvLab| logit difference ${worst.toExponential(2)}`);
      }
      expectOutputsMatch({ logits: logits!, probabilities }, c, TOLERANCE);
      model.dispose();
    });
  }
});

/** Every layer and option TF.js can express, on random input, in one small net. */
const EVERY_LAYER: ModelSpec = {
  layers: [
    ...EVERY_LAYER_STEM,
    // An even n sums n + 1 channels (radius n/2); a large alpha makes a wrong window show.
    { type: 'lrn', size: 4, k: 1, alpha: 0.5, beta: 0.75, id: 'lrn_even' },
    { type: 'conv2d', id: 'strided', filters: 6, kernel: 3, stride: 2, padding: [1, 0], activation: 'elu' },
    { type: 'activation', kind: 'elu', alpha: 0.7, id: 'elu07' },
    {
      type: 'conv2d',
      id: 'dilated_strided',
      filters: 6,
      kernel: 2,
      stride: 2,
      dilation: 2,
      padding: 'same',
      activation: 'sigmoid',
    },
    { type: 'maxpool', size: 3, stride: 1, padding: 1, id: 'mp' },
    { type: 'avgpool', size: [3, 2], stride: 2, padding: 1, id: 'ap' },
    { type: 'conv2d', filters: 6, kernel: 1, bias: false, activation: 'softplus', id: 'pw' },
    { type: 'add', with: 'ap', id: 'sum' },
    { type: 'activation', kind: 'sigmoid', id: 'sig' },
    { type: 'concat', inputs: ['sum', 'sig'], id: 'joined' },
    { type: 'globalavgpool', id: 'gap' },
    { type: 'flatten', input: 'joined', id: 'flat' },
    { type: 'dropout', rate: 0.5 },
    { type: 'dense', units: 8, activation: 'tanh', id: 'fc1' },
    { type: 'lrn', size: 3, k: 2, alpha: 0.4, beta: 0.6, id: 'lrn_vec' },
    { type: 'batchnorm', id: 'bn_vec' },
    { type: 'concat', inputs: ['bn_vec', 'gap', 'flat'], id: 'both' },
    { type: 'dense', units: 5, activation: 'leakyRelu', id: 'logits' },
    { type: 'softmax', id: 'probs' },
  ],
};

describe('exportTfjs on every layer type', () => {
  it('grouped/dilated/strided/padded conv, padded pools, add, concat, bn, alphas, LRN (even n, vector), flatten order, softmax', async () => {
    const c = everyLayerCase(EVERY_LAYER);
    const files = await exportTfjs(c.input);
    await registerFromExport(files);
    const loaded = await loadExported(files);
    const [logits, probabilities] = await predict(loaded, c.x, [4, 9, 9], c.batch);
    expectOutputsMatch({ logits: logits!, probabilities }, c, TOLERANCE);
  });

  it('kerasConvKernel puts a grouped kernel block-diagonally in [kh, kw, C, filters]', () => {
    // 2 filters, 2 channels, groups 2, 1x1: filter 0 sees channel 0 only (weight 5), filter 1 channel 1 (weight 7).
    expect([...kerasConvKernel(new Float32Array([5, 7]), 2, 2, 2, 1, 1)]).toEqual([5, 0, 0, 7]);
  });

  it("refuses a max pool whose padding is not Keras's same, naming the layer", async () => {
    const spec: ModelSpec = {
      layers: [
        { type: 'input', shape: [1, 6, 6] },
        { type: 'maxpool', size: 2, stride: 2, padding: 1, id: 'odd' },
      ],
    };
    const error = await exportTfjs({ spec, weights: {}, dataset: null, classNames: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as Error).message).toContain('Layer 1 (odd)');
  });
});
