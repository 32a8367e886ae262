/**
 * The host for a model that lives in this thread's memory (engine/cpu/model.ts): the TypeScript
 * engine and the wasm engine share it, because the wasm model is the same graph code on other
 * kernels. What differs is given as `CpuModelSlot`: which model is current and how to make room
 * for a larger batch (the wasm host may swap in a rebuilt model, so the model is read each time).
 */

import { getWeights, loadWeights } from '../cpu/model';
import { sizeOf } from '../tensor/tensor';
import { metricsOfLogits, modelLogits } from '../train/evaluate';
import type { Model } from '../train/model';
import type { StepFn } from '../train/step';
import { Trainer } from '../train/trainer';
import { cpuParamNorms } from '../worker/norms';
import type { ModelHost } from './types';

/** Images per evaluation forward pass (the trainers' own validation uses at least this). */
export const EVAL_BATCH = 256;

export interface CpuModelSlot {
  readonly engine: 'cpu' | 'wasm';
  /** The current model (the wasm host replaces it when a batch outgrows its memory). */
  model(): Model;
  /** Makes room for forward passes of `batch` images; the TypeScript engine always has it. */
  fit(batch: number): Promise<void>;
  /**
   * How a trainer of this batch size takes a step: undefined for the usual one-thread
   * `trainStep`; the wasm host's data-parallel step when it trains on several threads.
   */
  stepFor?(batchSize: number): Promise<StepFn | undefined>;
  destroy(): void;
}

export function cpuModelHost(slot: CpuModelSlot): ModelHost {
  const first = slot.model();
  const classes = sizeOf(first.summary.layers[first.logitsLayer]!.outputShape);
  const inputShape = first.summary.layers[0]!.outputShape;
  const logits = async (dataset: Parameters<ModelHost['logits']>[0], count: number) =>
    modelLogits(slot.model(), dataset, count, EVAL_BATCH);
  return {
    engine: slot.engine,
    summary: first.summary,
    logitsLayer: first.logitsLayer,
    createTrainer: async (data, config, startStep) => {
      // The trainer's validation forwards max(batch, 256) images at a time.
      await slot.fit(Math.max(config.batchSize, EVAL_BATCH));
      const step = await slot.stepFor?.(config.batchSize);
      return new Trainer(slot.model(), data, config, startStep, step ? { step } : {});
    },
    logits,
    evaluate: async (dataset, loss) =>
      metricsOfLogits(await logits(dataset, dataset.count), dataset, dataset.count, classes, loss, EVAL_BATCH),
    // Copies: the wasm engine's outputs are reused buffers, valid only until the next forward.
    activations: async (image) =>
      slot
        .model()
        .forward({ shape: [1, ...inputShape], data: image }, { training: false })
        .map((t) => ({ shape: t.shape, data: t.data.slice() })),
    params: async (kind, layer) =>
      slot
        .model()
        .params.filter((p) => layer === undefined || p.layer === layer)
        .map((p) => ({
          name: p.name,
          layer: p.layer,
          shape: p.shape,
          data: (kind === 'weights' ? p.value : p.grad).slice(),
        })),
    norms: async () => cpuParamNorms(slot.model()),
    inspect: () => null,
    weights: async () => getWeights(slot.model()),
    load: (named) => loadWeights(slot.model(), named),
    resumePoint: () => null,
    destroy: () => slot.destroy(),
  };
}
