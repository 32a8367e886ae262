import { describe, expect, it } from 'vitest';
import { l1Penalty, l2Penalty } from '../../engine/cpu/losses';
import { createCpuModel } from '../../engine/cpu/model';
import { createGpuModel } from '../../engine/gpu/model';
import { GpuTrainer } from '../../engine/gpu/trainer';
import { Trainer, type TrainerEvent } from '../../engine/train/trainer';
import { withDevice } from './harness';
import { contextOf, HALVES_SPEC, halvesDataset, RESIDUAL_SPEC, randomDataset } from './training';

const gpu = withDevice();

function progressOf(events: readonly TrainerEvent[]) {
  return events.flatMap((e) => (e.type === 'progress' ? [e.progress] : []));
}

describe('GpuTrainer', () => {
  it('learns a separable task (halves 1x8x8, 2 epochs of 400, adam lr=0.01) to high validation accuracy', async () => {
    const model = createGpuModel(contextOf(gpu()), HALVES_SPEC, { seed: 2 });
    const trainer = new GpuTrainer(
      model,
      { train: halvesDataset(400, 1), validation: halvesDataset(200, 2) },
      { epochs: 2, batchSize: 32, learningRate: 0.01, seed: 3, progressEvery: 5 },
    );
    const events: TrainerEvent[] = [];
    trainer.subscribe((e) => events.push(e));
    const result = await trainer.run();
    expect(result.status).toBe('done');
    expect(result.steps).toBe(26);
    expect(result.validation!.accuracy).toBeGreaterThan(0.95);
    expect(result.validation!.count).toBe(200);
    expect(result.imagesPerSecond).toBeGreaterThan(0);
    const epochs = events.filter((e) => e.type === 'epoch');
    expect(epochs).toHaveLength(2);
    // Progress every 5 steps and at each epoch end (13, 26), as the CPU trainer.
    expect(progressOf(events).map((p) => p.step)).toEqual([5, 10, 13, 15, 20, 25, 26]);
    model.destroy();
  });

  it('pauses before running, takes single steps, then cancels', async () => {
    const model = createGpuModel(contextOf(gpu()), HALVES_SPEC, { seed: 2 });
    const trainer = new GpuTrainer(model, { train: halvesDataset(320, 1) }, { batchSize: 32, progressEvery: 1 });
    const steps: number[] = [];
    trainer.subscribe((e) => {
      if (e.type === 'progress') steps.push(e.progress.step);
    });
    trainer.pause();
    const done = trainer.run();
    trainer.stepOnce();
    trainer.stepOnce();
    await new Promise((r) => setTimeout(r, 300));
    expect(trainer.status).toBe('paused');
    expect(trainer.stepsDone).toBe(2);
    trainer.cancel();
    const result = await done;
    expect(result.status).toBe('cancelled');
    expect(result.steps).toBe(2);
    expect(steps).toEqual([1, 2]);
    model.destroy();
  });

  it('metrics readbacks (every 2 steps, ring of 3) sum to the per-step losses of the CPU trainer (5 steps, sgd)', async () => {
    const train = randomDataset(40, [3, 8, 8], 5, 4);
    const cpu = createCpuModel(RESIDUAL_SPEC, { seed: 6 });
    const cpuEvents: TrainerEvent[] = [];
    const cpuTrainer = new Trainer(
      cpu,
      { train },
      { batchSize: 8, optimizer: { kind: 'sgd' }, learningRate: 0.05, progressEvery: 1 },
    );
    cpuTrainer.subscribe((e) => cpuEvents.push(e));
    await cpuTrainer.run();
    const model = createGpuModel(contextOf(gpu()), RESIDUAL_SPEC, { seed: 6 });
    const gpuEvents: TrainerEvent[] = [];
    const gpuTrainer = new GpuTrainer(
      model,
      { train },
      { batchSize: 8, optimizer: { kind: 'sgd' }, learningRate: 0.05, progressEvery: 2 },
    );
    gpuTrainer.subscribe((e) => gpuEvents.push(e));
    await gpuTrainer.run();
    const cpuSum = progressOf(cpuEvents).reduce((s, p) => s + p.loss * 8, 0);
    const gpuProgress = progressOf(gpuEvents);
    expect(gpuProgress.map((p) => p.step)).toEqual([2, 4, 5]);
    const windows = [16, 16, 8];
    const gpuSum = gpuProgress.reduce((s, p, i) => s + p.loss * windows[i]!, 0);
    expect(Math.abs(gpuSum - cpuSum)).toBeLessThan(1e-4 * cpuSum);
    const epoch = gpuEvents.find((e) => e.type === 'epoch');
    expect(epoch?.type === 'epoch' && epoch.train.count).toBe(40);
    model.destroy();
  });

  it('stops with status diverged and restores finite weights when the loss blows up (linear, sgd lr=1e38)', async () => {
    const linear = {
      layers: [{ type: 'input', shape: [1, 8, 8] }, { type: 'flatten' }, { type: 'dense', units: 2 }],
    } as const;
    const model = createGpuModel(contextOf(gpu()), linear, { seed: 2 });
    const trainer = new GpuTrainer(
      model,
      { train: halvesDataset(640, 1) },
      { batchSize: 32, optimizer: { kind: 'sgd' }, learningRate: 1e38, progressEvery: 1, seed: 7 },
    );
    const result = await trainer.run();
    expect(result.status).toBe('diverged');
    expect(result.message).toMatch(/The loss became .* \(seed 7\)\. The learning rate 1\.00e\+38 is probably too high/);
    const weights = await trainer.readWeights();
    expect(Object.values(weights).every((w) => w.every(Number.isFinite))).toBe(true);
    model.destroy();
  });

  it('continues from a checkpoint with its optimiser state exactly as an uninterrupted run (adam, 2 epochs of 3 steps)', async () => {
    const train = halvesDataset(24, 3);
    const config = { batchSize: 8, learningRate: 0.01, seed: 5, progressEvery: 1 };
    const weightsAfter = async (epochs: number, options = {}, start?: Readonly<Record<string, Float32Array>>) => {
      const model = createGpuModel(contextOf(gpu()), HALVES_SPEC, { seed: 7, weights: start });
      const trainer = new GpuTrainer(model, { train }, { ...config, epochs }, options);
      const result = await trainer.run();
      const weights = await trainer.readWeights();
      const checkpoint = trainer.checkpoint;
      model.destroy();
      return { result, weights, checkpoint };
    };
    const whole = await weightsAfter(2);
    const first = await weightsAfter(1);
    expect(first.checkpoint?.step).toBe(3);
    expect(Object.keys(first.checkpoint!.optimizer.values).sort()).toEqual(
      Object.keys(first.weights)
        .flatMap((name) => [`${name}:m`, `${name}:v`])
        .sort(),
    );
    const maxDiff = (a: Record<string, Float32Array>, b: Record<string, Float32Array>) =>
      Math.max(...Object.keys(a).flatMap((k) => Array.from(a[k]!, (v, i) => Math.abs(v - b[k]![i]!))));
    const resumed = await weightsAfter(
      2,
      { startStep: 3, optimizer: first.checkpoint!.optimizer },
      first.checkpoint!.weights,
    );
    expect(resumed.result.steps).toBe(6);
    expect(maxDiff(resumed.weights, whole.weights)).toBeLessThan(1e-6);
    // Without the state, Adam starts afresh and the run goes elsewhere.
    const fresh = await weightsAfter(2, { startStep: 3 }, first.checkpoint!.weights);
    expect(maxDiff(fresh.weights, whole.weights)).toBeGreaterThan(1e-4);
  });

  it('reports the L1/L2 penalty in the training loss as the CPU trainer does, and leaves it out of the epoch loss (5 steps, sgd)', async () => {
    const train = halvesDataset(40, 6);
    const config = { batchSize: 8, optimizer: { kind: 'sgd' as const }, learningRate: 0.05, progressEvery: 1, seed: 2 };
    const regularization = { l1: 0.002, l2: 0.05 };
    const collect = async (trainer: Trainer | GpuTrainer) => {
      const events: TrainerEvent[] = [];
      trainer.subscribe((e) => events.push(e));
      await trainer.run();
      const epoch = events.find((e) => e.type === 'epoch');
      return {
        losses: progressOf(events).map((p) => p.loss),
        epochLoss: epoch?.type === 'epoch' ? epoch.train.loss : NaN,
      };
    };
    const cpuModel = createCpuModel(HALVES_SPEC, { seed: 8 });
    const initial = cpuModel.params
      .filter((p) => p.regularized)
      .reduce((s, p) => s + l1Penalty(p.value, regularization.l1) + l2Penalty(p.value, regularization.l2), 0);
    const cpu = await collect(new Trainer(cpuModel, { train }, { ...config, regularization }));
    const gpuRun = async (reg: typeof regularization) => {
      const model = createGpuModel(contextOf(gpu()), HALVES_SPEC, { seed: 8 });
      const run = await collect(new GpuTrainer(model, { train }, { ...config, regularization: reg }));
      model.destroy();
      return run;
    };
    const withPenalty = await gpuRun(regularization);
    expect(withPenalty.losses).toHaveLength(5);
    for (const [i, loss] of withPenalty.losses.entries()) {
      expect(Math.abs(loss - cpu.losses[i]!)).toBeLessThan(1e-4 * cpu.losses[i]!);
    }
    expect(Math.abs(withPenalty.epochLoss - cpu.epochLoss)).toBeLessThan(1e-4 * cpu.epochLoss);
    // Step 1 sees the initial weights in both GPU runs, so its loss differs by exactly their penalty.
    const plain = await gpuRun({ l1: 0, l2: 0 });
    expect(initial).toBeGreaterThan(0.1);
    expect(Math.abs(withPenalty.losses[0]! - plain.losses[0]! - initial)).toBeLessThan(1e-4 * initial);
  });

  it('augments on the GPU as the CPU trainer does: same per-step losses with crop, flip and jitter (6 steps, sgd)', async () => {
    const train = halvesDataset(48, 5);
    const augmentation = { flip: true, cropPadding: 2, brightness: 0.2, contrast: 0.3 };
    const config = { batchSize: 8, optimizer: { kind: 'sgd' as const }, learningRate: 0.05, progressEvery: 1, seed: 9 };
    const cpuEvents: TrainerEvent[] = [];
    const cpuTrainer = new Trainer(createCpuModel(HALVES_SPEC, { seed: 4 }), { train }, { ...config, augmentation });
    cpuTrainer.subscribe((e) => cpuEvents.push(e));
    await cpuTrainer.run();
    const run = async (aug: typeof augmentation | null) => {
      const model = createGpuModel(contextOf(gpu()), HALVES_SPEC, { seed: 4 });
      const events: TrainerEvent[] = [];
      const trainer = new GpuTrainer(model, { train }, { ...config, augmentation: aug });
      trainer.subscribe((e) => events.push(e));
      const result = await trainer.run();
      model.destroy();
      return { result, losses: progressOf(events).map((p) => p.loss) };
    };
    const gpuRun = await run(augmentation);
    expect(gpuRun.result.status).toBe('done');
    const cpuLosses = progressOf(cpuEvents).map((p) => p.loss);
    expect(gpuRun.losses).toHaveLength(6);
    for (const [i, loss] of gpuRun.losses.entries())
      expect(Math.abs(loss - cpuLosses[i]!)).toBeLessThan(1e-4 * cpuLosses[i]!);
    // The augmentation is really applied: without it the same run sees other pixels.
    const plain = await run(null);
    expect(plain.losses.some((loss, i) => Math.abs(loss - gpuRun.losses[i]!) > 1e-3)).toBe(true);
  });
});
