/**
 * The training loop every trainer shares, whatever backend takes the steps: the config and its
 * checks, the run's random streams, the epoch plan, the yield / pause / single-step / cancel loop,
 * the counters, the progress and epoch events, and the result. A backend's trainer extends it and
 * supplies only how it takes one planned step (and evaluates); the CPU `Trainer`
 * (engine/train/trainer.ts) and the WebGPU `GpuTrainer` (engine/gpu/trainer.ts) do.
 *
 * Everything random comes from one seed, split into two streams: the plan's shuffle, and the
 * `noise` a step draws its augmentation and dropout from. Same seed, same batches, same noise.
 */
import type { Dataset } from '../data/dataset';
import { createRng, type Rng } from '../tensor/rng';
import { EpochPlan, type PlannedStep } from './epoch-plan';
import type { Metrics } from './metrics';
import { RunControl } from './run-control';
import {
  DEFAULT_TRAINER_CONFIG,
  type Progress,
  type TrainerConfig,
  type TrainerData,
  type TrainerEvent,
  type TrainerStatus,
  type TrainingRun,
  type TrainResult,
} from './training-run';
import { validationSubset } from './validation-checks';
import { yieldToEventLoop } from './yield';

/** How long the loop may keep the thread before it lets messages, pause and cancel through. */
const YIELD_EVERY_MS = 30;

/** Summed training metrics over some steps, as a progress event reports them per image. */
export interface MetricSums {
  /** Sum over images of the loss a student sees (data loss plus penalty). */
  readonly loss: number;
  readonly correct: number;
  readonly count: number;
}

export abstract class TrainingLoop implements TrainingRun {
  private configValue: TrainerConfig;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  protected readonly control = new RunControl();
  /** What a step draws augmentation choices and dropout masks from, in the order it takes them. */
  protected readonly noiseRng: Rng;
  private readonly plan: EpochPlan;
  /** Steps done. */
  protected step: number;
  protected images = 0;
  /** Time spent in steps, without evaluation and pauses. */
  protected trainingMs = 0;
  protected lastTrain: Metrics | null = null;
  protected lastValidation: Metrics | null = null;
  private checkSet: Dataset | null = null;

  /**
   * `startStep` continues a run at that step (a resumed session, a restored checkpoint): the epoch
   * counter goes on from it and the shuffle order is replayed, so the batches are the ones the
   * first run would have taken. Whether the noise stream is replayed too is the backend's choice.
   */
  constructor(
    readonly data: TrainerData,
    config: Partial<TrainerConfig>,
    startStep: number,
  ) {
    this.configValue = { ...DEFAULT_TRAINER_CONFIG, ...config };
    const { batchSize, epochs, seed } = this.configValue;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('Batch size must be a whole number ≥ 1.');
    if (data.train.count < 1) throw new RangeError('The training set is empty.');
    if (!Number.isInteger(startStep) || startStep < 0)
      throw new RangeError('The start step must be a whole number ≥ 0.');
    const root = createRng(seed);
    const shuffle = root.fork();
    this.noiseRng = root.fork();
    const validates = (data.validation?.count ?? 0) > 0;
    this.plan = new EpochPlan(data.train.count, batchSize, epochs, shuffle, validates);
    this.stepsPerEpoch = this.plan.stepsPerEpoch;
    this.totalSteps = this.plan.totalSteps;
    this.step = Math.min(startStep, this.totalSteps);
    this.plan.replayTo(this.step);
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

  /** Trains until all epochs are done, or cancelled, or the backend stops the run (divergence, a lost device). */
  async run(): Promise<TrainResult> {
    if (this.control.status === 'idle') this.control.setStatus('running');
    await this.beforeRun();
    let lastYield = performance.now();
    while (this.step < this.totalSteps && (await this.control.turn(() => this.stopped()))) {
      const planned = this.plan.at(this.step, this.config, this.control.singleStep);
      if (!(await this.takeStep(planned))) break;
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    }
    await this.settle();
    this.endRun();
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
      imagesPerSecond: this.imagesPerSecond(),
      trainingMs: this.trainingMs,
      train: this.lastTrain,
      validation: this.lastValidation,
      message: this.control.message,
    };
  }

  /**
   * Takes one planned step: trains on its batch, calls `advance` once the step counts, and sends
   * what falls due after it. Resolves false when the run must stop at once (e.g. a loss that is
   * not finite seen right away).
   */
  protected abstract takeStep(planned: PlannedStep): Promise<boolean>;

  /** Before the first step of run(). */
  protected async beforeRun(): Promise<void> {}

  /** True when the loop must stop before the next step for a reason of the backend's own. */
  protected stopped(): boolean {
    return false;
  }

  /** After the last step, before the final status: work still in flight is finished. */
  protected async settle(): Promise<void> {}

  /** Sets the final status: cancelled when asked, done unless the run already stopped as diverged. */
  protected endRun(): void {
    if (this.control.cancelRequested) this.control.setStatus('cancelled');
    else if (this.control.status !== 'diverged') this.control.setStatus('done');
  }

  /** Training images per second so far. */
  protected imagesPerSecond(): number {
    return this.trainingMs > 0 ? (this.images * 1000) / this.trainingMs : 0;
  }

  /** Counts a step of `size` images as done. */
  protected advance(size: number): void {
    this.step++;
    this.images += size;
  }

  /** The progress event after `step` steps, from the metrics summed since the previous one. */
  protected progressAt(step: number, sums: MetricSums, learningRate: number): Progress {
    return {
      step,
      totalSteps: this.totalSteps,
      stepsPerEpoch: this.stepsPerEpoch,
      epoch: step / this.stepsPerEpoch,
      loss: sums.loss / sums.count,
      accuracy: sums.correct / sums.count,
      learningRate,
      imagesPerSecond: this.imagesPerSecond(),
      trainingMs: this.trainingMs,
    };
  }

  protected emitProgress(progress: Progress, validation?: Metrics): void {
    this.control.emit({ type: 'progress', progress: validation ? { ...progress, validation } : progress });
  }

  /** Sends the epoch event: the epoch's training metrics, and lastValidation (the backend has just set it). */
  protected emitEpoch(train: Metrics): void {
    this.control.emit({ type: 'epoch', epoch: this.step / this.stepsPerEpoch, train, validation: this.lastValidation });
  }

  /** Images per evaluation batch: at least the training batch, and large enough to be quick. */
  protected get evaluationBatchSize(): number {
    return Math.max(this.config.batchSize, 256);
  }

  /** The fixed validation subset the mid-epoch checks evaluate, drawn from the seed on first use. */
  protected validationCheckSet(): Dataset {
    const validation = this.data.validation;
    if (!validation) throw new Error('validationCheckSet(): the plan checks validation only when there is a set.');
    this.checkSet ??= validationSubset(validation, this.config.validationSubset, this.config.seed);
    return this.checkSet;
  }
}
