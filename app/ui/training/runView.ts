/**
 * What a lesson sees of a training run in the worker: plain data, safe to hand to React as it is.
 * `WorkerRun` (workerRun.ts) builds a new RunView on every change; nothing here is mutated.
 */

import type { ModelSpec, ModelSummary } from '../../../engine/spec/types';
import type { InitScheme } from '../../../engine/train/initializers';
import type { TrainerConfig } from '../../../engine/train/trainer';
import type { DatasetInfo, DatasetSource } from '../../../engine/worker/protocol';

export interface WorkerRunData {
  /** Train on only the first this many training images; null trains on them all. */
  readonly trainLimit: number | null;
  /** Images held out for validation (evaluated at the end of every epoch). */
  readonly validation: number;
  /** Where the images come from; the embedded MNIST subset (10,000 digits) when absent. */
  readonly source?: DatasetSource;
  /** Keep only images of these labels in every split (before trainLimit); all when absent or null. */
  readonly classes?: readonly number[] | null;
}

export interface WorkerRunSetup {
  readonly spec: ModelSpec;
  readonly seed: number;
  readonly init?: InitScheme;
  readonly trainer: Partial<TrainerConfig>;
  readonly data: WorkerRunData;
  /** Read every parameter's gradient with each progress point and keep its L2 norm. */
  readonly gradientNorms?: boolean;
  /**
   * Weights to start from instead of the fresh ones, by parameter name (e.g. a pretrained trunk):
   * after every build the run overwrites these entries of the freshly initialised model and keeps
   * the rest (see transfer.ts). Known by identity, so build the record once and keep it.
   */
  readonly initialWeights?: Readonly<Record<string, Float32Array>>;
}

/**
 * 'diverged': the loss stopped being a number, or the worker's health watch (engine/train/health.ts)
 * paused a run whose loss left its starting range or that collapsed to chance; `message` says which.
 */
export type RunStatus = 'loading' | 'ready' | 'running' | 'paused' | 'done' | 'diverged' | 'error';

export interface RunPoint {
  readonly step: number;
  /** Fractional epochs done, e.g. 1.25. */
  readonly epoch: number;
  /** Mean training loss and accuracy over the steps since the previous point. */
  readonly loss: number;
  readonly accuracy: number;
}

export interface EpochPoint {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  readonly valLoss: number | null;
  readonly valAccuracy: number | null;
}

export interface LayerNorm {
  /** The id of the layer the parameter belongs to. */
  readonly layer: string;
  /** The parameter's full name, e.g. "conv1.weight". */
  readonly param: string;
  readonly norm: number;
}

export interface GradientNormPoint {
  readonly step: number;
  readonly norms: readonly LayerNorm[];
}

export interface RunView {
  readonly status: RunStatus;
  /** Why the run stopped or failed, in words for the student; null while all is well. */
  readonly message: string | null;
  readonly summary: ModelSummary | null;
  /** The loaded data as the worker reports it (counts per split, shape, class names); null while loading. */
  readonly dataset: DatasetInfo | null;
  readonly points: readonly RunPoint[];
  readonly epochs: readonly EpochPoint[];
  readonly gradientNorms: readonly GradientNormPoint[];
  readonly stepsDone: number;
  readonly totalSteps: number;
}

export const LOADING_VIEW: RunView = {
  status: 'loading',
  message: null,
  summary: null,
  dataset: null,
  points: [],
  epochs: [],
  gradientNorms: [],
  stepsDone: 0,
  totalSteps: 0,
};

/**
 * A stable key for a setup, so a re-render with an equal setup does not rebuild the run. Initial
 * weights are keyed by identity: stringifying a million floats on every render would cost more
 * than the render.
 */
export function setupKey(setup: WorkerRunSetup): string {
  const { initialWeights, data, ...rest } = setup;
  const { source, ...dataRest } = data;
  return JSON.stringify([
    rest,
    dataRest,
    source ? sourceKey(source) : null,
    initialWeights ? identityOf(initialWeights) : null,
  ]);
}

/** Sources that carry bytes (up to hundreds of MB) are keyed by identity, the rest by value. */
function sourceKey(source: DatasetSource): string {
  switch (source.kind) {
    case 'files':
      return `files#${identityOf(source.files)}`;
    case 'images':
      return `images#${identityOf(source.images)}`;
    case 'splits':
      return `splits#${identityOf(source.train)}`;
    default:
      return JSON.stringify(source);
  }
}

const identities = new WeakMap<object, number>();
let lastIdentity = 0;
/** A number that stays the same for one object and differs between objects. */
export function identityOf(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    id = ++lastIdentity;
    identities.set(value, id);
  }
  return id;
}
