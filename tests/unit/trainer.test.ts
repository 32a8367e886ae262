import { describe, expect, it, vi } from 'vitest';
import { createCpuModel } from '../../engine/cpu/model';
import type { Dataset } from '../../engine/data/dataset';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { evaluate } from '../../engine/train/evaluate';
import { type StepFn, trainStep } from '../../engine/train/step';
import { Trainer, type TrainerEvent } from '../../engine/train/trainer';

/** 4 classes: which quadrant of a noisy 8x8 image is bright. Learnable in a few epochs. */
function quadrants(count: number, seed: number): Dataset {
  const rng = createRng(seed);
  const images = new Uint8Array(count * 64);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const label = rng.int(4);
    labels[i] = label;
    for (let y = 0; y < 8; y++) {
      for (let x = 0; x < 8; x++) {
        const q = (y < 4 ? 0 : 2) + (x < 4 ? 0 : 1);
        images[i * 64 + y * 8 + x] = Math.min(255, (q === label ? 150 : 0) + rng.int(100));
      }
    }
  }
  return { name: 'quadrants', count, shape: [1, 8, 8], images, labels, classNames: ['tl', 'tr', 'bl', 'br'] };
}

const spec: ModelSpec = {
  name: 'tiny',
  layers: [
    { type: 'input', shape: [1, 8, 8] },
    { type: 'conv2d', filters: 4, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'dropout', rate: 0.1 },
    { type: 'flatten' },
    { type: 'dense', units: 4 },
  ],
};

const train = quadrants(256, 1);
const validation = quadrants(128, 2);

function weightsOf(trainer: Trainer): number[] {
  return trainer.model.params.flatMap((p) => [...p.value]);
}

describe('Trainer', () => {
  it('learns a learnable task: validation loss falls and accuracy passes 90%', async () => {
    const model = createCpuModel(spec, { seed: 3 });
    const before = evaluate(model, validation, 64, 'crossEntropy');
    const trainer = new Trainer(model, { train, validation }, { epochs: 4, batchSize: 16, learningRate: 0.01 });
    const epochs: TrainerEvent[] = [];
    trainer.subscribe((e) => e.type === 'epoch' && epochs.push(e));
    const result = await trainer.run();
    expect(result.status).toBe('done');
    expect(result.steps).toBe(4 * 16);
    expect(epochs).toHaveLength(4);
    expect(result.validation!.loss).toBeLessThan(before.loss / 2);
    expect(result.validation!.accuracy).toBeGreaterThan(0.9);
  });

  it('is deterministic: the same seed gives bit-identical weights, another seed does not', async () => {
    const run = async (seed: number): Promise<number[]> => {
      const trainer = new Trainer(createCpuModel(spec, { seed: 5 }), { train }, { epochs: 1, batchSize: 32, seed });
      await trainer.run();
      return weightsOf(trainer);
    };
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('pauses, takes single steps while paused, resumes and finishes', async () => {
    const trainer = new Trainer(createCpuModel(spec, { seed: 1 }), { train }, { epochs: 1, batchSize: 32 });
    const statuses: string[] = [];
    trainer.subscribe((e) => e.type === 'status' && statuses.push(e.status));
    trainer.pause();
    const running = trainer.run();
    trainer.stepOnce();
    trainer.stepOnce();
    // Wait for the two steps however long a loaded machine takes; then nothing more may run.
    await vi.waitFor(() => expect(trainer.stepsDone).toBe(2), { timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(trainer.stepsDone).toBe(2);
    expect(trainer.status).toBe('paused');
    trainer.resume();
    const result = await running;
    expect(result.status).toBe('done');
    expect(result.steps).toBe(8);
    expect(statuses).toEqual(['paused', 'running', 'done']);
  });

  it('cancels mid-run and reports how far it got', async () => {
    const trainer = new Trainer(createCpuModel(spec, { seed: 1 }), { train }, { epochs: 50, batchSize: 8 });
    trainer.subscribe((e) => e.type === 'progress' && e.progress.step >= 40 && trainer.cancel());
    const result = await trainer.run();
    expect(result.status).toBe('cancelled');
    expect(result.steps).toBeGreaterThanOrEqual(40);
    expect(result.steps).toBeLessThan(50 * 32);
  });

  it('stops with a clear message when the loss diverges, keeping finite weights', async () => {
    const trainer = new Trainer(
      createCpuModel(spec, { seed: 1 }),
      { train },
      { epochs: 20, batchSize: 16, learningRate: 1e30, optimizer: { kind: 'sgd' } },
    );
    const result = await trainer.run();
    expect(result.status).toBe('diverged');
    expect(result.message).toMatch(/learning rate .* too high/);
    expect(weightsOf(trainer).every(Number.isFinite)).toBe(true);
  });

  it('reports progress with learning rate, throughput and per-window loss', async () => {
    const trainer = new Trainer(
      createCpuModel(spec, { seed: 1 }),
      { train },
      { epochs: 1, batchSize: 16, progressEvery: 4, schedule: { kind: 'cosine' }, learningRate: 0.01 },
    );
    const progress: number[] = [];
    const rates: number[] = [];
    trainer.subscribe((e) => {
      if (e.type !== 'progress') return;
      progress.push(e.progress.step);
      rates.push(e.progress.learningRate);
      expect(e.progress.imagesPerSecond).toBeGreaterThan(0);
      expect(Number.isFinite(e.progress.loss)).toBe(true);
    });
    await trainer.run();
    expect(progress).toEqual([4, 8, 12, 16]);
    expect(rates[0]).toBeGreaterThan(rates[3]!);
  });

  it('takes its steps through the step function it is given, awaiting it: an async trainStep gives the same run', async () => {
    const config = { epochs: 1, batchSize: 24, progressEvery: 3, seed: 4 };
    const record = async (step?: StepFn): Promise<{ weights: number[]; losses: number[] }> => {
      const trainer = new Trainer(createCpuModel(spec, { seed: 2 }), { train }, config, 0, step ? { step } : {});
      const losses: number[] = [];
      trainer.subscribe((e) => e.type === 'progress' && losses.push(e.progress.loss));
      await trainer.run();
      return { weights: weightsOf(trainer), losses };
    };
    let calls = 0;
    const later: StepFn = async (model, optimizer, input) => {
      calls++;
      await new Promise((r) => setTimeout(r, 0));
      return trainStep(model, optimizer, input);
    };
    const [plain, awaited] = [await record(), await record(later)];
    expect(calls).toBe(Math.ceil(256 / 24));
    expect(awaited).toEqual(plain);
  });

  it('stops as diverged when the given step reports a loss that is not finite', async () => {
    const nan: StepFn = () => ({ loss: Number.NaN, dataLoss: Number.NaN, logits: new Float32Array(0), finite: false });
    const trainer = new Trainer(createCpuModel(spec, { seed: 1 }), { train }, { batchSize: 16 }, 0, { step: nan });
    const result = await trainer.run();
    expect(result.status).toBe('diverged');
    expect(result.steps).toBe(0);
    expect(result.message).toMatch(/became NaN at step 1/);
  });
});
