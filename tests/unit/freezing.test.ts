/**
 * Per-layer freezing ("trainable": false) on the CPU engine: the spec's checks and counts, every
 * optimiser leaving a frozen layer's params bit-identical while the rest learn, no penalty on
 * frozen weights, and a frozen trunk training exactly like a head trained on fixed features.
 */
import { describe, expect, it } from 'vitest';
import { createCpuModel, getWeights, loadWeights } from '../../engine/cpu/model';
import type { Dataset } from '../../engine/data/dataset';
import { SpecError } from '../../engine/spec/errors';
import { parseSpecJson } from '../../engine/spec/parse';
import { summarize } from '../../engine/spec/summarize';
import type { LayerSpec, ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { evaluate } from '../../engine/train/evaluate';
import type { Model, Param } from '../../engine/train/model';
import { createOptimizer, type OptimizerConfig } from '../../engine/train/optimizers';
import { applyRegularization } from '../../engine/train/regularization';
import { trainStep } from '../../engine/train/step';
import { Trainer } from '../../engine/train/trainer';

/** 4 classes: which quadrant of a noisy 8x8 image is bright. */
function quadrants(count: number, seed: number): Dataset {
  const rng = createRng(seed);
  const images = new Uint8Array(count * 64);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const label = rng.int(4);
    labels[i] = label;
    for (let y = 0; y < 8; y++) {
      for (let x = 0; x < 8; x++) {
        const q = (y < 4 ? 0 : 2) + (x < 4 ? 0 : 1);
        images[i * 64 + y * 8 + x] = Math.min(255, (q === label ? 150 : 0) + rng.int(100));
      }
    }
  }
  return { name: 'quadrants', count, shape: [1, 8, 8], images, labels, classNames: ['tl', 'tr', 'bl', 'br'] };
}

/** conv c1 and its batchnorm frozen; conv c2 and the dense head train. */
const FROZEN_FIRST: ModelSpec = {
  name: 'first conv frozen',
  layers: [
    { type: 'input', shape: [1, 8, 8] },
    { type: 'conv2d', id: 'c1', filters: 4, kernel: 3, padding: 'same', trainable: false },
    { type: 'batchnorm', id: 'bn1', trainable: false },
    { type: 'activation', kind: 'relu' },
    { type: 'conv2d', id: 'c2', filters: 4, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'flatten' },
    { type: 'dense', id: 'head', units: 4 },
  ],
};

const OPTIMIZERS: readonly [string, OptimizerConfig, number][] = [
  ['sgd', { kind: 'sgd' }, 0.05],
  ['momentum', { kind: 'momentum', momentum: 0.9 }, 0.02],
  ['nesterov', { kind: 'momentum', momentum: 0.9, nesterov: true }, 0.02],
  ['adam', { kind: 'adam' }, 0.005],
];

const train = quadrants(192, 1);

const frozenNames = (model: Model): string[] => model.params.filter((p) => !p.trainable).map((p) => p.name);

