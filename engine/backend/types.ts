/**
 * The backend seam: one interface for a model on any engine (ModelHost), and one for the engine
 * itself (Backend), so the worker session and the CLI call the same verbs whichever engine
 * trains: WebGPU, the WebAssembly SIMD kernels, or the TypeScript reference.
 */

import type { Dataset } from '../data/dataset';
import type { OptimizerState } from '../gpu/checkpoint';
import type { ModelSpec, ModelSummary } from '../spec/types';
import type { Tensor } from '../tensor/tensor';
import type { InitScheme } from '../train/initializers';
import type { LossKind } from '../train/loss';
import type { Metrics } from '../train/metrics';
import type { TrainerConfig, TrainerData, TrainingRun } from '../train/trainer';
import type { InspectImage, InspectQuery, InspectResult } from '../worker/inspect';
import type { ParamNorm } from '../worker/norms';

/** The engines that train: WebGPU, WebAssembly SIMD, or the TypeScript reference on the CPU. */
export type EngineKind = 'webgpu' | 'wasm' | 'cpu';

/** What a user may ask for: an engine, or 'auto' (hardware WebGPU, then wasm, then TypeScript). */
export type EngineChoice = 'auto' | EngineKind;

/** A parameter tensor as snapshots send it. */
export interface NamedTensor {
  readonly name: string;
  readonly layer: number;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** A trainer's last checkpoint: enough to continue the run on a new host (a lost GPU device). */
export interface ResumePoint {
  readonly step: number;
  readonly weights: Readonly<Record<string, Float32Array>>;
  readonly optimizer: OptimizerState | null;
}

/** What a host is built from. */
export interface HostModel {
  readonly spec: ModelSpec;
  readonly seed: number;
  readonly weights?: Readonly<Record<string, ArrayLike<number>>>;
  readonly init?: InitScheme;
  /** Whether backward computes dL/d(input); the CLI turns it off. Default true. */
  readonly inputGradient?: boolean;
}

/** A built model on one engine, as the worker session and the CLI use it. */
export interface ModelHost {
  readonly engine: EngineKind;
  readonly summary: ModelSummary;
  readonly logitsLayer: number;
  /**
   * A trainer over this model; `startStep` and `optimizer` continue a run (after a lost device:
   * the checkpoint's step and optimiser state). Async because an engine may first have to make
   * room for the trainer's batch (the wasm host rebuilds its memory, keeping the weights).
   */
  createTrainer(
    data: TrainerData,
    config: TrainerConfig,
    startStep: number,
    optimizer?: OptimizerState | null,
  ): Promise<TrainingRun>;
  /** Logits [count, classes] of a dataset's first `count` images, in evaluation mode. */
  logits(dataset: Dataset, count: number): Promise<Float32Array>;
  /** Loss and metrics of a whole dataset (computed from `logits`, the same way on every engine). */
  evaluate(dataset: Dataset, loss: LossKind): Promise<Metrics>;
  /** Evaluation-mode outputs of every layer for one sample [C, H, W]. */
  activations(image: Float32Array): Promise<Tensor[]>;
  /** Every param's weights or gradients, or only those of layer `layer` (read alone). */
  params(kind: 'weights' | 'gradients', layer?: number): Promise<NamedTensor[]>;
  /** Every param's weight and gradient L2 norms, reduced where the values live. */
  norms(): Promise<ParamNorm[]>;
  /**
   * This engine's own answer to an inspection (the GPU takes saliency and FGSM gradients on the
   * device), or null: the session then answers on a CPU copy of the weights.
   */
  inspect(query: InspectQuery, pixels: (image: InspectImage) => Float32Array): Promise<InspectResult> | null;
  /** Every param and buffer by name (engine/cpu/weights.ts getWeights). */
  weights(): Promise<Record<string, Float32Array>>;
  /** Loads named values; throws, naming it, on a missing or wrong-sized one. */
  load(weights: Readonly<Record<string, ArrayLike<number>>>): void;
  /** The last checkpoint `trainer` kept (weights and optimiser), or null where the engine keeps none. */
  resumePoint(trainer: TrainingRun): ResumePoint | null;
  destroy(): void;
}

/** An engine ready to build models: what it is, why it was chosen, and how it can fail later. */
export interface Backend {
  readonly kind: EngineKind;
  /** The WebGPU adapter in words; null on the CPU engines. */
  readonly adapter: string | null;
  /** Why this engine and not another, in words for the UI. */
  readonly reason: string;
  /** CPU threads that train a step (1: data-parallel training over workers plugs in here later). */
  readonly threads: number;
  createHost(model: HostModel): Promise<ModelHost>;
  /** Resolves, with the cause in words, if the engine stops working (a lost GPU device); else null. */
  readonly lost: Promise<string> | null;
  /** Releases the device; hosts built on it stop working. */
  dispose(): void;
}
