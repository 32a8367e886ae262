/**
 * Drives a ConvLab trainer (Trainer, or GpuTrainer with the same public API) a given number of steps
 * at a time, so the bench can time exactly the steps it wants while the trainer does everything it
 * does in the app (shuffling, batch gathering, metrics). The trainer is paused before run(); each
 * stepOnce() queues one step, and a progress event (progressEvery: 1) marks each step done.
 */
import type { Dataset } from '../../engine/data/dataset';
import type { TrainerConfig, TrainerEvent, TrainerStatus, TrainResult } from '../../engine/train/trainer';
import type { RunConfig } from '../protocol';

/** Enough epochs that a trainer never finishes on its own; the bench stops it. */
const EPOCHS = 1000;

/** Every ConvLab trainer's settings in the bench: SGD with momentum and the run's batch, rate and seed. */
export function benchTrainerConfig(config: RunConfig, progressEvery: number): Partial<TrainerConfig> {
  return {
    epochs: EPOCHS,
    batchSize: config.batchSize,
    learningRate: config.learningRate,
    optimizer: { kind: 'momentum', momentum: config.momentum },
    seed: config.seed,
    progressEvery,
  };
}

export interface SteppableTrainer {
  readonly stepsDone: number;
  readonly stepsPerEpoch: number;
  readonly status: TrainerStatus;
  subscribe(listener: (event: TrainerEvent) => void): () => void;
  run(): Promise<TrainResult>;
  pause(): void;
  stepOnce(): void;
  cancel(): void;
}

export class TrainerDriver {
  private lossValue: number | null = null;
  private stepsSeen = 0;
  private waiter: { target: number; resolve: () => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private readonly finished: Promise<TrainResult>;

  constructor(
    private readonly trainer: SteppableTrainer,
    private readonly every = 1,
    private readonly queueDone: (() => Promise<void>) | null = null,
  ) {
    trainer.subscribe((event) => this.onEvent(event));
    trainer.pause();
    this.finished = trainer.run();
  }

  /**
   * Queues n steps and resolves with n once they have really finished. A step that reports
   * (every `every` steps, the trainer's progressEvery, and each epoch's end) is done when its
   * progress event arrives, which for GpuTrainer is after its metrics were read back from the GPU.
   * Otherwise the driver waits until the trainer has taken (and so submitted) the last step, then
   * for `queueDone` (GPUQueue.onSubmittedWorkDone), so the GPU has executed everything queued.
   */
  async steps(n: number): Promise<number> {
    if (this.failure) throw this.failure;
    const target = this.trainer.stepsDone + n;
    const reports = target % this.every === 0 || target % this.trainer.stepsPerEpoch === 0;
    const reported = reports || !this.queueDone ? this.reportOf(target) : null;
    for (let i = 0; i < n; i++) this.trainer.stepOnce();
    if (reported) {
      await reported;
      return n;
    }
    while (this.trainer.stepsDone < target) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    await this.queueDone?.();
    return n;
  }

  private reportOf(target: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiter = { target, resolve, reject };
    });
  }

  get loss(): number | null {
    return this.lossValue;
  }

  async stop(): Promise<void> {
    this.trainer.cancel();
    await this.finished;
  }

  private onEvent(event: TrainerEvent): void {
    if (event.type === 'progress') {
      this.stepsSeen = event.progress.step;
      this.lossValue = event.progress.loss;
      if (this.waiter && this.stepsSeen >= this.waiter.target) this.settle(null);
    } else if (event.type === 'status' && (event.status === 'diverged' || event.status === 'done')) {
      this.failure = new Error(event.message ?? `training stopped early (${event.status})`);
      this.settle(this.failure);
    }
  }

  private settle(error: Error | null): void {
    const waiter = this.waiter;
    this.waiter = null;
    if (!waiter) return;
    if (error) waiter.reject(error);
    else waiter.resolve();
  }
}

/** The first `count` samples of a dataset, without copying. */
export function firstSamples(dataset: Dataset, count: number): Dataset {
  const size = dataset.shape.reduce((a, b) => a * b, 1);
  return {
    ...dataset,
    // A distinct name: GPU buffers are labelled (and pooled) by dataset name.
    name: `${dataset.name}-first-${count}`,
    count,
    images: dataset.images.subarray(0, count * size),
    labels: dataset.labels.subarray(0, count),
  };
}
