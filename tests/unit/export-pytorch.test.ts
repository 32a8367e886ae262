/**
 * The PyTorch export run by Debian's python3-torch (/usr/bin/python3: a `python3` earlier on PATH
 * may not see it): for every MNIST and CIFAR-10 preset, with random weights and non-identity
 * batch-norm statistics, the exported model.py + weights.safetensors give ConvLab's CPU outputs
 * for 100 real test images. One Python process evaluates every preset.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCpuModel, getWeights } from '../../engine/cpu/model';
import { exportPytorch } from '../../engine/export/pytorch';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { type ExportCase, exportCase, IMAGE_COUNT, maxAbsDifference, RUNNABLE_PRESETS } from './export-fixture';

const PYTHON = '/usr/bin/python3';
const run = promisify(execFile);

/** Loads each folder's model.py under its own module name and writes its outputs next to it. */
const RUNNER = `
import importlib.util, json, sys
import numpy as np, torch
for i, folder in enumerate(json.loads(sys.argv[1])):
    spec = importlib.util.spec_from_file_location(f"exported_{i}", f"{folder}/model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.ConvLabModel().load_convlab_weights(f"{folder}/weights.safetensors").eval()
    x = torch.from_numpy(np.fromfile(f"{folder}/images.f32", dtype="<f4").reshape(-1, *module.INPUT_SHAPE))
    with torch.no_grad():
        model(x).numpy().astype("<f4").tofile(f"{folder}/outputs.f32")
        model(x, return_logits=True).numpy().astype("<f4").tofile(f"{folder}/logits.f32")
`;

const readF32 = (path: string): Float32Array => {
  const bytes = readFileSync(path);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};

/**
 * Every layer type and setting the presets leave out: asymmetric 'same' padding on a conv and a
 * max pool, dilation, groups, no bias, padded average pooling, an even LRN window and LRN on a
 * vector, negative leaky-ReLU and ELU slopes, batch norm on a vector, a frozen layer, a concat of
 * vectors, dropout, a final softmax, and ids that are not Python identifiers or clash with
 * nn.Module's own attributes.
 */
const EVERY_LAYER: ModelSpec = {
  name: 'Every layer',
  layers: [
    { type: 'input', shape: [3, 12, 12] },
    { type: 'conv2d', id: 'stem conv', filters: 6, kernel: 3, stride: 2, padding: 'same', activation: 'tanh' },
    { type: 'batchnorm', id: 'training', momentum: 0.2, epsilon: 1e-3 },
    { type: 'activation', id: '1x', kind: 'leakyRelu', alpha: -0.3 },
    { type: 'conv2d', filters: 6, kernel: 3, dilation: 2, padding: 'same', groups: 2, bias: false, activation: 'elu' },
    { type: 'lrn', id: 'lrn-even', size: 4, k: 1.5, alpha: 0.05, beta: 0.6 },
    { type: 'maxpool', size: 3, stride: 2, padding: 'same' },
    { type: 'avgpool', id: 'pool avg', size: 3, stride: 1, padding: 1 },
    { type: 'activation', id: 'soft', kind: 'softplus' },
    { type: 'conv2d', id: 'proj', filters: 6, kernel: 1, activation: 'sigmoid', input: 'pool avg', trainable: false },
    { type: 'add', with: 'soft' },
    { type: 'globalavgpool' },
    { type: 'dense', id: 'd1', units: 8, activation: 'leakyRelu' },
    { type: 'batchnorm', id: 'bnv' },
    { type: 'lrn', id: 'lrnv', size: 3, alpha: 0.01 },
    { type: 'dense', id: 'd2', units: 5, input: 'd1', activation: 'softplus' },
    { type: 'concat', id: 'self', inputs: ['lrnv', 'd2'] },
    { type: 'dropout', id: '__init__', rate: 0.3 },
    { type: 'activation', kind: 'elu', alpha: -1 },
    { type: 'dense', units: 4 },
    { type: 'softmax' },
  ],
};

