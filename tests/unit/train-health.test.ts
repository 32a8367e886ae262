/**
 * HealthMonitor (engine/train/health.ts): synthetic progress sequences for each verdict, then
 * real CPU runs of the lecture CNN on the embedded MNIST subset: learning rate 10 (SGD) must be
 * flagged, the studio's default (Adam 0.001) and a slow healthy run (SGD 0.001) must not be.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCpuModel } from '../../engine/cpu/model';
import { splitDataset } from '../../engine/data/batch';
import { decodeDatasetFile, splitEmbedded } from '../../engine/data/embedded';
import { PRESETS } from '../../engine/spec';
import {
  COLLAPSE_STEPS,
  COLLAPSE_WARMUP_STEPS,
  chanceLoss,
  HealthMonitor,
  type HealthPoint,
  type HealthReport,
} from '../../engine/train/health';
import type { OptimizerConfig } from '../../engine/train/optimizers';
import { Trainer } from '../../engine/train/trainer';

const LN10 = Math.log(10);

/** Feeds points (one every 10 steps from step 10) and returns every report. */
function feed(monitor: HealthMonitor, points: readonly [loss: number, accuracy: number][]): HealthReport[] {
  return points.map(([loss, accuracy], i) => monitor.observe({ step: 10 * (i + 1), loss, accuracy, classes: 10 }));
}

const firstUnhealthy = (reports: readonly HealthReport[]): HealthReport | undefined =>
  reports.find((r) => r.verdict !== 'healthy');

describe('HealthMonitor on synthetic sequences (10 classes, a point every 10 steps)', () => {
  it('chanceLoss is ln C for cross-entropy and C − 1 for the hinge loss', () => {
    expect(Math.exp(chanceLoss('crossEntropy', 10))).toBeCloseTo(10, 10);
    expect(chanceLoss('hinge', 10)).toBe(9);
  });

  it('a falling loss with rising accuracy stays healthy for 500 steps', () => {
    const points = Array.from({ length: 50 }, (_, i): [number, number] => [
      2.3 * 0.95 ** i,
      0.1 + 0.8 * (1 - 0.9 ** i),
    ]);
    expect(firstUnhealthy(feed(new HealthMonitor(), points))).toBeUndefined();
  });

  it('NaN or Infinity is flagged at once, at its step', () => {
    const reports = feed(new HealthMonitor(), [
      [2.3, 0.1],
      [Number.NaN, 0.1],
    ]);
    expect(reports[1]).toMatchObject({ verdict: 'non-finite', step: 20 });
    expect(reports[1]!.reason).toMatch(/learning rate/);
    expect(
      new HealthMonitor().observe({ step: 5, loss: Number.POSITIVE_INFINITY, accuracy: 0.1, classes: 10 }).verdict,
    ).toBe('non-finite');
  });

  it('a loss that climbs past 3 × ln 10 (smoothed) is diverging, and the words say what to try', () => {
    // Smoothed (EMA 0.5): 2.3, 3.65, 5.83, 9.91 -> over 6.91 at the fourth point.
    const reports = feed(new HealthMonitor(), [
      [2.3, 0.1],
      [5, 0.1],
      [8, 0.1],
      [14, 0.1],
    ]);
    expect(reports.slice(0, 3).every((r) => r.verdict === 'healthy')).toBe(true);
    expect(reports[3]).toMatchObject({ verdict: 'diverging', step: 40 });
    expect(reports[3]!.reason).toMatch(/Lower the learning rate \(for example by 10×\)/);
    expect(reports[3]!.reason).toMatch(/initialisation/);
  });

  it('one spike to 10 is smoothed away (EMA 6.15 < 6.91); one to 12 is not (EMA 7.15)', () => {
    expect(
      firstUnhealthy(
        feed(new HealthMonitor(), [
          [2.3, 0.1],
          [10, 0.1],
          [1, 0.5],
        ]),
      ),
    ).toBeUndefined();
    expect(
      firstUnhealthy(
        feed(new HealthMonitor(), [
          [2.3, 0.1],
          [12, 0.1],
        ]),
      )?.verdict,
    ).toBe('diverging');
  });

  it('the hinge loss diverges relative to C − 1 = 9, not ln C', () => {
    const hinge = new HealthMonitor({ loss: 'hinge' });
    expect(hinge.observe({ step: 10, loss: 9, accuracy: 0.1, classes: 10 }).verdict).toBe('healthy');
    expect(hinge.observe({ step: 20, loss: 60, accuracy: 0.1, classes: 10 }).verdict).toBe('diverging');
  });

  it(`accuracy stuck at chance with the loss near ln C collapses ${COLLAPSE_STEPS} steps after the warm-up`, () => {
    const stuck = Array.from({ length: 40 }, (_, i): [number, number] => [2.31, i % 2 === 0 ? 0.08 : 0.12]);
    const reports = feed(new HealthMonitor(), stuck);
    const flagged = firstUnhealthy(reports);
    // Warm-up covers steps <= 100; the stretch starts at 110 and is flagged 100 steps later.
    expect(flagged).toMatchObject({ verdict: 'collapsed', step: COLLAPSE_WARMUP_STEPS + 10 + COLLAPSE_STEPS });
    expect(flagged!.reason).toMatch(/chance/);
  });

  it('a slow start that leaves chance before the stretch is up is not collapse', () => {
    const slow = Array.from({ length: 40 }, (_, i): [number, number] =>
      i < 18 ? [2.3, 0.11] : [2.3 - 0.02 * (i - 17), 0.2 + 0.01 * i],
    );
    expect(firstUnhealthy(feed(new HealthMonitor(), slow))).toBeUndefined();
  });

  it('accuracy at chance while the loss falls well below ln C is not collapse (the loss says it learns)', () => {
    const points = Array.from({ length: 40 }, (): [number, number] => [1.5, 0.1]);
    expect(firstUnhealthy(feed(new HealthMonitor(), points))).toBeUndefined();
  });

  it('startStep moves the warm-up: a run resumed at step 1000 is not judged before step 1100', () => {
    const monitor = new HealthMonitor({ startStep: 1000 });
    const at = (step: number): HealthPoint => ({ step, loss: 2.3, accuracy: 0.1, classes: 10 });
    for (let step = 1010; step <= 1100; step += 10) expect(monitor.observe(at(step)).verdict).toBe('healthy');
    let verdict = 'healthy';
    for (let step = 1110; step <= 1210; step += 10) verdict = monitor.observe(at(step)).verdict;
    expect(verdict).toBe('collapsed');
  });
});

