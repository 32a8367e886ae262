/**
 * Per-layer freezing on the WebGPU backend: every optimiser leaves a frozen layer's params
 * bit-identical while the rest learn, the per-step losses (L2 penalty included, which leaves
 * frozen weights out) match the CPU trainer's, and a checkpoint of a frozen run resumes exactly.
 */
import { describe, expect, it } from 'vitest';
import { createCpuModel, getWeights } from '../../engine/cpu/model';
import { createGpuModel } from '../../engine/gpu/model';
import { GpuTrainer } from '../../engine/gpu/trainer';
import type { ModelSpec } from '../../engine/spec/types';
import { evaluate } from '../../engine/train/evaluate';
import type { OptimizerConfig } from '../../engine/train/optimizers';
import { Trainer, type TrainerEvent } from '../../engine/train/trainer';
import { withDevice } from './harness';
import { contextOf, halvesDataset } from './training';

const gpu = withDevice();

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
    { type: 'dense', id: 'head', units: 2 },
  ],
};
const FROZEN = ['c1.weight', 'c1.bias', 'bn1.gamma', 'bn1.beta'];

const OPTIMIZERS: readonly [string, OptimizerConfig, number][] = [
  ['sgd', { kind: 'sgd' }, 0.05],
  ['momentum', { kind: 'momentum', momentum: 0.9 }, 0.02],
  ['nesterov', { kind: 'momentum', momentum: 0.9, nesterov: true }, 0.02],
  ['adam', { kind: 'adam' }, 0.005],
];

const lossesOf = (events: readonly TrainerEvent[]): number[] =>
  events.flatMap((e) => (e.type === 'progress' ? [e.progress.loss] : []));

describe('a frozen layer on the WebGPU backend', () => {
  for (const [name, optimizer, learningRate] of OPTIMIZERS) {
    it(`${name} lr=${learningRate} l2=1e-3, 2 epochs of 6 batches of 8: c1 and bn1 stay bit-identical, per-step losses match the CPU within 1e-4, the loss falls`, async () => {
      const train = halvesDataset(48, 4);
      const config = {
        batchSize: 8,
        epochs: 2,
        learningRate,
        optimizer,
        regularization: { l1: 0, l2: 1e-3 },
        seed: 5,
        progressEvery: 1,
      };
      const cpu = createCpuModel(FROZEN_FIRST, { seed: 9 });
      const initial = getWeights(cpu);
      const lossBefore = evaluate(cpu, train, 48, 'crossEntropy').loss;
      const cpuEvents: TrainerEvent[] = [];
      const cpuTrainer = new Trainer(cpu, { train }, config);
      cpuTrainer.subscribe((e) => cpuEvents.push(e));
      await cpuTrainer.run();

      const model = createGpuModel(contextOf(gpu()), FROZEN_FIRST, { seed: 1234, weights: initial });
      expect(model.params.filter((p) => !p.trainable).map((p) => p.name)).toEqual(FROZEN);
      const gpuEvents: TrainerEvent[] = [];
      const gpuTrainer = new GpuTrainer(model, { train, validation: train }, config);
      gpuTrainer.subscribe((e) => gpuEvents.push(e));
      const result = await gpuTrainer.run();
      expect(result.status).toBe('done');
      const after = await gpuTrainer.readWeights();
      model.destroy();

      for (const p of FROZEN) expect(after[p], `${p} is frozen`).toEqual(initial[p]);
      for (const p of ['c2.weight', 'c2.bias', 'head.weight', 'head.bias']) {
        expect(after[p], `${p} should have trained`).not.toEqual(initial[p]);
      }
      expect(after['bn1.runningMean']).not.toEqual(initial['bn1.runningMean']);
      const [cpuLosses, gpuLosses] = [lossesOf(cpuEvents), lossesOf(gpuEvents)];
      expect(gpuLosses).toHaveLength(12);
      expect(cpuLosses).toHaveLength(12);
      for (const [i, loss] of gpuLosses.entries()) {
        expect(Math.abs(loss - cpuLosses[i]!), `step ${i + 1}: gpu ${loss} cpu ${cpuLosses[i]}`).toBeLessThan(
          1e-4 * Math.max(1, cpuLosses[i]!),
        );
      }
      expect(result.validation!.loss).toBeLessThan(lossBefore * 0.8);
    });
  }

  it('keeps no optimiser state for frozen params, and resumes a frozen run from its checkpoint exactly (adam, 2 epochs of 3 steps)', async () => {
    const train = halvesDataset(24, 3);
    const config = { batchSize: 8, learningRate: 0.01, seed: 5, progressEvery: 1 };
    const start = getWeights(createCpuModel(FROZEN_FIRST, { seed: 7 }));
    const runFor = async (epochs: number, options = {}, weights = start) => {
      const model = createGpuModel(contextOf(gpu()), FROZEN_FIRST, { seed: 7, weights });
      const trainer = new GpuTrainer(model, { train }, { ...config, epochs }, options);
      const result = await trainer.run();
      const out = { result, weights: await trainer.readWeights(), checkpoint: trainer.checkpoint };
      model.destroy();
      return out;
    };
    const whole = await runFor(2);
    const first = await runFor(1);
    const trainable = ['c2.weight', 'c2.bias', 'head.weight', 'head.bias'];
    expect(Object.keys(first.checkpoint!.optimizer.values).sort()).toEqual(
      trainable.flatMap((n) => [`${n}:m`, `${n}:v`]).sort(),
    );
    const resumed = await runFor(
      2,
      { startStep: 3, optimizer: first.checkpoint!.optimizer },
      first.checkpoint!.weights,
    );
    expect(resumed.result.steps).toBe(6);
    for (const [name, values] of Object.entries(whole.weights)) {
      const diff = Math.max(...Array.from(values, (v, i) => Math.abs(v - resumed.weights[name]![i]!)));
      expect(diff, name).toBeLessThan(1e-6);
    }
    for (const p of FROZEN) expect(resumed.weights[p]).toEqual(start[p]);
  });
});
