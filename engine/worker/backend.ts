/**
 * Choosing the training backend, and the one interface the worker session uses for a model
 * whichever backend holds it. `chooseBackend` takes the `GPU` object as an argument
 * (navigator.gpu in a worker, the `webgpu` package in Node tests) and never throws: when WebGPU
 * cannot be used it answers 'cpu' with the reason in words a student understands.
 */

import { createCpuModel, getWeights, loadWeights } from '../cpu/model';
import type { OptimizerState } from '../gpu/checkpoint';
import { acquireDevice } from '../gpu/device';
import type { ModelSpec, ModelSummary } from '../spec/types';
import type { Tensor } from '../tensor/tensor';
import type { InitScheme } from '../train/initializers';
import type { Model } from '../train/model';
import { Trainer, type TrainerConfig, type TrainerData, type TrainingRun } from '../train/trainer';
import type { BackendChoice } from './protocol';

export type BackendSelection =
  | {
      readonly kind: 'webgpu';
      readonly device: GPUDevice;
      /** The adapter in words, e.g. "google swiftshader (SwiftShader Device)". */
      readonly adapter: string;
      readonly reason: string;
    }
  | { readonly kind: 'cpu'; readonly reason: string };

const ON_CPU = 'Training runs on the CPU engine (slower).';

export async function chooseBackend(choice: BackendChoice, gpu: GPU | undefined): Promise<BackendSelection> {
  if (choice === 'cpu') return { kind: 'cpu', reason: 'The CPU engine was chosen.' };
  if (!gpu) {
    return {
      kind: 'cpu',
      reason: `This browser does not expose WebGPU (navigator.gpu is missing). ${ON_CPU}`,
    };
  }
  const result = await acquireDevice(gpu, { label: 'convlab training' });
  if (!result.ok) {
    const { reason, message } = result.error;
    const why =
      reason === 'no-adapter'
        ? `No WebGPU adapter is available: ${message}`
        : reason === 'device-failed'
          ? `The GPU device could not be created: ${message}`
          : message;
    return { kind: 'cpu', reason: `${why} ${ON_CPU}` };
  }
  const info = result.adapterInfo;
  const adapter =
    [info.vendor, info.architecture, info.description || info.device].filter((s) => s.length > 0).join(' ') ||
    'an unnamed adapter';
  if (choice === 'auto' && isSoftwareAdapter(adapter)) {
    // Measured in one browser run (BENCHMARKS.md): SwiftShader WebGPU trains the lecture net at
    // ~0.17x and the ConvNetJS CIFAR-10 net at ~0.6x the CPU engine's speed.
    result.device.destroy();
    return {
      kind: 'cpu',
      reason: `The only WebGPU adapter is a software renderer (${adapter}), which trains far slower than ConvLab's CPU engine. Training runs on the CPU engine; choose WebGPU to use the software adapter anyway.`,
    };
  }
  return {
    kind: 'webgpu',
    device: result.device,
    adapter,
    reason: `Training runs on WebGPU (${adapter})${choice === 'auto' ? ', chosen automatically' : ''}.`,
  };
}

/** SwiftShader (and other CPU-emulated adapters) run WGSL on the CPU, slower than our CPU kernels. */
function isSoftwareAdapter(description: string): boolean {
  return /swiftshader|llvmpipe|lavapipe|software|microsoft basic render/i.test(description);
}

/** A parameter tensor as snapshots send it. */
export interface NamedTensor {
  readonly name: string;
  readonly layer: number;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** A built model on one backend, as the worker session uses it. */
export interface ModelHost {
  readonly summary: ModelSummary;
  readonly logitsLayer: number;
  /**
   * A trainer over this model; `startStep` and `optimizer` continue a run (the GPU backend, after
   * a lost device: the checkpoint's step and optimiser state).
   */
  createTrainer(
    data: TrainerData,
    config: TrainerConfig,
    startStep: number,
    optimizer?: OptimizerState | null,
  ): TrainingRun;
  /** Evaluation-mode outputs of every layer for one sample [C, H, W]. */
  activations(image: Float32Array): Promise<Tensor[]>;
  params(kind: 'weights' | 'gradients'): Promise<NamedTensor[]>;
  /** Every param and buffer by name (engine/cpu/weights.ts getWeights). */
  weights(): Promise<Record<string, Float32Array>>;
  /** Loads named values; throws, naming it, on a missing or wrong-sized one. */
  load(weights: Readonly<Record<string, ArrayLike<number>>>): void;
  destroy(): void;
}

export function cpuHost(
  spec: ModelSpec,
  seed: number,
  weights?: Readonly<Record<string, ArrayLike<number>>>,
  init?: InitScheme,
): ModelHost & { readonly model: Model } {
  const model: Model = createCpuModel(spec, { seed, init });
  if (weights) loadWeights(model, weights);
  const inputShape = model.summary.layers[0]!.outputShape;
  return {
    model,
    summary: model.summary,
    logitsLayer: model.logitsLayer,
    createTrainer: (data, config, startStep) => new Trainer(model, data, config, startStep),
    activations: async (image) => [...model.forward({ shape: [1, ...inputShape], data: image }, { training: false })],
    params: async (kind) =>
      model.params.map((p) => ({
        name: p.name,
        layer: p.layer,
        shape: p.shape,
        data: (kind === 'weights' ? p.value : p.grad).slice(),
      })),
    weights: async () => getWeights(model),
    load: (named) => loadWeights(model, named),
    destroy: () => {},
  };
}
