/**
 * ConvLab's WebGPU engine as the app runs it: a GpuModel on a device from openGpuContext, trained by
 * GpuTrainer (dataset uploaded once, batches gathered on the GPU, one submit per step, metrics read
 * back every progressEvery steps). A call ends only when the GPU has finished its last step (a
 * metrics readback, or onSubmittedWorkDone), so the timed window never ends with work still queued.
 */
import type { DatasetSplits } from '../../engine/data/dataset';
import { BufferPool } from '../../engine/gpu/buffers';
import { openGpuContext } from '../../engine/gpu/context';
import { GpuEvaluator } from '../../engine/gpu/evaluate';
import { createGpuModel } from '../../engine/gpu/model';
import { PipelineCache } from '../../engine/gpu/pipelines';
import { GpuTrainer } from '../../engine/gpu/trainer';
import { getPreset } from '../../engine/spec/presets';
import { DEFAULT_TRAINER_CONFIG } from '../../engine/train/trainer';
import type { BenchEngine } from '../engine';
import type { ModelKey, RunConfig } from '../protocol';
import { argmaxAt, testSlice } from '../sampler';
import { benchTrainerConfig, firstSamples, TrainerDriver } from './trainer-driver';

/** The app's default reporting period; reading metrics every step would be a cost the app never pays. */
const PROGRESS_EVERY = DEFAULT_TRAINER_CONFIG.progressEvery;

export async function createConvlabWebgpuEngine(
  modelKey: ModelKey,
  data: DatasetSplits,
  config: RunConfig,
): Promise<BenchEngine> {
  const opened = await openGpuContext(navigator.gpu, 'convlab bench', {
    maxBufferBytes: Math.max(data.train.images.length, data.test.images.length),
  });
  if (!opened.ok) throw opened.error;
  const { device } = opened;
  const ctx = { device, pipelines: new PipelineCache(device), pool: new BufferPool(device) };
  const model = createGpuModel(ctx, getPreset(modelKey).spec, { seed: config.seed });
  const trainer = new GpuTrainer(model, { train: data.train }, benchTrainerConfig(config, PROGRESS_EVERY));
  const driver = new TrainerDriver(trainer, PROGRESS_EVERY, () => device.queue.onSubmittedWorkDone());
  const evaluators = new Map<number, GpuEvaluator>();
  const classes = data.test.classNames.length;
  return {
    note: `ConvLab WebGPU (GpuTrainer, progress every ${PROGRESS_EVERY} steps) on ${opened.adapterName}`,
    trainSteps: (n) => driver.steps(n),
    async lastLoss(): Promise<number | null> {
      return driver.loss;
    },
    async predictOne(index: number): Promise<number> {
      // forwardSample is the app's one-image path (it reads back every layer for the live views).
      const outputs = await model.forwardSample(testSlice(data.test, index, 1));
      return argmaxAt(outputs[model.logitsLayer]!.data, 0, classes);
    },
    async evaluate(count: number): Promise<number> {
      let evaluator = evaluators.get(count);
      if (!evaluator) {
        evaluator = new GpuEvaluator(model, firstSamples(data.test, count), 256, 'crossEntropy');
        evaluators.set(count, evaluator);
      }
      return (await evaluator.run()).accuracy;
    },
    dispose(): void {
      void driver.stop().then(() => {
        model.destroy();
        device.destroy();
      });
    },
  };
}
