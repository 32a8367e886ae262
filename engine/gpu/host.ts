/**
 * The WebGPU engine's host (engine/backend/types.ts ModelHost): a GpuModel with its own buffer
 * pool and pipeline cache on one device, and GpuTrainers over it. Logits, layer params, norms and
 * saliency/FGSM gradients are computed on the device and only their results are read back.
 */
import { EVAL_BATCH } from '../backend/cpu-host';
import type { HostModel, ModelHost, NamedTensor } from '../backend/types';
import { sizeOf } from '../tensor/tensor';
import { metricsOfLogits } from '../train/evaluate';
import { gpuLayerParams } from '../worker/layer-params';
import { normOf } from '../worker/norms';
import { BufferPool } from './buffers';
import { gpuLogits } from './evaluate';
import { inspectOnGpu } from './inspect-on-gpu';
import { createGpuModel, type GpuModel } from './model';
import { gpuSquareSums } from './param-norms';
import { PipelineCache } from './pipelines';
import { GpuTrainer } from './trainer';

export function gpuHost(device: GPUDevice, spec: HostModel): ModelHost & { readonly model: GpuModel } {
  const ctx = { device, pipelines: new PipelineCache(device), pool: new BufferPool(device) };
  const model = createGpuModel(ctx, spec.spec, { seed: spec.seed, weights: spec.weights, init: spec.init });
  const classes = sizeOf(model.summary.layers[model.logitsLayer]!.outputShape);
  const tensors = (named: Record<string, Float32Array>): NamedTensor[] =>
    model.params.map((p) => ({ name: p.name, layer: p.layer, shape: p.shape, data: named[p.name]! }));
  const logits = (dataset: Parameters<ModelHost['logits']>[0], count: number) =>
    gpuLogits(model, dataset, count, EVAL_BATCH);
  return {
    engine: 'webgpu',
    model,
    summary: model.summary,
    logitsLayer: model.logitsLayer,
    createTrainer: async (data, config, startStep, optimizer) =>
      new GpuTrainer(model, data, config, { startStep, optimizer }),
    logits,
    evaluate: async (dataset, loss) =>
      metricsOfLogits(await logits(dataset, dataset.count), dataset, dataset.count, classes, loss, EVAL_BATCH),
    activations: (image) => model.forwardSample(image),
    params: async (kind, layer) =>
      layer === undefined
        ? tensors(kind === 'weights' ? await model.readWeights() : await model.readGradients())
        : gpuLayerParams(model, kind, layer),
    norms: async () => {
      const { weights, gradients } = await gpuSquareSums(model);
      return model.params.map((p, i) => normOf(p.name, weights[i]!, gradients[i]!));
    },
    inspect: (query, pixels) => inspectOnGpu(query, model, pixels),
    weights: () => model.readWeights(),
    load: (named) => model.writeWeights(named),
    resumePoint: (trainer) => {
      const checkpoint = trainer instanceof GpuTrainer ? trainer.checkpoint : null;
      return checkpoint && { step: checkpoint.step, weights: checkpoint.weights, optimizer: checkpoint.optimizer };
    },
    destroy: () => model.destroy(),
  };
}
