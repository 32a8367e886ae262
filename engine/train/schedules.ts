/**
 * Learning-rate schedules: the learning rate as a function of progress. Pure functions of the
 * step count, so a paused, resumed or restored run gets exactly the same rates.
 */
export type Schedule =
  | { readonly kind: 'constant' }
  /** Multiply by `gamma` every `everyEpochs` epochs. */
  | { readonly kind: 'step'; readonly everyEpochs: number; readonly gamma: number }
  /** Multiply by `gamma` every epoch, smoothly (per step). */
  | { readonly kind: 'exponential'; readonly gamma: number }
  /** Cosine from the base rate down to `minFactor` times it over the whole run. */
  | { readonly kind: 'cosine'; readonly minFactor?: number };

export type ScheduleKind = Schedule['kind'];

export interface ScheduleClock {
  /** Steps (batches) taken so far, from 0. */
  readonly step: number;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  /** Linear warm-up over this many steps from 0 to the scheduled rate (0 = none). */
  readonly warmupSteps?: number;
}

export function learningRateAt(baseLr: number, schedule: Schedule, clock: ScheduleClock): number {
  const epoch = clock.step / Math.max(1, clock.stepsPerEpoch);
  let lr: number;
  switch (schedule.kind) {
    case 'constant':
      lr = baseLr;
      break;
    case 'step':
      lr = baseLr * schedule.gamma ** Math.floor(epoch / Math.max(1, schedule.everyEpochs));
      break;
    case 'exponential':
      lr = baseLr * schedule.gamma ** epoch;
      break;
    case 'cosine': {
      const min = schedule.minFactor ?? 0;
      const t = Math.min(1, clock.step / Math.max(1, clock.totalSteps));
      lr = baseLr * (min + ((1 - min) * (1 + Math.cos(Math.PI * t))) / 2);
      break;
    }
  }
  const warmup = clock.warmupSteps ?? 0;
  return warmup > 0 && clock.step < warmup ? (lr * (clock.step + 1)) / warmup : lr;
}

/** Each schedule kind with the settings a student would try first (the studio's and the CLI's). */
export function scheduleOf(kind: ScheduleKind): Schedule {
  switch (kind) {
    case 'constant':
      return { kind };
    case 'step':
      return { kind, everyEpochs: 1, gamma: 0.5 };
    case 'exponential':
      return { kind, gamma: 0.7 };
    case 'cosine':
      return { kind, minFactor: 0.05 };
  }
}
