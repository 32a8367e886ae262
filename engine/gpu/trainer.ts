/**
 * The WebGPU training loop, with the same API and events as engine/train/trainer.ts `Trainer`,
 * so the worker, CLI and UI switch backends with one option.
 *
 * What differs is what it does NOT do per step: the dataset is uploaded once as bytes and
 * batches are gathered on the GPU from the epoch's shuffled order (the same seeded permutation
 * as the CPU trainer); each step is one encoder and one submit; metrics accumulate on the GPU
 * and are copied out every `progressEvery` steps through a ring of staging buffers, read while
 * later steps run. The loop waits on a readback only when every ring slot is in flight, which
 * bounds how far ahead of the GPU it may queue work (and so how fast pause and cancel act).
 *
 * Divergence is seen at a readback, after the fact: the run stops with status 'diverged' and the
 * weights are restored from the last finite checkpoint (read at epoch ends and every few seconds).
 */
import { drawAugments } from '../data/augment';
import type { Dataset } from '../data/dataset';
import { createRng, permutation, type Rng } from '../tensor/rng';
import type { Tensor } from '../tensor/tensor';
import type { Metrics } from '../train/metrics';
import { RunControl } from '../train/run-control';
import { learningRateAt } from '../train/schedules';
import {
  DEFAULT_TRAINER_CONFIG,
  type Progress,
  type TrainerConfig,
  type TrainerData,
  type TrainerEvent,
  type TrainerStatus,
  type TrainingRun,
  type TrainResult,
} from '../train/trainer';
import { isValidationCheck, validationSubset } from '../train/validation-checks';
import { yieldToEventLoop } from '../train/yield';
import { writeBytes } from './buffers';
import {
  type Checkpoint,
  Checkpointer,
  type Divergence,
  divergedMessage,
  type OptimizerState,
  type Snapshot,
} from './checkpoint';
import { GpuEvaluator } from './evaluate';
import { uploadDataset } from './gather';
import { metricsWords } from './loss';
import { type GpuMetrics, MetricsRing } from './metrics';
import { addGpuMetrics, emptyGpuMetrics, toMetrics } from './metrics-sum';
import type { GpuModel, NamedArrays } from './model';
import { OrderedReads } from './ordered-reads';
import { replayStreams } from './replay';
import { GpuTrainStep } from './train-step';

const SLOTS = 3;

export interface GpuTrainerOptions {
  /** Continue a run at this step (after a lost device): shuffle and dropout streams are advanced to it. */
  readonly startStep?: number;
  /** The optimiser state to continue with (a checkpoint's, taken at startStep); fresh without it. */
  readonly optimizer?: OptimizerState | null;
  /** Read a checkpoint (weights and optimiser state) at most this often while training, in ms (default 2000). */
  readonly checkpointMs?: number;
}

export class GpuTrainer implements TrainingRun {
  private configValue: TrainerConfig;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  private readonly control = new RunControl();
  private readonly shuffleRng: Rng;
  private readonly noiseRng: Rng;
  private readonly classes: number;
  private readonly indices: GPUBuffer;
  private readonly ring: MetricsRing;
  private readonly stepper: GpuTrainStep;
  private readonly lost: Promise<null>;
  private evaluator: GpuEvaluator | null = null;
  /** Evaluates the fixed validation subset of the mid-epoch checks (engine/train/validation-checks.ts). */
  private checkEvaluator: GpuEvaluator | null = null;
  /** A check step's progress, held back until the subset's metrics can go out with it. */
  private held: { readonly step: number; progress: Progress | null } | null = null;
  private step: number;
  private images = 0;
  private trainingMs = 0;
  /** When the step in progress began (its time is not yet in trainingMs), or null. */
  private stepBegan: number | null = null;
  private epochSum: GpuMetrics;
  private lastTrain: Metrics | null = null;
  private lastValidation: Metrics | null = null;
  private readonly reads = new OrderedReads(SLOTS);
  private lastGoodStep: number;
  private diverged: Divergence | null = null;
  private lostMessage: string | null = null;
  private readonly checkpoints: Checkpointer;

