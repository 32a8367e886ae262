import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/tensor/rng';
import { EpochPlan, type PlannedStep } from '../../engine/train/epoch-plan';
import { DEFAULT_TRAINER_CONFIG, type TrainerConfig } from '../../engine/train/training-run';

const config = (over: Partial<TrainerConfig>): TrainerConfig => ({ ...DEFAULT_TRAINER_CONFIG, ...over });

/** Every step of a plan of `count` images, batch `batchSize`, `epochs` epochs, from step `from`. */
function steps(count: number, over: Partial<TrainerConfig>, from = 0, validates = false): PlannedStep[] {
  const c = config(over);
  const plan = new EpochPlan(count, c.batchSize, c.epochs, createRng(9), validates);
  plan.replayTo(from);
  const out: PlannedStep[] = [];
  for (let i = from; i < plan.totalSteps; i++) {
    const s = plan.at(i, c, false);
    out.push({ ...s, order: s.order.slice() });
  }
  return out;
}

describe('EpochPlan', () => {
  it('count=10 batch=4 epochs=2: 3 steps an epoch, the last one short, each image once an epoch', () => {
    const all = steps(10, { batchSize: 4, epochs: 2 });
    expect(all.map((s) => s.size)).toEqual([4, 4, 2, 4, 4, 2]);
    expect(all.map((s) => s.shuffled)).toEqual([true, false, false, true, false, false]);
    expect(all.map((s) => s.endsEpoch)).toEqual([false, false, true, false, false, true]);
    for (const epoch of [all.slice(0, 3), all.slice(3)]) {
      const seen = epoch.flatMap((s) => [...s.order.subarray(s.start, s.start + s.size)]);
      expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
    expect(all[0]!.order).not.toEqual(all[3]!.order);
  });

  it('replayTo(step) continues with the batches a plan from step 0 takes there (mid-epoch and at an epoch start)', () => {
    const over = { batchSize: 3, epochs: 4 };
    const straight = steps(11, over);
    for (const from of [5, 8, 0, 11]) expect(steps(11, over, from)).toEqual(straight.slice(from));
  });

  it('reports progress every progressEvery steps, at epoch ends and at validation checks (count=20 batch=2 every=4 checks=2)', () => {
    const all = steps(20, { batchSize: 2, progressEvery: 4, validationChecks: 2 }, 0, true);
    const done = (pick: (s: PlannedStep) => boolean) => all.filter(pick).map((s) => s.index + 1);
    expect(done((s) => s.checksValidation)).toEqual([5, 10]);
    expect(done((s) => s.reportsProgress)).toEqual([4, 5, 8, 10]);
    expect(steps(20, { batchSize: 2, validationChecks: 2 }, 0, false).some((s) => s.checksValidation)).toBe(false);
  });

  it('a single step reports progress whatever the step count', () => {
    const plan = new EpochPlan(20, 2, 1, createRng(1), false);
    expect(plan.at(0, config({ batchSize: 2, progressEvery: 100 }), false).reportsProgress).toBe(false);
    expect(plan.at(1, config({ batchSize: 2, progressEvery: 100 }), true).reportsProgress).toBe(true);
  });

  it('takes the learning rate from the config it is given at each step (cosine from 0.1 over 10 steps)', () => {
    const plan = new EpochPlan(20, 2, 1, createRng(1), false);
    const cosine = config({ batchSize: 2, learningRate: 0.1, schedule: { kind: 'cosine' } });
    expect(plan.at(0, cosine, false).learningRate).toBeCloseTo(0.1, 12);
    expect(plan.at(5, cosine, false).learningRate).toBeCloseTo(0.05, 12);
    expect(plan.at(6, { ...cosine, learningRate: 1 }, false).learningRate).toBeCloseTo(
      0.5 * (1 + Math.cos(0.6 * Math.PI)),
      12,
    );
  });
});
