/**
 * A BenchEngine around a ConvLab CPU-graph model (engine/cpu/model.ts) trained by the app's Trainer
 * with SGD and momentum: the TypeScript engine and the wasm engine are the same graph code on two
 * kernel providers, so they share this adapter and differ only in how the model is made.
 */
import type { DatasetSplits } from '../../engine/data/dataset';
import { evaluate } from '../../engine/train/evaluate';
import type { Model } from '../../engine/train/model';
import { Trainer } from '../../engine/train/trainer';
import type { BenchEngine } from '../engine';
import type { RunConfig } from '../protocol';
import { argmaxAt, testSlice } from '../sampler';
import { benchTrainerConfig, firstSamples, TrainerDriver } from './trainer-driver';

/** Evaluation batch; the wasm model sizes its memory for the larger of this and the training batch. */
export const EVAL_BATCH = 256;

export function modelEngine(model: Model, data: DatasetSplits, config: RunConfig, note: string): BenchEngine {
  const trainer = new Trainer(model, { train: data.train }, benchTrainerConfig(config, 1));
  const driver = new TrainerDriver(trainer);
  const [c, h, w] = data.test.shape;
  const classes = data.test.classNames.length;
  return {
    note,
    trainSteps: (n) => driver.steps(n),
    async lastLoss(): Promise<number | null> {
      return driver.loss;
    },
    async predictOne(index: number): Promise<number> {
      const x = { shape: [1, c, h, w], data: testSlice(data.test, index, 1) };
      return argmaxAt(model.forward(x, { training: false })[model.logitsLayer]!.data, 0, classes);
    },
    async evaluate(count: number): Promise<number> {
      return evaluate(model, firstSamples(data.test, count), EVAL_BATCH, 'crossEntropy').accuracy;
    },
    dispose(): void {
      void driver.stop();
    },
  };
}
