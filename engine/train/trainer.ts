/**
 * The training loop: seeded shuffling and batching, steps, per-epoch evaluation, progress
 * events a UI or CLI can consume, and pause / resume / single-step / cancel.
 *
 * Everything random (shuffle order, dropout masks, augmentation) comes from one seed, so two
 * runs with the same seed, model and data produce bit-identical weights.
 */
import { type AugmentOptions, augmentBatch } from '../data/augment';
import { gatherBatch } from '../data/batch';
import type { Dataset } from '../data/dataset';
import { createRng, permutation, type Rng } from '../tensor/rng';
import { evaluate } from './evaluate';
import type { LossKind } from './loss';
import { countCorrect, type Metrics, MetricsAccumulator } from './metrics';
import type { Model } from './model';
import { createOptimizer, type Optimizer, type OptimizerConfig } from './optimizers';
import { NO_REGULARIZATION, type Regularization } from './regularization';
import { RunControl } from './run-control';
import { learningRateAt, type Schedule } from './schedules';
import { trainStep } from './step';
import { isValidationCheck, validationSubset } from './validation-checks';
import { yieldToEventLoop } from './yield';

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
 * `Trainer` below and the WebGPU `GpuTrainer` (engine/gpu/trainer.ts) both implement it.
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

export class Trainer implements TrainingRun {
  private configValue: TrainerConfig;
  readonly optimizer: Optimizer;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  private readonly control = new RunControl();
  private readonly shuffleRng: Rng;
  private readonly noiseRng: Rng;
  private readonly batchX: Float32Array;
  private readonly batchLabels: Uint8Array;
  private order: Uint32Array = new Uint32Array(0);
  private step = 0;
  private images = 0;
  private trainingMs = 0;
  private window = { loss: 0, correct: 0, count: 0, steps: 0 };
  private epochMetrics: MetricsAccumulator;
  private lastTrain: Metrics | null = null;
  private lastValidation: Metrics | null = null;
  /** The validation subset the mid-epoch checks evaluate, drawn on first use. */
  private checkSet: Dataset | null = null;

  constructor(
    readonly model: Model,
    readonly data: TrainerData,
    config: Partial<TrainerConfig> = {},
    /**
     * Continues a run at this step (a resumed session, a restored checkpoint): the epoch counter
     * goes on from it and the shuffle order is replayed, so the batches are the ones the first run
     * would have taken; dropout and augmentation noise are drawn afresh.
     */
    startStep = 0,
  ) {
    this.configValue = { ...DEFAULT_TRAINER_CONFIG, ...config };
    const { batchSize, epochs } = this.config;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('Batch size must be a whole number ≥ 1.');
    if (data.train.count < 1) throw new RangeError('The training set is empty.');
    this.optimizer = createOptimizer(this.config.optimizer);
    this.stepsPerEpoch = Math.ceil(data.train.count / batchSize);
    this.totalSteps = this.stepsPerEpoch * epochs;
    const root = createRng(this.config.seed);
    this.shuffleRng = root.fork();
    this.noiseRng = root.fork();
    if (!Number.isInteger(startStep) || startStep < 0)
      throw new RangeError('The start step must be a whole number ≥ 0.');
    this.step = Math.min(startStep, this.totalSteps);
    for (let e = 0; e < Math.floor(this.step / this.stepsPerEpoch); e++) permutation(data.train.count, this.shuffleRng);
    if (this.step % this.stepsPerEpoch !== 0) this.order = permutation(data.train.count, this.shuffleRng);
    const [c, h, w] = data.train.shape;
    this.batchX = new Float32Array(batchSize * c * h * w);
    this.batchLabels = new Uint8Array(batchSize);
    this.epochMetrics = new MetricsAccumulator(data.train.classNames.length);
  }

  get config(): TrainerConfig {
    return this.configValue;
  }

  /** Changes the base learning rate from the next step on (the schedule still applies). */
  setLearningRate(learningRate: number): void {
    if (!(learningRate > 0)) throw new RangeError('The learning rate must be a positive number.');
    this.configValue = { ...this.configValue, learningRate };
  }

  get status(): TrainerStatus {
    return this.control.status;
  }

  get stepsDone(): number {
    return this.step;
  }

  subscribe(listener: (event: TrainerEvent) => void): () => void {
    return this.control.subscribe(listener);
  }

  /** Trains until all epochs are done, or cancelled, or the loss diverges. */
  async run(): Promise<TrainResult> {
    if (this.control.status === 'idle') this.control.setStatus('running');
    let lastYield = performance.now();
    while (this.step < this.totalSteps && (await this.control.turn())) {
      if (!this.trainOneStep()) break;
      if (performance.now() - lastYield > 30) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    }
    if (this.control.cancelRequested) this.control.setStatus('cancelled');
    else if (this.control.status !== 'diverged') this.control.setStatus('done');
    return this.result();
  }

  pause(): void {
    this.control.pause();
  }

  resume(): void {
    this.control.resume();
  }

