import { describe, expect, it } from 'vitest';
import { createCpuModel, loadWeights } from '../../engine/cpu/model';
import { createGpuModel } from '../../engine/gpu/model';
import { GpuTrainer } from '../../engine/gpu/trainer';
import { evaluate } from '../../engine/train/evaluate';
import type { Progress } from '../../engine/train/trainer';
import { validationSubset } from '../../engine/train/validation-checks';
import { withDevice } from './harness';
import { contextOf, HALVES_SPEC, halvesDataset } from './training';

const gpu = withDevice();

/** Resolves with the next progress event. */
function nextProgress(trainer: GpuTrainer): Promise<Progress> {
  return new Promise((resolve) => {
    const stop = trainer.subscribe((e) => {
      if (e.type !== 'progress') return;
      stop();
      resolve(e.progress);
    });
  });
}

describe('GpuTrainer feedback', () => {
  it('a single step while paused is read back and reported at once (progressEvery 1000)', async () => {
    const model = createGpuModel(contextOf(gpu()), HALVES_SPEC, { seed: 2 });
    const trainer = new GpuTrainer(model, { train: halvesDataset(320, 1) }, { batchSize: 32, progressEvery: 1000 });
    trainer.pause();
    const done = trainer.run();
    const first = nextProgress(trainer);
    trainer.stepOnce();
    expect((await first).step).toBe(1);
    const second = nextProgress(trainer);
    trainer.stepOnce();
    expect((await second).step).toBe(2);
    trainer.cancel();
    await done;
    model.destroy();
  });

  it('checks the validation subset 4 times per epoch (halves 64, batch 8), on the weights after each check step', async () => {
    const train = halvesDataset(64, 1);
    const validation = halvesDataset(100, 2);
    const config = { epochs: 2, batchSize: 8, progressEvery: 1000, validationChecks: 4, validationSubset: 40, seed: 6 };
    const model = createGpuModel(contextOf(gpu()), HALVES_SPEC, { seed: 2 });
    const trainer = new GpuTrainer(model, { train, validation }, config);
    const progress: Progress[] = [];
    trainer.subscribe((e) => {
      if (e.type === 'progress') progress.push(e.progress);
    });
    const result = await trainer.run();
    expect(result.status).toBe('done');
    expect(progress.map((p) => p.step)).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
    for (const p of progress) {
      expect(p.validation?.count).toBe(40);
      expect(Number.isFinite(p.loss)).toBe(true);
    }
    // The last check ran on the final weights: the CPU engine on those weights gives the same metrics.
    const cpu = createCpuModel(HALVES_SPEC, { seed: 2 });
    loadWeights(cpu, await trainer.readWeights());
    const expected = evaluate(cpu, validationSubset(validation, 40, 6), 64, 'crossEntropy');
    expect(progress.at(-1)!.validation!.loss).toBeCloseTo(expected.loss, 4);
    expect(progress.at(-1)!.validation!.accuracy).toBe(expected.accuracy);
    model.destroy();
  });
});
