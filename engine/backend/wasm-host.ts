/**
 * The wasm engine's host: the CPU model on the WebAssembly SIMD kernels (engine/wasm/model.ts).
 *
 * Its linear memory is sized once for the largest batch it will see, because growing it would
 * detach every array the model holds. The host starts with room for the evaluation batch and
 * the trainer batch it is told about; when a later trainer asks for a larger batch, it builds a
 * new model with enough memory and carries the weights over (the kernels would otherwise fall
 * back to slow JS-heap arrays for the overflow).
 *
 * On several threads, each trainer gets a data-parallel step (engine/parallel/): replicas in other
 * workers take their shards of every batch. Should replicas fail to start, or one fail mid-run, the
 * run goes on on this thread (withOneThreadFallback) and `onFallback` hears why.
 */

import { getWeights, loadWeights } from '../cpu/model';
import { createDataParallelStep, type DataParallelStep, withOneThreadFallback } from '../parallel';
import type { ReplicaLauncher } from '../parallel/protocol';
import type { Model } from '../train/model';
import { createWasmModel } from '../wasm/model';
import type { WasmModule } from '../wasm/module';
import { cpuModelHost, EVAL_BATCH } from './cpu-host';
import type { HostModel, ModelHost } from './types';

export interface WasmHostOptions {
  /** The largest batch expected up front (default: the evaluation batch). */
  readonly maxBatch?: number;
  /** Several threads: how many (this one included), and how replica workers start. */
  readonly parallel?: WasmParallel | null;
}

export interface WasmParallel {
  readonly threads: number;
  readonly launcher: ReplicaLauncher;
  /** Hears, once, why a data-parallel run went on on one thread. */
  readonly onFallback?: (message: string) => void;
}

export async function createWasmHost(
  wasm: WasmModule,
  spec: HostModel,
  options: WasmHostOptions = {},
): Promise<ModelHost & { readonly batchCapacity: () => number }> {
  const build = (maxBatch: number) =>
    createWasmModel(
      spec.spec,
      { seed: spec.seed, init: spec.init, inputGradient: spec.inputGradient ?? true, maxBatch },
      wasm,
    );
  let capacity = Math.max(options.maxBatch ?? 0, EVAL_BATCH);
  let model: Model = await build(capacity);
  if (spec.weights) loadWeights(model, spec.weights);
  const parallel = options.parallel && options.parallel.threads > 1 ? options.parallel : null;
  let replicas: DataParallelStep | null = null;
  let replicaBatch = 0;
  const host = cpuModelHost({
    engine: 'wasm',
    model: () => model,
    fit: async (batch) => {
      if (batch <= capacity) return;
      const weights = getWeights(model);
      const bigger = await build(batch);
      loadWeights(bigger, weights);
      model = bigger;
      capacity = batch;
    },
    // Replicas are sized for one batch size: a trainer with a larger batch gets new ones.
    stepFor: async (batchSize) => {
      if (!parallel) return undefined;
      if (!replicas || batchSize > replicaBatch) {
        replicas?.dispose();
        replicas = null;
        try {
          replicas = await createDataParallelStep({
            spec: spec.spec,
            seed: spec.seed,
            threads: parallel.threads,
            launcher: parallel.launcher,
            engine: { kind: 'wasm', wasm },
            maxBatch: batchSize,
          });
        } catch (error) {
          // Replicas that cannot start (no nested workers, a worker script refused): train on this thread.
          parallel.onFallback?.(error instanceof Error ? error.message : String(error));
          return undefined;
        }
        replicaBatch = batchSize;
      }
      return withOneThreadFallback(replicas.step, parallel.onFallback);
    },
    destroy: () => {
      replicas?.dispose();
      replicas = null;
    },
  });
  /** The largest batch the current memory holds (tests check that a larger trainer grew it). */
  return { ...host, batchCapacity: () => capacity };
}
