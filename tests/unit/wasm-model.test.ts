/**
 * Whole training steps in parity: the same spec, seed and data trained by the TypeScript CPU
 * model and by the wasm model (the same graph code on the wasm kernel provider) give the same
 * per-step losses within 1e-4 relative over 20 steps, and end with the same weights (to float32
 * rounding carried through 20 updates).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCpuModel } from '../../engine/cpu/model';
import type { Dataset } from '../../engine/data/dataset';
import { lectureMnist } from '../../engine/spec/architectures/lecture';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import type { Model } from '../../engine/train/model';
import type { OptimizerConfig } from '../../engine/train/optimizers';
import { Trainer } from '../../engine/train/trainer';
import { createWasmModel } from '../../engine/wasm/model';
import type { WasmModule } from '../../engine/wasm/module';
import { loadWasmKernels } from '../../engine/wasm/node/load';

let wasm: WasmModule;
beforeAll(async () => {
  wasm = await loadWasmKernels();
});

/** Random-ish images whose class is which quadrant is bright, so losses fall as it trains. */
function quadrantImages(count: number, shape: [number, number, number], seed: number): Dataset {
  const [c, h, w] = shape;
  const rng = createRng(seed);
  const images = new Uint8Array(count * c * h * w);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const label = rng.int(4);
    labels[i] = label;
    for (let ch = 0; ch < c; ch++) {
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const q = (y < h / 2 ? 0 : 2) + (x < w / 2 ? 0 : 1);
          images[((i * c + ch) * h + y) * w + x] = Math.min(255, (q === label ? 120 : 0) + rng.int(130));
        }
      }
    }
  }
  return { name: 'quadrants', count, shape, images, labels, classNames: ['tl', 'tr', 'bl', 'br'] };
}

const lecture4: ModelSpec = {
  ...lectureMnist,
  layers: [...lectureMnist.layers.slice(0, -1), { type: 'dense', units: 4 }],
};

/** Every layer type and window option the CPU model has, in one small net. */
const kitchenSink: ModelSpec = {
  name: 'kitchen sink',
  layers: [
    { type: 'input', shape: [3, 13, 11] },
    { type: 'conv2d', id: 'a', filters: 6, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'conv2d', filters: 6, kernel: [3, 2], stride: [2, 1], padding: 1, groups: 3, activation: 'tanh' },
    { type: 'batchnorm' },
    { type: 'activation', kind: 'leakyRelu', alpha: -0.2 },
    { type: 'conv2d', id: 'b', filters: 6, kernel: 3, dilation: 2, padding: 'same', activation: 'elu' },
    { type: 'lrn', size: 3 },
    { type: 'conv2d', id: 'c', filters: 4, kernel: 1, bias: false },
    { type: 'concat', inputs: ['b', 'c'] },
    { type: 'maxpool', size: 2, stride: 1, padding: 'same' },
    { type: 'conv2d', id: 'd', filters: 10, kernel: 1, activation: 'softplus' },
    { type: 'conv2d', filters: 10, kernel: 3, padding: 'same', activation: 'sigmoid' },
    { type: 'add', with: 'd' },
    { type: 'avgpool', size: 2, padding: 'same' },
    { type: 'dropout', rate: 0.2 },
    { type: 'flatten' },
    { type: 'dense', units: 12, activation: 'leakyRelu' },
    { type: 'dense', units: 4 },
    { type: 'softmax' },
  ],
};

async function losses(model: Model, data: Dataset, optimizer: OptimizerConfig, batch: number): Promise<number[]> {
  const trainer = new Trainer(
    model,
    { train: data },
    {
      epochs: 100,
      batchSize: batch,
      learningRate: optimizer.kind === 'adam' ? 0.002 : 0.02,
      optimizer,
      seed: 3,
      progressEvery: 1,
    },
  );
  const out: number[] = [];
  trainer.subscribe((e) => {
    if (e.type === 'progress' && out.length < 20) {
      out.push(e.progress.loss);
      if (out.length === 20) trainer.cancel();
    }
  });
  await trainer.run();
  return out;
}

describe('wasm model: 20 training steps in parity with the TypeScript CPU model', () => {
  const cases: [string, ModelSpec, [number, number, number], OptimizerConfig, number][] = [
    ['lecture MNIST net, Adam, batch 16', lecture4, [1, 28, 28], { kind: 'adam' }, 16],
    ['kitchen sink, momentum, batch 5', kitchenSink, [3, 13, 11], { kind: 'momentum' }, 5],
    ['kitchen sink, SGD, batch 1', kitchenSink, [3, 13, 11], { kind: 'sgd' }, 1],
  ];
  it.each(cases)('%s', async (_name, spec, shape, optimizer, batch) => {
    const data = quadrantImages(200, shape, 9);
    const reference = createCpuModel(spec, { seed: 4, inputGradient: false });
    const model = await createWasmModel(spec, { seed: 4, inputGradient: false, maxBatch: batch }, wasm);
    const want = await losses(reference, data, optimizer, batch);
    const got = await losses(model, data, optimizer, batch);
    expect(got.length).toBe(20);
    for (let i = 0; i < 20; i++) {
      expect(Math.abs(got[i]! - want[i]!), `step ${i + 1}: wasm ${got[i]} vs TS ${want[i]}`).toBeLessThanOrEqual(
        1e-4 * Math.abs(want[i]!),
      );
    }
    // It trained (so parity is not two flat lines): the last 5 steps' mean loss is below the first 5's.
    const mean = (a: number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(want.slice(15))).toBeLessThan(mean(want.slice(0, 5)));
    // Everything ran in wasm memory and on wasm kernels.
    expect(model.kernels.fallbacks).toBe(0);
    expect(model.kernels.heapArrays).toBe(0);
    for (const [k, p] of model.params.entries()) {
      expect(model.kernels.memory.owns(p.value), p.name).toBe(true);
      const ref = reference.params[k]!.value;
      let worst = 0;
      for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(p.value[i]! - ref[i]!));
      expect(worst, p.name).toBeLessThan(2e-3);
    }
  });
});

describe('wasm model beyond its reserved memory', () => {
  it('a batch larger than maxBatch still trains in parity, through JS-heap arrays and TypeScript fallbacks', async () => {
    const data = quadrantImages(200, [1, 28, 28], 9);
    const reference = createCpuModel(lecture4, { seed: 4, inputGradient: false });
    // Memory sized for batch 1, then given batches of 32: later buffers cannot live in wasm memory.
    const model = await createWasmModel(lecture4, { seed: 4, inputGradient: false, maxBatch: 1 }, wasm);
    const want = await losses(reference, data, { kind: 'adam' }, 32);
    const got = await losses(model, data, { kind: 'adam' }, 32);
    for (let i = 0; i < 20; i++) {
      expect(Math.abs(got[i]! - want[i]!), `step ${i + 1}`).toBeLessThanOrEqual(1e-4 * Math.abs(want[i]!));
    }
    expect(model.kernels.heapArrays + model.kernels.fallbacks).toBeGreaterThan(0);
  });
});