describe('HealthMonitor on real CPU runs (lecture-mnist, embedded MNIST, batch 32, a point every 10 steps)', async () => {
  const all = await decodeDatasetFile(
    new Uint8Array(readFileSync(resolve('public/data/mnist-embedded.bin'))),
    'embedded',
  );
  const { train } = splitEmbedded(all);
  const split = splitDataset(train, 1000, 1);

  /** Trains until flagged or `steps` done; returns the first unhealthy report (or null) and the points seen. */
  async function watch(optimizer: OptimizerConfig, learningRate: number, steps: number) {
    const model = createCpuModel(PRESETS['lecture-mnist']!.spec, { seed: 1 });
    const trainer = new Trainer(
      model,
      { train: split.train },
      {
        epochs: 5,
        batchSize: 32,
        learningRate,
        optimizer,
        progressEvery: 10,
        seed: 1,
      },
    );
    const monitor = new HealthMonitor();
    let flagged: HealthReport | null = null;
    const losses: number[] = [];
    trainer.subscribe((event) => {
      if (event.type !== 'progress' || flagged) return;
      const { step, loss, accuracy } = event.progress;
      losses.push(loss);
      const report = monitor.observe({ step, loss, accuracy, classes: 10 });
      if (report.verdict !== 'healthy') {
        flagged = report;
        trainer.cancel();
      } else if (step >= steps) trainer.cancel();
    });
    await trainer.run();
    return { flagged: flagged as HealthReport | null, losses };
  }

  it('SGD at learning rate 10 is flagged (diverging) at its first progress point, step 10', async () => {
    const { flagged, losses } = await watch({ kind: 'sgd' }, 10, 300);
    expect(flagged?.verdict).toBe('diverging');
    expect(flagged?.step).toBe(10);
    expect(losses[0]).toBeGreaterThan(3 * LN10);
  });

  it('SGD at learning rate 1 sits at chance and is flagged as collapsed after the warm-up', async () => {
    const { flagged } = await watch({ kind: 'sgd' }, 1, 400);
    expect(flagged?.verdict).toBe('collapsed');
    expect(flagged!.step).toBeGreaterThan(COLLAPSE_WARMUP_STEPS + COLLAPSE_STEPS);
  });

  it('the default (Adam 0.001) is never flagged in 300 steps, and its loss falls', async () => {
    const { flagged, losses } = await watch({ kind: 'adam' }, 0.001, 300);
    expect(flagged).toBeNull();
    expect(losses.length).toBeGreaterThanOrEqual(30);
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]! / 2);
  });

  it('a slow healthy run (SGD 0.001, near chance at first) is never flagged in 300 steps', async () => {
    const { flagged, losses } = await watch({ kind: 'sgd' }, 0.001, 300);
    expect(flagged).toBeNull();
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]!);
  });
});
