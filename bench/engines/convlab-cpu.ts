/**
 * ConvLab's CPU engine exactly as the app uses it: createCpuModel + Trainer, SGD with momentum.
 */
import { createCpuModel } from '../../engine/cpu/model';
import type { DatasetSplits } from '../../engine/data/dataset';
import { getPreset } from '../../engine/spec/presets';
import type { BenchEngine } from '../engine';
import type { ModelKey, RunConfig } from '../protocol';
import { modelEngine } from './model-engine';

export async function createConvlabCpuEngine(
  modelKey: ModelKey,
  data: DatasetSplits,
  config: RunConfig,
): Promise<BenchEngine> {
  // inputGradient: false, as the app's trainer does: nothing reads dL/d(input) while training.
  const model = createCpuModel(getPreset(modelKey).spec, { seed: config.seed, inputGradient: false });
  return modelEngine(model, data, config, 'ConvLab CPU engine (plain TypeScript, one thread)');
}
