/**
 * HealthWatch (engine/worker/health-watch.ts) with a stand-in model host and trainer: one notice per
 * run, a fresh judgement after the learning rate changes (rejudge), checkpoints only at healthy
 * points that are better than chance and at least CHECKPOINT_EVERY steps apart, and none carried
 * over to another model.
 */
import { describe, expect, it } from 'vitest';
import type { TrainerEvent, TrainingRun } from '../../engine/train/trainer';
import type { ModelHost } from '../../engine/worker/backend';
import { CHECKPOINT_EVERY, HealthWatch } from '../../engine/worker/health-watch';
import type { FromWorker } from '../../engine/worker/protocol';

function fakeHost(): ModelHost & { value: number } {
  const host = {
    value: 0,
    weights: async () => ({ w: Float32Array.of(host.value) }),
  };
  return host as unknown as ModelHost & { value: number };
}

function fakeTrainer(): TrainingRun & { paused: number; steps: number } {
  const trainer = {
    paused: 0,
    steps: 0,
    pause: () => {
      trainer.paused++;
    },
    get stepsDone() {
      return trainer.steps;
    },
  };
  return trainer as unknown as TrainingRun & { paused: number; steps: number };
}

const progress = (step: number, loss: number, accuracy: number): TrainerEvent => ({
  type: 'progress',
  progress: {
    step,
    loss,
    accuracy,
    totalSteps: 1000,
    stepsPerEpoch: 100,
    epoch: step / 100,
    learningRate: 0.1,
    imagesPerSecond: 0,
    trainingMs: 0,
  },
});

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('HealthWatch', () => {
  it('one notice per run; rejudge after a new learning rate lets the next problem through', async () => {
    const posted: FromWorker[] = [];
    const watch = new HealthWatch((m) => posted.push(m));
    const host = fakeHost();
    const trainer = fakeTrainer();
    watch.begin(host, 'crossEntropy', 10, 0);
    await watch.ensureCheckpoint(host, 0);
    watch.observe(progress(10, 50, 0.1), trainer, host);
    watch.observe(progress(20, 80, 0.1), trainer, host);
    expect(posted).toEqual([
      expect.objectContaining({ type: 'health', verdict: 'diverging', step: 10, checkpointStep: 0 }),
    ]);
    expect(trainer.paused).toBe(1);
    watch.rejudge(20);
    watch.observe(progress(30, 90, 0.1), trainer, host);
    expect(posted).toHaveLength(2);
    expect(trainer.paused).toBe(2);
  });

  it(`checkpoints every ${CHECKPOINT_EVERY} steps at better-than-chance points only, never for another model`, async () => {
    const watch = new HealthWatch(() => undefined);
    const host = fakeHost();
    const trainer = fakeTrainer();
    watch.begin(host, 'crossEntropy', 10, 0);
    await watch.ensureCheckpoint(host, 0);
    // At chance (10%): no checkpoint, however long.
    for (const step of [50, 100]) {
      trainer.steps = step;
      host.value = step;
      watch.observe(progress(step, 2.3, 0.1), trainer, host);
      await tick();
    }
    expect(watch.checkpointOf(host)?.step).toBe(0);
    // Learning (60%): at 150, then not at 170 (too soon), then at 200.
    for (const step of [150, 170, 200]) {
      trainer.steps = step;
      host.value = step;
      watch.observe(progress(step, 1.2, 0.6), trainer, host);
      await tick();
    }
    expect(watch.checkpointOf(host)?.step).toBe(200);
    expect([...watch.checkpointOf(host)!.weights.w!]).toEqual([200]);
    expect(watch.checkpointOf(fakeHost())).toBeNull();
    watch.begin(fakeHost(), 'crossEntropy', 10, 0);
    expect(watch.checkpointOf(host)).toBeNull();
  });
});
