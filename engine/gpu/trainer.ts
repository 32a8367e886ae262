/**
 * The WebGPU trainer: the shared training loop (engine/train/loop.ts), so the same API, epoch plan
 * and events as the CPU `Trainer`, with steps encoded for the GPU. The worker, CLI and UI switch
 * backends with one option.
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
import { createRng } from '../tensor/rng';
import type { Tensor } from '../tensor/tensor';
import type { PlannedStep } from '../train/epoch-plan';
import { TrainingLoop } from '../train/loop';
import type { Progress, TrainerConfig, TrainerData } from '../train/training-run';
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

export class GpuTrainer extends TrainingLoop {
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
  /** When the step in progress began (its time is not yet in trainingMs), or null. */
  private stepBegan: number | null = null;
  private epochSum: GpuMetrics;
  private readonly reads = new OrderedReads(SLOTS);
  private lastGoodStep: number;
  private diverged: Divergence | null = null;
  private lostMessage: string | null = null;
  private readonly checkpoints: Checkpointer;

  constructor(
    readonly model: GpuModel,
    data: TrainerData,
    config: Partial<TrainerConfig> = {},
    options: GpuTrainerOptions = {},
  ) {
    super(data, config, options.startStep ?? 0);
    const { batchSize, seed } = this.config;
    this.classes = data.train.classNames.length;
    this.epochSum = emptyGpuMetrics(this.classes);
    const { ctx } = model;
    const accumulator = ctx.pool.storage('train metrics', metricsWords(this.classes) * 4);
    this.indices = ctx.pool.storage('train shuffled order', data.train.count * 4);
    this.ring = new MetricsRing(ctx, 'train', accumulator, this.classes, SLOTS);
    this.stepper = new GpuTrainStep(model, uploadDataset(ctx, data.train), this.indices, accumulator, this.config);
    const dropouts = model.summary.layers.filter((l) => l.type === 'dropout').length;
    const use = {
      count: data.train.count,
      batchSize,
      stepsPerEpoch: this.stepsPerEpoch,
      dropouts,
      augmentation: this.config.augmentation,
    };
    // The loop has replayed the shuffle stream already; replayStreams advances the noise stream as
    // the earlier steps drew from it, and replays a copy of the shuffle stream (the run's first fork)
    // to hand back the current epoch's order, the plan's own.
    const order = replayStreams(this.step, use, createRng(seed).fork(), this.noiseRng);
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

  /** The last weights and optimiser state read back with finite values, and the step they are from. */
  get checkpoint(): Checkpoint | null {
    return this.checkpoints.value;
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

  protected override async beforeRun(): Promise<void> {
    if (!this.checkpoints.value) await this.checkpoints.take(this.step);
  }

  protected override async settle(): Promise<void> {
    await this.drain();
  }

  /** A lost device or a divergence seen at a readback decides the status; else the loop's rule. */
  protected override endRun(): void {
    if (this.lostMessage) this.control.setStatus('cancelled', this.lostMessage);
    else if (this.diverged) this.stopDiverged(this.diverged);
    else super.endRun();
  }

  protected override stopped(): boolean {
    return this.lostMessage !== null || this.diverged !== null;
  }

  /** Images per second of training so far, counting the step in progress (readbacks land mid-step). */
  protected override imagesPerSecond(): number {
    const ms = this.trainingMs + (this.stepBegan === null ? 0 : performance.now() - this.stepBegan);
    return ms > 0 ? (this.images * 1000) / ms : 0;
  }

  protected async takeStep(planned: PlannedStep): Promise<boolean> {
    const began = performance.now();
    this.stepBegan = began;
    if (planned.shuffled) writeBytes(this.model.device, this.indices, planned.order);
    const n = planned.size;
    const lr = planned.learningRate;
    // Augmentation choices first, then dropout seeds: the CPU trainer's order on the same stream.
    const augmentation = this.config.augmentation;
    const augments = augmentation ? drawAugments(n, augmentation, this.noiseRng) : null;
    const encoder = this.stepper.record(n, planned.start, lr, () => this.noiseRng.int(4294967296), augments);
    this.advance(n);
    const { endsEpoch, checksValidation: check } = planned;
    // A progress step (single steps too, so the page shows their result) is read back.
    if (check) this.held = { step: this.step, progress: null };
    // Wait for a free staging slot (the only wait in the loop), then capture into this step's encoder.
    if (planned.reportsProgress) await this.reads.room();
    const slot = planned.reportsProgress ? this.ring.capture(encoder) : -1;
    this.model.device.queue.submit([encoder.finish()]);
    if (slot >= 0) this.track(slot, this.step, lr);
    if (endsEpoch || check) await this.drain();
    this.trainingMs += performance.now() - began;
    this.stepBegan = null;
    if (check && !this.stopped()) await this.emitCheck();
    if (endsEpoch && !this.stopped()) await this.finishEpoch();
    return true;
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
    const progress = this.progressAt(step, { loss: lossSum, correct: m.correct, count: m.count }, lr);
    if (this.held?.step === step) this.held.progress = progress;
    else this.emitProgress(progress);
    this.checkpoints.maybeTake(this.step);
  }

  /** After a check step's readback: the validation subset on the weights after it, sent with its progress. */
  private async emitCheck(): Promise<void> {
    const progress = this.held?.progress ?? null;
    this.held = null;
    if (!progress) return;
    this.checkEvaluator ??= new GpuEvaluator(
      this.model,
      this.validationCheckSet(),
      this.evaluationBatchSize,
      this.config.loss,
    );
    const validation = await this.race(this.checkEvaluator.run());
    if (this.stopped()) return;
    this.emitProgress(progress, validation ?? undefined);
  }

  private async finishEpoch(): Promise<void> {
    const train = toMetrics(this.epochSum, this.classes);
    this.lastTrain = train;
    this.epochSum = emptyGpuMetrics(this.classes);
    const validation = this.data.validation;
    if (validation) {
      this.evaluator ??= new GpuEvaluator(this.model, validation, this.evaluationBatchSize, this.config.loss);
      this.lastValidation = await this.race(this.evaluator.run());
    }
    if (this.stopped()) return;
    this.emitEpoch(train);
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
