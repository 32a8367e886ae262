/**
 * The CPU trainer: the shared training loop (engine/train/loop.ts: seeded shuffling and batching,
 * schedule, pause / resume / single-step / cancel, progress and epoch events) with steps taken on
 * the TypeScript engine, per-epoch evaluation, and a window of host-side metrics per progress event.
 *
 * Everything random (shuffle order, dropout masks, augmentation) comes from one seed, so two
 * runs with the same seed, model and data produce bit-identical weights.
 */
import { augmentBatch } from '../data/augment';
import { gatherBatch } from '../data/batch';
import type { PlannedStep } from './epoch-plan';
import { evaluate } from './evaluate';
import { TrainingLoop } from './loop';
import { countCorrect, type Metrics, MetricsAccumulator } from './metrics';
import type { Model } from './model';
import { createOptimizer, type Optimizer } from './optimizers';
import { type StepFn, trainStep } from './step';
import type { TrainerConfig, TrainerData } from './training-run';

export {
  DEFAULT_TRAINER_CONFIG,
  type Progress,
  type TrainerConfig,
  type TrainerData,
  type TrainerEvent,
  type TrainerStatus,
  type TrainingRun,
  type TrainResult,
} from './training-run';

/** How the CPU `Trainer` is put together, beyond its config. */
export interface TrainerOptions {
  /** Takes one step on one batch (default `trainStep`, on this thread). */
  readonly step?: StepFn;
}

export class Trainer extends TrainingLoop {
  readonly optimizer: Optimizer;
  private readonly takeStepOn: StepFn;
  private readonly batchX: Float32Array;
  private readonly batchLabels: Uint8Array;
  /** Summed metrics of the steps since the last progress event. */
  private window = { loss: 0, correct: 0, count: 0 };
  private epochMetrics: MetricsAccumulator;

  constructor(
    readonly model: Model,
    data: TrainerData,
    config: Partial<TrainerConfig> = {},
    /**
     * Continues a run at this step (a resumed session, a restored checkpoint): the epoch counter
     * goes on from it and the shuffle order is replayed, so the batches are the ones the first run
     * would have taken; dropout and augmentation noise are drawn afresh.
     */
    startStep = 0,
    options: TrainerOptions = {},
  ) {
    super(data, config, startStep);
    this.takeStepOn = options.step ?? trainStep;
    this.optimizer = createOptimizer(this.config.optimizer);
    const [c, h, w] = data.train.shape;
    this.batchX = new Float32Array(this.config.batchSize * c * h * w);
    this.batchLabels = new Uint8Array(this.config.batchSize);
    this.epochMetrics = new MetricsAccumulator(data.train.classNames.length);
  }

  protected async takeStep(planned: PlannedStep): Promise<boolean> {
    const { seed, augmentation } = this.config;
    const train = this.data.train;
    const n = planned.size;
    const indices = planned.order.subarray(planned.start, planned.start + n);
    const [c, h, w] = train.shape;
    const x = { shape: [n, c, h, w], data: this.batchX.subarray(0, n * c * h * w) };
    const began = performance.now();
    gatherBatch(train, indices, x.data);
    for (let i = 0; i < n; i++) this.batchLabels[i] = train.labels[indices[i]!]!;
    const labels = this.batchLabels.subarray(0, n);
    if (augmentation) augmentBatch(x.data, [n, c, h, w], augmentation, this.noiseRng, x.data);
    const lr = planned.learningRate;
    const result = await this.takeStepOn(this.model, this.optimizer, {
      x,
      labels,
      lr,
      loss: this.config.loss,
      regularization: this.config.regularization,
      rng: this.noiseRng,
      step: planned.index,
    });
    this.trainingMs += performance.now() - began;
    if (!result.finite) {
      this.control.setStatus(
        'diverged',
        `The loss became ${result.loss} at step ${planned.index + 1} (seed ${seed}). The learning rate ${lr.toPrecision(3)} is probably too high for this model: lower it and train again. The weights are kept as they were before that step.`,
      );
      return false;
    }
    this.advance(n);
    this.epochMetrics.addBatch(result.logits, labels, n, result.dataLoss);
    this.window = {
      loss: this.window.loss + result.loss * n,
      correct: this.window.correct + countCorrect(result.logits, labels, n, train.classNames.length),
      count: this.window.count + n,
    };
    if (planned.reportsProgress) {
      const progress = this.progressAt(this.step, this.window, lr);
      this.emitProgress(progress, planned.checksValidation ? this.checkValidation() : undefined);
      this.window = { loss: 0, correct: 0, count: 0 };
    }
    if (planned.endsEpoch) this.finishEpoch();
    return true;
  }

  private checkValidation(): Metrics {
    return evaluate(this.model, this.validationCheckSet(), this.evaluationBatchSize, this.config.loss);
  }

  private finishEpoch(): void {
    const train = this.epochMetrics.result();
    this.lastTrain = train;
    this.epochMetrics = new MetricsAccumulator(this.data.train.classNames.length);
    const validation = this.data.validation;
    this.lastValidation = validation
      ? evaluate(this.model, validation, this.evaluationBatchSize, this.config.loss)
      : null;
    this.emitEpoch(train);
  }
}
