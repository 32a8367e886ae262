/**
 * The worker session's view of a model on the GPU (engine/worker/backend.ts ModelHost): a
 * GpuModel with its own buffer pool and pipeline cache on one device, and GpuTrainers over it.
 */
import type { ModelSpec } from '../spec/types';
import type { InitScheme } from '../train/initializers';
import type { TrainerConfig, TrainerData } from '../train/trainer';
import type { ModelHost, NamedTensor } from '../worker/backend';
import { BufferPool } from './buffers';
import type { OptimizerState } from './checkpoint';
import { createGpuModel, type GpuModel } from './model';
import { PipelineCache } from './pipelines';
import { GpuTrainer } from './trainer';

export function gpuHost(
  device: GPUDevice,
  spec: ModelSpec,
  seed: number,
  weights?: Readonly<Record<string, ArrayLike<number>>>,
  init?: InitScheme,
): ModelHost & { readonly model: GpuModel } {
  const ctx = { device, pipelines: new PipelineCache(device), pool: new BufferPool(device) };
  const model = createGpuModel(ctx, spec, { seed, weights, init });
  const tensors = (named: Record<string, Float32Array>): NamedTensor[] =>
    model.params.map((p) => ({ name: p.name, layer: p.layer, shape: p.shape, data: named[p.name]! }));
  return {
    model,
    summary: model.summary,
    logitsLayer: model.logitsLayer,
    createTrainer: (data: TrainerData, config: TrainerConfig, startStep: number, optimizer?: OptimizerState | null) =>
      new GpuTrainer(model, data, config, { startStep, optimizer }),
    activations: (image) => model.forwardSample(image),
    params: async (kind) => tensors(kind === 'weights' ? await model.readWeights() : await model.readGradients()),
    weights: () => model.readWeights(),
    load: (named) => model.writeWeights(named),
    destroy: () => model.destroy(),
  };
}
