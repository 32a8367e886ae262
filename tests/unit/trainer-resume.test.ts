/**
 * Trainer(model, data, config, startStep): a run continued at step S (a resumed session, a restored
 * checkpoint) counts on from S and takes the very batches the uninterrupted run took, so with a
 * stateless optimiser (SGD) and no dropout its weights match the uninterrupted run's bit for bit.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCpuModel } from '../../engine/cpu/model';
import { getWeights, loadWeights } from '../../engine/cpu/weights';
import { decodeDatasetFile, splitEmbedded } from '../../engine/data/embedded';
import { PRESETS } from '../../engine/spec';
import { Trainer, type TrainerConfig } from '../../engine/train/trainer';

describe('Trainer startStep (linear-mnist, 100 embedded digits, batch 32: 4 steps per epoch)', async () => {
  const all = await decodeDatasetFile(new Uint8Array(readFileSync(resolve('public/data/mnist-embedded.bin'))), 'e');
  const full = splitEmbedded(all).train;
  const train = {
    ...full,
    count: 100,
    images: full.images.subarray(0, 100 * 784),
    labels: full.labels.subarray(0, 100),
  };
  const config: Partial<TrainerConfig> = {
    epochs: 4,
    batchSize: 32,
    learningRate: 0.05,
    optimizer: { kind: 'sgd' },
    progressEvery: 1,
    seed: 7,
  };
  const spec = PRESETS['linear-mnist']!.spec;

  /** Runs `trainer` until its step reaches `until`; returns the steps of its progress events. */
  async function runTo(trainer: Trainer, until: number): Promise<number[]> {
    const steps: number[] = [];
    trainer.subscribe((e) => {
      if (e.type !== 'progress') return;
      steps.push(e.progress.step);
      if (e.progress.step >= until) trainer.cancel();
    });
    await trainer.run();
    return steps;
  }

  for (const [start, end] of [
    [5, 11],
    [8, 13],
  ] as const) {
    it(`stopping at step ${start} and continuing to ${end} equals one run to ${end}`, async () => {
      const straight = createCpuModel(spec, { seed: 1 });
      await runTo(new Trainer(straight, { train }, config), end);

      const first = createCpuModel(spec, { seed: 1 });
      await runTo(new Trainer(first, { train }, config), start);
      const second = createCpuModel(spec, { seed: 99 });
      loadWeights(second, getWeights(first));
      const resumed = new Trainer(second, { train }, config, start);
      expect(resumed.stepsDone).toBe(start);
      const steps = await runTo(resumed, end);
      expect(steps[0]).toBe(start + 1);

      const a = getWeights(straight);
      const b = getWeights(second);
      for (const name of Object.keys(a)) expect([...b[name]!], name).toEqual([...a[name]!]);
    });
  }

  it('a start step past the end finishes at once; a negative one is refused', async () => {
    const trainer = new Trainer(createCpuModel(spec, { seed: 1 }), { train }, config, 99);
    expect(trainer.stepsDone).toBe(16);
    expect((await trainer.run()).status).toBe('done');
    expect(() => new Trainer(createCpuModel(spec, { seed: 1 }), { train }, config, -1)).toThrow(/start step/);
  });
});
