/**
 * The epoch plan every trainer follows, whatever backend takes the steps: how many steps an epoch
 * has, which images each step trains on (a fresh seeded shuffle at each epoch's start), its
 * learning rate, and what is due after it (a progress event, a validation check, the epoch's end).
 *
 * The shuffle stream is the plan's own, so the CPU and the GPU trainers see the same batches from
 * the same seed, and a run continued at a step (a resumed session, a restored checkpoint) sees the
 * batches the first run would have taken.
 */
import { permutation, type Rng } from '../tensor/rng';
import { learningRateAt } from './schedules';
import type { TrainerConfig } from './training-run';
import { isValidationCheck } from './validation-checks';

/** One step of the plan: the batch it trains on and what falls due once it is taken. */
export interface PlannedStep {
  /** The step's place in the run, from 0; after it, `index + 1` steps are done. */
  readonly index: number;
  /** The epoch's shuffled order of training images (indices into the training set). */
  readonly order: Uint32Array;
  /** True when `order` was drawn for this step (the first of an epoch): a backend that keeps it elsewhere uploads it. */
  readonly shuffled: boolean;
  /** The batch is order[start, start + size); an epoch's last batch may be short. */
  readonly start: number;
  readonly size: number;
  readonly learningRate: number;
  /** This step is its epoch's last: the epoch's metrics and full validation pass follow it. */
  readonly endsEpoch: boolean;
  /** The validation subset is checked on the weights after this step. */
  readonly checksValidation: boolean;
  /** A progress event is due after this step (every `progressEvery`, epoch ends, checks, single steps). */
  readonly reportsProgress: boolean;
}

export class EpochPlan {
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  private order: Uint32Array = new Uint32Array(0);

  /**
   * `count` training images in batches of `batchSize` for `epochs` epochs; `validates` says whether
   * there is a validation set for the mid-epoch checks.
   */
  constructor(
    private readonly count: number,
    batchSize: number,
    epochs: number,
    private readonly shuffle: Rng,
    private readonly validates: boolean,
  ) {
    this.stepsPerEpoch = Math.ceil(count / batchSize);
    this.totalSteps = this.stepsPerEpoch * epochs;
  }

  /**
   * Draws from the shuffle stream what the steps before `step` drew: one order per finished epoch,
   * and the current epoch's order when `step` is mid-epoch (it was drawn at the epoch's start).
   */
  replayTo(step: number): void {
    for (let e = 0; e < Math.floor(step / this.stepsPerEpoch); e++) permutation(this.count, this.shuffle);
    if (step % this.stepsPerEpoch !== 0) this.order = permutation(this.count, this.shuffle);
  }

  /** The step at `index` under `config` (read each step: the learning rate may change mid-run). */
  at(index: number, config: TrainerConfig, singleStep: boolean): PlannedStep {
    const { batchSize, progressEvery, validationChecks } = config;
    const inEpoch = index % this.stepsPerEpoch;
    const shuffled = inEpoch === 0;
    if (shuffled) this.order = permutation(this.count, this.shuffle);
    const start = inEpoch * batchSize;
    const done = index + 1;
    const endsEpoch = done % this.stepsPerEpoch === 0;
    const checksValidation = this.validates && isValidationCheck(inEpoch + 1, this.stepsPerEpoch, validationChecks);
    return {
      index,
      order: this.order,
      shuffled,
      start,
      size: Math.min(batchSize, this.count - start),
      learningRate: learningRateAt(config.learningRate, config.schedule, {
        step: index,
        stepsPerEpoch: this.stepsPerEpoch,
        totalSteps: this.totalSteps,
        warmupSteps: config.warmupSteps,
      }),
      endsEpoch,
      checksValidation,
      reportsProgress: done % progressEvery === 0 || endsEpoch || checksValidation || singleStep,
    };
  }
}
