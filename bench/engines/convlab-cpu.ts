/**
 * ConvLab's CPU engine exactly as the app uses it: createCpuModel + Trainer, SGD with momentum.
 */
import { createCpuModel } from '../../engine/cpu/model';
import type { DatasetSplits } from '../../engine/data/dataset';
import { getPreset } from '../../engine/spec/presets';
import { evaluate } from '../../engine/train/evaluate';
import { Trainer } from '../../engine/train/trainer';
import type { BenchEngine } from '../engine';
import type { ModelKey, RunConfig } from '../protocol';
import { argmaxAt, testSlice } from '../sampler';
import { firstSamples, TrainerDriver } from './trainer-driver';

/** Enough epochs that the trainer never finishes on its own; the bench stops it. */
const EPOCHS = 1000;

export async function createConvlabCpuEngine(
  modelKey: ModelKey,
  data: DatasetSplits,
  config: RunConfig,
): Promise<BenchEngine> {
  // inputGradient: false, as the app's trainer does: nothing reads dL/d(input) while training.
  const model = createCpuModel(getPreset(modelKey).spec, { seed: config.seed, inputGradient: false });
  const trainer = new Trainer(
    model,
    { train: data.train },
    {
      epochs: EPOCHS,
      batchSize: config.batchSize,
      learningRate: config.learningRate,
      optimizer: { kind: 'momentum', momentum: config.momentum },
      seed: config.seed,
      progressEvery: 1,
    },
  );
  const driver = new TrainerDriver(trainer);
  const [c, h, w] = data.test.shape;
  const classes = data.test.classNames.length;
  return {
    note: 'ConvLab CPU engine (plain TypeScript, one thread)',
    trainSteps: (n) => driver.steps(n),
    async lastLoss(): Promise<number | null> {
      return driver.loss;
    },
    async predictOne(index: number): Promise<number> {
      const x = { shape: [1, c, h, w], data: testSlice(data.test, index, 1) };
      return argmaxAt(model.forward(x, { training: false })[model.logitsLayer]!.data, 0, classes);
    },
    async evaluate(count: number): Promise<number> {
      return evaluate(model, firstSamples(data.test, count), 256, 'crossEntropy').accuracy;
    },
    dispose(): void {
      void driver.stop();
    },
  };
}
