/**
 * What a training run is, whichever backend takes its steps: its config, the events it sends,
 * its result, and the interface the worker, the CLI and the UI drive it through. Kept apart from
 * the loop and the trainers so each of them (and the run-state machine) can import it.
 */
import type { AugmentOptions } from '../data/augment';
import type { Dataset } from '../data/dataset';
import type { LossKind } from './loss';
import type { Metrics } from './metrics';
import type { OptimizerConfig } from './optimizers';
import { NO_REGULARIZATION, type Regularization } from './regularization';
import type { Schedule } from './schedules';

export interface TrainerConfig {
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly optimizer: OptimizerConfig;
  readonly schedule: Schedule;
  readonly warmupSteps: number;
  readonly regularization: Regularization;
  readonly loss: LossKind;
  readonly augmentation: AugmentOptions | null;
  readonly seed: number;
  /**
   * A progress event every this many steps, and always after the last step of an epoch, after a
   * single step taken with stepOnce() (so Step shows its result at once) and after a validation check.
   */
  readonly progressEvery: number;
  /**
   * Checks of a fixed validation subset per epoch, evenly spaced, the last at the epoch's end
   * (0 = none); each arrives as the `validation` of that step's progress event. The full
   * validation pass at each epoch's end ('epoch' event) is unchanged.
   */
  readonly validationChecks: number;
  /** Images in that subset, drawn once from the validation set by the seed (all of it when smaller). */
  readonly validationSubset: number;
}

export const DEFAULT_TRAINER_CONFIG: TrainerConfig = {
  epochs: 1,
  batchSize: 64,
  learningRate: 0.001,
  optimizer: { kind: 'adam' },
  schedule: { kind: 'constant' },
  warmupSteps: 0,
  regularization: NO_REGULARIZATION,
  loss: 'crossEntropy',
  augmentation: null,
  seed: 1,
  progressEvery: 20,
  validationChecks: 0,
  validationSubset: 500,
};

export type TrainerStatus = 'idle' | 'running' | 'paused' | 'done' | 'cancelled' | 'diverged';

export interface Progress {
  readonly step: number;
  readonly totalSteps: number;
  readonly stepsPerEpoch: number;
  /** Fractional epochs done, e.g. 1.25. */
  readonly epoch: number;
  /** Mean training loss and accuracy over the steps since the previous progress event. */
  readonly loss: number;
  readonly accuracy: number;
  readonly learningRate: number;
  /** Training images per second so far, excluding evaluation and pauses. */
  readonly imagesPerSecond: number;
  readonly trainingMs: number;
  /** The validation subset's metrics, on the weights after this step, when a check fell on it. */
  readonly validation?: Metrics;
}

export type TrainerEvent =
  | { readonly type: 'progress'; readonly progress: Progress }
  | { readonly type: 'epoch'; readonly epoch: number; readonly train: Metrics; readonly validation: Metrics | null }
  | { readonly type: 'status'; readonly status: TrainerStatus; readonly message: string | null };

export interface TrainResult {
  readonly status: TrainerStatus;
  readonly steps: number;
  readonly images: number;
  readonly imagesPerSecond: number;
  readonly trainingMs: number;
  readonly train: Metrics | null;
  readonly validation: Metrics | null;
  readonly message: string | null;
}

export interface TrainerData {
  readonly train: Dataset;
  readonly validation?: Dataset;
}

/**
 * What the worker, the CLI and the UI use of a trainer, whichever backend runs it: the CPU
 * `Trainer` (engine/train/trainer.ts) and the WebGPU `GpuTrainer` (engine/gpu/trainer.ts) both
 * implement it, through the loop they share (engine/train/loop.ts).
 */
export interface TrainingRun {
  readonly config: TrainerConfig;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  readonly status: TrainerStatus;
  readonly stepsDone: number;
  setLearningRate(learningRate: number): void;
  subscribe(listener: (event: TrainerEvent) => void): () => void;
  run(): Promise<TrainResult>;
  pause(): void;
  resume(): void;
  stepOnce(): void;
  cancel(): void;
  result(): TrainResult;
}