  constructor(
    readonly model: GpuModel,
    readonly data: TrainerData,
    config: Partial<TrainerConfig> = {},
    options: GpuTrainerOptions = {},
  ) {
    this.configValue = { ...DEFAULT_TRAINER_CONFIG, ...config };
    const { batchSize, epochs, seed } = this.configValue;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('Batch size must be a whole number ≥ 1.');
    if (data.train.count < 1) throw new RangeError('The training set is empty.');
    this.stepsPerEpoch = Math.ceil(data.train.count / batchSize);
    this.totalSteps = this.stepsPerEpoch * epochs;
    const root = createRng(seed);
    this.shuffleRng = root.fork();
    this.noiseRng = root.fork();
    this.classes = data.train.classNames.length;
    this.epochSum = emptyGpuMetrics(this.classes);
    const { ctx } = model;
    const accumulator = ctx.pool.storage('train metrics', metricsWords(this.classes) * 4);
    this.indices = ctx.pool.storage('train shuffled order', data.train.count * 4);
    this.ring = new MetricsRing(ctx, 'train', accumulator, this.classes, SLOTS);
    this.stepper = new GpuTrainStep(model, uploadDataset(ctx, data.train), this.indices, accumulator, this.configValue);
    this.step = options.startStep ?? 0;
    const dropouts = model.summary.layers.filter((l) => l.type === 'dropout').length;
    const use = {
      count: data.train.count,
      batchSize,
      stepsPerEpoch: this.stepsPerEpoch,
      dropouts,
      augmentation: this.configValue.augmentation,
    };
    const order = replayStreams(this.step, use, this.shuffleRng, this.noiseRng);
    if (order) writeBytes(model.device, this.indices, order);
    this.lastGoodStep = this.step;
    if (options.optimizer) this.stepper.restoreState(options.optimizer);
    this.checkpoints = new Checkpointer(() => this.readSnapshot(), options.checkpointMs ?? 2000);
    this.lost = model.device.lost.then((info) => {
      this.lostMessage = `The GPU device was lost (${info.message || info.reason}) at step ${this.step}.`;
      this.control.wakeLoop();
      return null;
    });
  }

  get config(): TrainerConfig {
    return this.configValue;
  }

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

  /** The last weights and optimiser state read back with finite values, and the step they are from. */
  get checkpoint(): Checkpoint | null {
    return this.checkpoints.value;
  }

  subscribe(listener: (event: TrainerEvent) => void): () => void {
    return this.control.subscribe(listener);
  }

  readWeights(): Promise<NamedArrays> {
    return this.model.readWeights();
  }

  writeWeights(weights: Readonly<Record<string, ArrayLike<number>>>): void {
    this.model.writeWeights(weights);
  }

  /** Evaluation-mode outputs of every layer for one sample [C, H, W]. */
  forwardSample(image: Float32Array): Promise<Tensor[]> {
    return this.model.forwardSample(image);
  }