describe('a frozen layer on the CPU engine', () => {
  for (const [name, optimizer, learningRate] of OPTIMIZERS) {
    it(`${name} lr=${learningRate} l2=1e-3, 2 epochs of batch 16: c1 and bn1 params stay bit-identical, the rest change, the loss falls`, async () => {
      const model = createCpuModel(FROZEN_FIRST, { seed: 4 });
      expect(frozenNames(model)).toEqual(['c1.weight', 'c1.bias', 'bn1.gamma', 'bn1.beta']);
      const before = getWeights(model);
      const lossBefore = evaluate(model, train, 64, 'crossEntropy').loss;
      const config = { epochs: 2, batchSize: 16, learningRate, optimizer, regularization: { l1: 0, l2: 1e-3 } };
      const result = await new Trainer(model, { train }, config).run();
      expect(result.status).toBe('done');
      const after = getWeights(model);
      for (const p of model.params) {
        if (p.trainable) expect(after[p.name], `${p.name} should have trained`).not.toEqual(before[p.name]);
        else expect(after[p.name], `${p.name} is frozen`).toEqual(before[p.name]);
      }
      // The freeze held against a real gradient: backward still wrote one for the frozen conv.
      const c1 = model.params.find((p) => p.name === 'c1.weight')!;
      expect(c1.grad.some((g) => g !== 0)).toBe(true);
      // Batchnorm's running statistics are not parameters: they keep following the batches.
      expect(after['bn1.runningMean']).not.toEqual(before['bn1.runningMean']);
      expect(evaluate(model, train, 64, 'crossEntropy').loss).toBeLessThan(lossBefore * 0.8);
    });
  }

  it('optimisers keep no state for frozen params and do not touch them', () => {
    const frozen: Param = {
      name: 'frozen',
      layer: 1,
      role: 'weight',
      shape: [3],
      value: Float32Array.from([1, -2, 3]),
      grad: Float32Array.from([0.5, 0.5, -0.5]),
      regularized: true,
      trainable: false,
    };
    const live: Param = { ...frozen, name: 'live', value: Float32Array.from([1, -2, 3]), trainable: true };
    for (const [, config] of OPTIMIZERS) {
      const optimizer = createOptimizer(config);
      for (let s = 0; s < 3; s++) optimizer.step([frozen, live], 0.1);
      expect([...frozen.value]).toEqual([1, -2, 3]);
      expect([...live.value]).not.toEqual([1, -2, 3]);
      live.value.set([1, -2, 3]);
    }
  });

  it('regularisation adds neither penalty nor gradient for a frozen weight: l1=0.1 l2=0.2 on [1, -2]', () => {
    const make = (trainable: boolean): Param => ({
      name: trainable ? 'live' : 'frozen',
      layer: 1,
      role: 'weight',
      shape: [2],
      value: Float32Array.from([1, -2]),
      grad: new Float32Array(2),
      regularized: true,
      trainable,
    });
    const [live, frozen] = [make(true), make(false)];
    const penalty = applyRegularization([live, frozen], { l1: 0.1, l2: 0.2 });
    // live only: 0.1·(1 + 2) + 0.2·(1 + 4) = 1.3; gradients 0.1·sign(w) + 0.4·w.
    expect(penalty).toBeCloseTo(1.3, 6);
    expect([...live.grad].map((g) => Number(g.toFixed(6)))).toEqual([0.5, -0.9]);
    expect([...frozen.grad]).toEqual([0, 0]);
  });
});

/** The trunk (conv, relu, pool) and the head (dense, relu, dense) as one spec, trunk frozen or not. */
function trunkAndHead(frozen: boolean): ModelSpec {
  return {
    layers: [
      { type: 'input', shape: [1, 8, 8] },
      { type: 'conv2d', id: 'conv', filters: 3, kernel: 3, padding: 'same', activation: 'relu', trainable: !frozen },
      { type: 'maxpool', id: 'pool', size: 2 },
      ...HEAD,
    ],
  };
}
const HEAD: readonly LayerSpec[] = [
  { type: 'flatten', id: 'flat' },
  { type: 'dense', id: 'hidden', units: 8, activation: 'relu' },
  { type: 'dense', id: 'out', units: 4 },
];
/** The head alone, reading the trunk's [3, 4, 4] output as its input. */
const HEAD_ONLY: ModelSpec = { layers: [{ type: 'input', shape: [3, 4, 4] }, ...HEAD] };

function batchOf(data: Dataset, start: number, n: number): { x: Float32Array; labels: Uint8Array } {
  const x = Float32Array.from(data.images.subarray(start * 64, (start + n) * 64), (v) => v / 255);
  return { x, labels: data.labels.subarray(start, start + n) };
}