  /** While paused (or before run), asks the loop to take exactly one more step. */
  stepOnce(): void {
    this.control.stepOnce();
  }

  cancel(): void {
    this.control.cancel();
  }

  result(): TrainResult {
    return {
      status: this.control.status,
      steps: this.step,
      images: this.images,
      imagesPerSecond: this.trainingMs > 0 ? (this.images * 1000) / this.trainingMs : 0,
      trainingMs: this.trainingMs,
      train: this.lastTrain,
      validation: this.lastValidation,
      message: this.control.message,
    };
  }

  /** Returns false when training must stop (divergence). */
  private trainOneStep(): boolean {
    const { batchSize, seed } = this.config;
    const train = this.data.train;
    const inEpoch = this.step % this.stepsPerEpoch;
    if (inEpoch === 0) this.order = permutation(train.count, this.shuffleRng);
    const start = inEpoch * batchSize;
    const n = Math.min(batchSize, train.count - start);
    const indices = this.order.subarray(start, start + n);
    const [c, h, w] = train.shape;
    const x = { shape: [n, c, h, w], data: this.batchX.subarray(0, n * c * h * w) };
    const began = performance.now();
    gatherBatch(train, indices, x.data);
    for (let i = 0; i < n; i++) this.batchLabels[i] = train.labels[indices[i]!]!;
    const labels = this.batchLabels.subarray(0, n);
    if (this.config.augmentation) augmentBatch(x.data, [n, c, h, w], this.config.augmentation, this.noiseRng, x.data);
    const lr = this.learningRate();
    const result = trainStep(this.model, this.optimizer, {
      x,
      labels,
      lr,
      loss: this.config.loss,
      regularization: this.config.regularization,
      rng: this.noiseRng,
    });
    this.trainingMs += performance.now() - began;
    if (!result.finite) {
      this.control.setStatus(
        'diverged',
        `The loss became ${result.loss} at step ${this.step + 1} (seed ${seed}). The learning rate ${lr.toPrecision(3)} is probably too high for this model: lower it and train again. The weights are kept as they were before that step.`,
      );
      return false;
    }
    this.step++;
    this.images += n;
    this.epochMetrics.addBatch(result.logits, labels, n, result.dataLoss);
    this.window = {
      loss: this.window.loss + result.loss * n,
      correct: this.window.correct + countCorrect(result.logits, labels, n, train.classNames.length),
      count: this.window.count + n,
      steps: this.window.steps + 1,
    };
    const endOfEpoch = this.step % this.stepsPerEpoch === 0;
    const check = this.validationCheckDue();
    if (this.step % this.config.progressEvery === 0 || endOfEpoch || check || this.control.singleStep) {
      this.emitProgress(lr, check ? this.checkValidation() : undefined);
    }
    if (endOfEpoch) this.finishEpoch();
    return true;
  }

  private learningRate(): number {
    return learningRateAt(this.config.learningRate, this.config.schedule, {
      step: this.step,
      stepsPerEpoch: this.stepsPerEpoch,
      totalSteps: this.totalSteps,
      warmupSteps: this.config.warmupSteps,
    });
  }

  private validationCheckDue(): boolean {
    if (!this.data.validation || this.data.validation.count === 0) return false;
    const inEpoch = ((this.step - 1) % this.stepsPerEpoch) + 1;
    return isValidationCheck(inEpoch, this.stepsPerEpoch, this.config.validationChecks);
  }

  private checkValidation(): Metrics {
    const { validationSubset: size, seed, batchSize, loss } = this.config;
    this.checkSet ??= validationSubset(this.data.validation!, size, seed);
    return evaluate(this.model, this.checkSet, Math.max(batchSize, 256), loss);
  }

  private emitProgress(lr: number, validation?: Metrics): void {
    const { loss, correct, count } = this.window;
    this.control.emit({
      type: 'progress',
      progress: {
        step: this.step,
        totalSteps: this.totalSteps,
        stepsPerEpoch: this.stepsPerEpoch,
        epoch: this.step / this.stepsPerEpoch,
        loss: loss / count,
        accuracy: correct / count,
        learningRate: lr,
        imagesPerSecond: this.trainingMs > 0 ? (this.images * 1000) / this.trainingMs : 0,
        trainingMs: this.trainingMs,
        ...(validation ? { validation } : {}),
      },
    });
    this.window = { loss: 0, correct: 0, count: 0, steps: 0 };
  }

  private finishEpoch(): void {
    this.lastTrain = this.epochMetrics.result();
    this.epochMetrics = new MetricsAccumulator(this.data.train.classNames.length);
    const validation = this.data.validation;
    this.lastValidation = validation
      ? evaluate(this.model, validation, Math.max(this.config.batchSize, 256), this.config.loss)
      : null;
    this.control.emit({
      type: 'epoch',
      epoch: this.step / this.stepsPerEpoch,
      train: this.lastTrain,
      validation: this.lastValidation,
    });
  }
}