  async run(): Promise<TrainResult> {
    if (this.control.status === 'idle') this.control.setStatus('running');
    if (!this.checkpoints.value) await this.checkpoints.take(this.step);
    let lastYield = performance.now();
    while (this.step < this.totalSteps && (await this.control.turn(() => this.stopped()))) {
      await this.trainOneStep();
      if (performance.now() - lastYield > 30) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    }
    await this.drain();
    if (this.lostMessage) this.control.setStatus('cancelled', this.lostMessage);
    else if (this.diverged) this.stopDiverged(this.diverged);
    else if (this.control.cancelRequested) this.control.setStatus('cancelled');
    else this.control.setStatus('done');
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

  private stopped(): boolean {
    return this.lostMessage !== null || this.diverged !== null;
  }

  /** Images per second of training so far, counting the step in progress (readbacks land mid-step). */
  private imagesPerSecond(): number {
    const ms = this.trainingMs + (this.stepBegan === null ? 0 : performance.now() - this.stepBegan);
    return ms > 0 ? (this.images * 1000) / ms : 0;
  }

  private async trainOneStep(): Promise<void> {
    const began = performance.now();
    this.stepBegan = began;
    const { batchSize, progressEvery } = this.config;
    const train = this.data.train;
    const inEpoch = this.step % this.stepsPerEpoch;
    if (inEpoch === 0) writeBytes(this.model.device, this.indices, permutation(train.count, this.shuffleRng));
    const start = inEpoch * batchSize;
    const n = Math.min(batchSize, train.count - start);
    const lr = learningRateAt(this.config.learningRate, this.config.schedule, {
      step: this.step,
      stepsPerEpoch: this.stepsPerEpoch,
      totalSteps: this.totalSteps,
      warmupSteps: this.config.warmupSteps,
    });
    // Augmentation choices first, then dropout seeds: the CPU trainer's order on the same stream.
    const augmentation = this.config.augmentation;
    const augments = augmentation ? drawAugments(n, augmentation, this.noiseRng) : null;
    const encoder = this.stepper.record(n, start, lr, () => this.noiseRng.int(4294967296), augments);
    this.step++;
    this.images += n;
    const endOfEpoch = this.step % this.stepsPerEpoch === 0;
    // A single step (Step button) is read back at once, so the page shows its result.
    const check = this.validationCheckDue();
    const capture = this.step % progressEvery === 0 || endOfEpoch || this.control.singleStep || check;
    if (check) this.held = { step: this.step, progress: null };
    // Wait for a free staging slot (the only wait in the loop), then capture into this step's encoder.
    if (capture) await this.reads.room();
    const slot = capture ? this.ring.capture(encoder) : -1;
    this.model.device.queue.submit([encoder.finish()]);
    if (slot >= 0) this.track(slot, this.step, lr);
    if (endOfEpoch || check) await this.drain();
    this.trainingMs += performance.now() - began;
    this.stepBegan = null;
    if (check && !this.stopped()) await this.emitCheck();
    if (endOfEpoch && !this.stopped()) await this.finishEpoch();
  }

  /** Starts reading `slot` now; readbacks are handled in capture order. */
  private track(slot: number, step: number, lr: number): void {
    this.reads.add(this.race(this.ring.read(slot)), (m) => this.onMetrics(m, step, lr));
  }

  /** The weights and optimiser state after all work submitted so far, read in one copy. */
  private async readSnapshot(): Promise<Snapshot | null> {
    const ranges = this.stepper.stateRanges();
    const updates = this.stepper.updates;
    const all = await this.race(this.model.readWeights(ranges));
    if (!all) return null;
    const values: NamedArrays = {};
    for (const r of ranges) {
      values[r.name] = all[r.name]!;
      delete all[r.name];
    }
    return { weights: all, optimizer: { updates, values } };
  }

  private race<T>(p: Promise<T>): Promise<T | null> {
    return Promise.race([p, this.lost]).catch((error: unknown) => {
      if (this.lostMessage) return null;
      throw error;
    });
  }

  private async drain(): Promise<void> {
    await this.reads.drain();
    await this.checkpoints.settled();
  }

  private onMetrics(m: GpuMetrics | null, step: number, lr: number): void {
    if (!m || this.diverged) return;
    // The loss a student sees: data loss plus the L1/L2 penalty, per sample (the CPU trainer's).
    const lossSum = m.lossSum + m.penaltySum;
    if (!Number.isFinite(lossSum)) {
      this.diverged = { step, loss: lossSum, lr };
      return;
    }
    this.lastGoodStep = step;
    this.epochSum = addGpuMetrics(this.epochSum, m);
    const progress: Progress = {
      step,
      totalSteps: this.totalSteps,
      stepsPerEpoch: this.stepsPerEpoch,
      epoch: step / this.stepsPerEpoch,
      loss: lossSum / m.count,
      accuracy: m.correct / m.count,
      learningRate: lr,
      imagesPerSecond: this.imagesPerSecond(),
      trainingMs: this.trainingMs,
    };
    if (this.held?.step === step) this.held.progress = progress;
    else this.control.emit({ type: 'progress', progress });
    this.checkpoints.maybeTake(this.step);
  }

  private validationCheckDue(): boolean {
    if (!this.data.validation || this.data.validation.count === 0) return false;
    const inEpoch = ((this.step - 1) % this.stepsPerEpoch) + 1;
    return isValidationCheck(inEpoch, this.stepsPerEpoch, this.config.validationChecks);
  }

  /** After a check step's readback: the validation subset on the weights after it, sent with its progress. */
  private async emitCheck(): Promise<void> {
    const progress = this.held?.progress ?? null;
    this.held = null;
    if (!progress) return;
    const { validationSubset: size, seed, batchSize, loss } = this.config;
    this.checkEvaluator ??= new GpuEvaluator(
      this.model,
      validationSubset(this.data.validation!, size, seed),
      Math.max(batchSize, 256),
      loss,
    );
    const validation = await this.race(this.checkEvaluator.run());
    if (this.stopped()) return;
    this.control.emit({ type: 'progress', progress: validation ? { ...progress, validation } : progress });
  }

  private async finishEpoch(): Promise<void> {
    this.lastTrain = toMetrics(this.epochSum, this.classes);
    this.epochSum = emptyGpuMetrics(this.classes);
    const validation: Dataset | undefined = this.data.validation;
    if (validation) {
      this.evaluator ??= new GpuEvaluator(
        this.model,
        validation,
        Math.max(this.config.batchSize, 256),
        this.config.loss,
      );
      this.lastValidation = await this.race(this.evaluator.run());
    }
    if (this.stopped()) return;
    this.control.emit({
      type: 'epoch',
      epoch: this.step / this.stepsPerEpoch,
      train: this.lastTrain,
      validation: this.lastValidation,
    });
    await this.checkpoints.take(this.step);
  }

  private stopDiverged(d: Divergence): void {
    const checkpoint = this.checkpoints.value;
    if (checkpoint) {
      this.model.writeWeights(checkpoint.weights);
      this.step = checkpoint.step;
    }
    this.control.setStatus(
      'diverged',
      divergedMessage(d, this.lastGoodStep, this.config.seed, checkpoint?.step ?? null),
    );
  }
}