describe('a frozen trunk', () => {
  for (const [name, optimizer, lr] of OPTIMIZERS) {
    it(`${name} lr=${lr} l2=1e-3, 12 steps of batch 16: trains the head exactly as a head-only model fed the fixed trunk's features`, () => {
      const full = createCpuModel(trunkAndHead(true), { seed: 8 });
      const head = createCpuModel(HEAD_ONLY, { seed: 99 });
      const start = getWeights(full);
      loadWeights(head, start); // same head weights; the full model's conv weights are ignored
      const fullOpt = createOptimizer(optimizer);
      const headOpt = createOptimizer(optimizer);
      const regularization = { l1: 0, l2: 1e-3 };
      const [fullLosses, headLosses]: [number[], number[]] = [[], []];
      for (let s = 0; s < 12; s++) {
        const { x, labels } = batchOf(train, s * 16, 16);
        const common = { labels, lr, loss: 'crossEntropy' as const, regularization, rng: createRng(s) };
        const features = full.forward({ shape: [16, 1, 8, 8], data: x }, { training: false })[2]!;
        const a = trainStep(full, fullOpt, { ...common, x: { shape: [16, 1, 8, 8], data: x } });
        const b = trainStep(head, headOpt, { ...common, x: features });
        fullLosses.push(a.loss);
        headLosses.push(b.loss);
      }
      // Same features, same head weights, same penalty (the frozen conv's weights add none): same numbers.
      expect(fullLosses).toEqual(headLosses);
      const [got, want] = [getWeights(full), getWeights(head)];
      for (const id of ['hidden.weight', 'hidden.bias', 'out.weight', 'out.bias']) {
        expect(got[id], id).toEqual(want[id]);
        expect(got[id], `${id} trained`).not.toEqual(start[id]);
      }
      expect(got['conv.weight']).toEqual(start['conv.weight']);
      expect(fullLosses.slice(-3).reduce((a, b) => a + b)).toBeLessThan(fullLosses.slice(0, 3).reduce((a, b) => a + b));
    });
  }

  it('the same trunk left trainable gives a different run (the comparison above can fail)', () => {
    const frozen = createCpuModel(trunkAndHead(true), { seed: 8 });
    const live = createCpuModel(trunkAndHead(false), { seed: 8 });
    const [a, b] = [createOptimizer({ kind: 'sgd' }), createOptimizer({ kind: 'sgd' })];
    const { x, labels } = batchOf(train, 0, 16);
    for (const [model, opt] of [
      [frozen, a],
      [live, b],
    ] as const) {
      for (let s = 0; s < 2; s++) {
        const input = { x: { shape: [16, 1, 8, 8], data: x }, labels, lr: 0.1, loss: 'crossEntropy' as const };
        trainStep(model, opt, { ...input, regularization: { l1: 0, l2: 0 }, rng: createRng(s) });
      }
    }
    expect(getWeights(live)['hidden.weight']).not.toEqual(getWeights(frozen)['hidden.weight']);
  });
});

describe('summaries of a spec with frozen layers', () => {
  const spec: ModelSpec = {
    layers: [
      { type: 'input', shape: [1, 28, 28] },
      { type: 'conv2d', filters: 6, kernel: 5, trainable: false },
      { type: 'batchnorm', trainable: false },
      { type: 'maxpool', size: 2, trainable: false },
      { type: 'conv2d', filters: 16, kernel: 5, activation: 'relu' },
      { type: 'flatten' },
      { type: 'dense', units: 10, trainable: true },
    ],
  };

  it('count trainable params apart from the total: 28x28 -> conv6@5 (frozen) -> bn (frozen) -> pool -> conv16@5 -> dense10', () => {
    const s = summarize(spec);
    // conv1 6·1·25 + 6 = 156, bn 2·6 = 12, conv2 16·6·25 + 16 = 2416, dense (16·8·8)·10 + 10 = 10250.
    expect(s.totalParams).toBe(156 + 12 + 2416 + 10250);
    expect(s.trainableParams).toBe(2416 + 10250);
    expect(s.layers.map((l) => l.trainable)).toEqual([true, false, false, false, true, true, true]);
  });

  it('with nothing frozen, trainableParams equals totalParams', () => {
    const s = summarize({ layers: spec.layers.map((l) => ({ ...l, trainable: undefined })) as LayerSpec[] });
    expect(s.trainableParams).toBe(s.totalParams);
  });

  it('parseSpecJson refuses "trainable": "no" with a message naming the field and the layer', () => {
    const json =
      '{"layers": [{"type": "input", "shape": [1, 8, 8]}, {"type": "conv2d", "filters": 2, "kernel": 3, "trainable": "no"}]}';
    expect(() => parseSpecJson(json)).toThrow(SpecError);
    expect(() => parseSpecJson(json)).toThrow(/Layer 1 \(conv2d_1\): "trainable" must be true or false/);
  });

  it('summarize refuses a non-boolean trainable from code, saying what false does', () => {
    const bad = {
      layers: [{ type: 'input', shape: [1, 8, 8] }, { type: 'flatten' }, { type: 'dense', units: 2, trainable: 0 }],
    } as unknown as ModelSpec;
    expect(() => summarize(bad)).toThrow(
      /Layer 2 \(dense_1\): "trainable" must be true or false \(got 0\): false freezes/,
    );
  });
});
