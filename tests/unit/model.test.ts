import { describe, expect, it } from 'vitest';
import { softmaxCrossEntropy } from '../../engine/cpu/losses';
import { createCpuModel, getWeights, loadWeights } from '../../engine/cpu/model';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import type { Tensor } from '../../engine/tensor/tensor';
import type { Model } from '../../engine/train/model';
import { gradcheck } from './gradcheck';

/**
 * conv+bn+relu, a residual add whose shortcut is a 1x1 conv read via `input`, pool, dropout, dense.
 * The model computes in float32 and has many kinks, so finite differences use eps = 1e-4 and a 2% tolerance; a
 * larger eps steps across ReLU and max-pool kinks (a bias moves a whole channel) and misleads.
 */
const spec: ModelSpec = {
  name: 'residual test net',
  layers: [
    { type: 'input', shape: [2, 7, 7] },
    { type: 'conv2d', id: 'stem', filters: 4, kernel: 3, padding: 'same' },
    { type: 'batchnorm' },
    { type: 'activation', kind: 'relu', id: 'a' },
    { type: 'conv2d', id: 'b', filters: 4, kernel: 3, padding: 'same', activation: 'tanh' },
    { type: 'conv2d', id: 'proj', input: 'stem', filters: 4, kernel: 1, bias: false },
    { type: 'add', id: 'sum', with: 'b' },
    { type: 'maxpool', size: 2, padding: 'same' },
    { type: 'dropout', rate: 0.3 },
    { type: 'flatten' },
    { type: 'dense', units: 6, activation: 'elu' },
    { type: 'dense', id: 'scores', units: 3 },
    { type: 'softmax' },
  ],
};

function randomBatch(model: Model, batch: number, seed: number): Tensor {
  const rng = createRng(seed);
  const shape = [batch, ...model.summary.layers[0]!.outputShape];
  const n = shape.reduce((a, b) => a * b, 1);
  return { shape, data: Float32Array.from({ length: n }, () => rng.next() * 2 - 1) };
}

describe('createCpuModel', () => {
  it('names params by layer id and role, and makes the layer before a final softmax the logits', () => {
    const model = createCpuModel(spec, { seed: 1 });
    expect(model.params.map((p) => p.name)).toContain('stem.weight');
    expect(model.params.map((p) => p.name)).toContain('scores.bias');
    expect(model.params.find((p) => p.name === 'proj.weight')!.shape).toEqual([4, 4, 1, 1]);
    const bn = model.summary.layers[2]!.id;
    expect(model.buffers.map((b) => b.name)).toEqual([`${bn}.runningMean`, `${bn}.runningVar`]);
    expect(model.summary.layers[model.logitsLayer]!.id).toBe('scores');
  });

  it('forward is deterministic for a seed and differs between seeds x=[3,2,7,7]', () => {
    const run = (seed: number): number[] => {
      const model = createCpuModel(spec, { seed });
      const outputs = model.forward(randomBatch(model, 3, 9), { training: true, rng: createRng(4) });
      return Array.from(outputs[model.logitsLayer]!.data);
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });

  it('forward returns every layer output with the summary shapes and probabilities at the softmax', () => {
    const model = createCpuModel(spec, { seed: 2 });
    const outputs = model.forward(randomBatch(model, 2, 1), { training: false });
    model.summary.layers.forEach((layer, i) => {
      expect(outputs[i]!.shape).toEqual([2, ...layer.outputShape]);
    });
    const p = outputs[outputs.length - 1]!.data;
    expect(p[0]! + p[1]! + p[2]!).toBeCloseTo(1, 6);
  });

  it('getWeights and loadWeights round-trip params and batchnorm buffers', () => {
    const a = createCpuModel(spec, { seed: 1 });
    a.forward(randomBatch(a, 4, 2), { training: true, rng: createRng(1) }); // moves the running stats
    const b = createCpuModel(spec, { seed: 2 });
    loadWeights(b, getWeights(a));
    const x = randomBatch(a, 2, 3);
    expect(b.forward(x, { training: false }).at(-1)!.data).toEqual(a.forward(x, { training: false }).at(-1)!.data);
    expect(() => loadWeights(b, {})).toThrow(/stem.weight/);
  });

  for (const training of [false, true]) {
    it(`backward matches finite differences of the loss through the whole ${training ? 'training' : 'eval'}-mode model x=[3,2,7,7]`, () => {
      const model = createCpuModel(spec, { seed: 11, init: 'xavier' });
      const x = randomBatch(model, 3, 5);
      const labels = [0, 2, 1];
      const out = new Float64Array(1);
      const run = (dLoss: number | null): number => {
        // A fresh rng per pass gives every pass the same dropout mask.
        const outputs = model.forward(x, { training, rng: createRng(3) });
        const logits = outputs[model.logitsLayer]!;
        const grad = new Float32Array(logits.data.length);
        const loss = softmaxCrossEntropy(3, 3, logits.data, labels, grad);
        if (dLoss !== null) {
          for (let i = 0; i < grad.length; i++) grad[i]! *= dLoss;
          model.backward({ shape: logits.shape, data: grad });
        }
        return loss;
      };
      const inputs: Record<string, Float32Array> = { x: x.data };
      for (const p of model.params) inputs[p.name] = p.value;
      gradcheck({
        label: `model ${training ? 'training' : 'eval'} x=[${x.shape}]`,
        inputs,
        forward: () => {
          out[0] = run(null);
          return out;
        },
        backward: (dy) => {
          run(dy[0]!); // runs backward, which writes every param's grad
          const grads: Record<string, Float32Array> = {};
          for (const p of model.params) grads[p.name] = p.grad;
          return grads;
        },
        eps: 1e-4,
        tolerance: 2e-2,
        floor: 1e-2,
        maxChecks: 6,
      });
    });
  }

  it('backward returns dL/dinput matching finite differences x=[2,2,7,7]', () => {
    const model = createCpuModel(spec, { seed: 4 });
    const x = randomBatch(model, 2, 8);
    const labels = [1, 2];
    const out = new Float64Array(1);
    const logitsOf = () => model.forward(x, { training: false })[model.logitsLayer]!;
    gradcheck({
      label: 'model input gradient x=[2,2,7,7]',
      inputs: { x: x.data },
      forward: () => {
        out[0] = softmaxCrossEntropy(2, 3, logitsOf().data, labels);
        return out;
      },
      backward: (dy) => {
        const logits = logitsOf();
        const grad = new Float32Array(logits.data.length);
        softmaxCrossEntropy(2, 3, logits.data, labels, grad);
        for (let i = 0; i < grad.length; i++) grad[i]! *= dy[0]!;
        return { x: model.backward({ shape: logits.shape, data: grad }).data };
      },
      eps: 1e-3, // one input pixel moves few pre-activations, so fewer kinks and less float32 noise
      tolerance: 2e-2,
      floor: 1e-2,
      maxChecks: 20,
    });
  });
});