/** EVERY_LAYER with random weights, random batch-norm statistics and random images. */
function everyLayerCase(): ExportCase {
  const model = createCpuModel(EVERY_LAYER, { seed: 5 });
  const weights = getWeights(model);
  const rng = createRng(11);
  for (const [name, values] of Object.entries(weights)) {
    const role = name.slice(name.lastIndexOf('.') + 1);
    for (let i = 0; i < values.length; i++) {
      if (role === 'gamma') values[i] = 0.5 + rng.next();
      else if (role === 'beta' || role === 'runningMean' || role === 'bias') values[i] = rng.next() - 0.5;
      else if (role === 'runningVar') values[i] = 0.25 + 2 * rng.next();
    }
    model.params.find((p) => p.name === name)?.value.set(values);
    model.buffers.find((b) => b.name === name)?.value.set(values);
  }
  const images = Float32Array.from({ length: IMAGE_COUNT * 3 * 12 * 12 }, () => rng.next());
  const outputs = model.forward({ shape: [IMAGE_COUNT, 3, 12, 12], data: images }, { training: false });
  return {
    key: 'every-layer',
    input: { spec: EVERY_LAYER, weights, dataset: null, classNames: ['a', 'b', 'c', 'd'] },
    shape: [3, 12, 12],
    images,
    logits: outputs[model.logitsLayer]!.data,
    probabilities: outputs[outputs.length - 1]!.data,
    classes: 4,
  };
}

const KEYS = [...RUNNABLE_PRESETS, 'every-layer'];
let root = '';
const cases = new Map<string, ExportCase>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'convlab-pytorch-'));
  for (const key of KEYS) {
    const c = key === 'every-layer' ? everyLayerCase() : exportCase(key);
    cases.set(key, c);
    for (const file of await exportPytorch(c.input)) {
      mkdirSync(dirname(join(root, key, file.path)), { recursive: true });
      writeFileSync(join(root, key, file.path), file.bytes);
    }
    writeFileSync(join(root, key, 'images.f32'), c.images);
  }
  const folders = KEYS.map((key) => join(root, key));
  await run(PYTHON, ['-c', RUNNER, JSON.stringify(folders)], { maxBuffer: 1 << 24 });
}, 300_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('exportPytorch: model.py + weights.safetensors in PyTorch reproduce ConvLab', () => {
  it('covers every MNIST and CIFAR-10 preset', () => {
    expect(RUNNABLE_PRESETS.length).toBeGreaterThanOrEqual(10);
  });

  it('every-layer: ids become distinct Python identifiers and the frozen layer is frozen', () => {
    const py = readFileSync(join(root, 'every-layer', 'model.py'), 'utf8');
    expect(py).toContain('self.stem_conv = nn.Conv2d(3, 6, kernel_size=(3, 3), stride=(2, 2))  # "stem conv"');
    expect(py).toContain('self.training_ = nn.BatchNorm2d(6, eps=0.001, momentum=0.2)  # "training"');
    expect(py).toContain('self.layer_1x = nn.LeakyReLU(-0.3)  # "1x"');
    expect(py).toContain('self.proj.requires_grad_(False)');
    expect(py).toContain('self.layer___init__ = nn.Dropout(0.3)  # "__init__"');
    expect(py).toContain('self_ = torch.cat([lrnv, d2], dim=1)  # "self"');
  });

  for (const key of KEYS) {
    it(`${key}: outputs on ${IMAGE_COUNT} real test images within 1e-4 of ConvLab's CPU forward`, () => {
      const c = cases.get(key)!;
      const logits = readF32(join(root, key, 'logits.f32'));
      const outputs = readF32(join(root, key, 'outputs.f32'));
      expect(logits.length).toBe(IMAGE_COUNT * c.classes);
      // Not a vacuous match: the logits vary across images and classes.
      expect(maxAbsDifference(c.logits, new Float32Array(c.logits.length).fill(c.logits[0]!))).toBeGreaterThan(1e-3);
      expect(maxAbsDifference(logits, c.logits)).toBeLessThan(1e-4);
      expect(maxAbsDifference(outputs, c.probabilities ?? c.logits)).toBeLessThan(1e-4);
    });
  }
});
