import { describe, expect, it } from 'vitest';
import { createCpuModel } from '../../engine/cpu/model';
import type { Dataset } from '../../engine/data/dataset';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { evaluate } from '../../engine/train/evaluate';
import { type Progress, Trainer } from '../../engine/train/trainer';
import { isValidationCheck, validationSubset } from '../../engine/train/validation-checks';

/** Two classes on 4x4 images: bright left half or bright right half, with noise; image i's first pixel is i. */
function halves(count: number, seed: number): Dataset {
  const rng = createRng(seed);
  const images = new Uint8Array(count * 16);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = rng.int(2);
    for (let p = 0; p < 16; p++) {
      const left = p % 4 < 2;
      images[i * 16 + p] = (left === (labels[i] === 0) ? 150 : 0) + rng.int(100);
    }
    images[i * 16] = i;
  }
  return { name: 'halves', count, shape: [1, 4, 4], images, labels, classNames: ['left', 'right'] };
}

const spec: ModelSpec = {
  name: 'tiny dense',
  layers: [{ type: 'input', shape: [1, 4, 4] }, { type: 'flatten' }, { type: 'dense', units: 2 }],
};

const train = halves(64, 1);
const validation = halves(100, 2);

describe('validationSubset(dataset, size, seed)', () => {
  it('validationSubset(100 images, 40, seed 3) keeps 40 images with their own labels, the same 40 for the same seed', () => {
    const a = validationSubset(validation, 40, 3);
    const b = validationSubset(validation, 40, 3);
    const other = validationSubset(validation, 40, 4);
    expect(a.count).toBe(40);
    expect(a.images.length).toBe(40 * 16);
    // The first pixel names the source image: the picks are distinct, in order, with matching pixels and labels.
    const sources = [...Array(40).keys()].map((i) => a.images[i * 16]!);
    expect(new Set(sources).size).toBe(40);
    expect(sources).toEqual([...sources].sort((x, y) => x - y));
    sources.forEach((src, i) => {
      expect(a.labels[i]).toBe(validation.labels[src]);
      expect([...a.images.subarray(i * 16, i * 16 + 16)]).toEqual([
        ...validation.images.subarray(src * 16, src * 16 + 16),
      ]);
    });
    expect([...b.images]).toEqual([...a.images]);
    expect([...other.images]).not.toEqual([...a.images]);
  });

  it('validationSubset(100 images, 500, seed) is the whole set', () => {
    expect(validationSubset(validation, 500, 1)).toBe(validation);
  });
});

describe('isValidationCheck(step, stepsPerEpoch, checks)', () => {
  const checked = (steps: number, checks: number): number[] =>
    [...Array(steps).keys()].map((i) => i + 1).filter((s) => isValidationCheck(s, steps, checks));

  it('8 checks in a 100-step epoch are evenly spaced and the last is the epoch end', () => {
    expect(checked(100, 8)).toEqual([13, 25, 38, 50, 63, 75, 88, 100]);
  });

  it('8 checks in a 3-step epoch check after every step; 0 checks never', () => {
    expect(checked(3, 8)).toEqual([1, 2, 3]);
    expect(checked(100, 0)).toEqual([]);
  });
});

/** Resolves with the next progress event (the trainer emits synchronously inside its loop). */
function nextProgress(trainer: Trainer): Promise<Progress> {
  return new Promise((resolve) => {
    const stop = trainer.subscribe((e) => {
      if (e.type !== 'progress') return;
      stop();
      resolve(e.progress);
    });
  });
}

describe('Trainer feedback', () => {
  it('a single step while paused reports its progress at once, whatever progressEvery says', async () => {
    const trainer = new Trainer(createCpuModel(spec, { seed: 1 }), { train }, { batchSize: 8, progressEvery: 1000 });
    trainer.pause();
    const running = trainer.run();
    const first = nextProgress(trainer);
    trainer.stepOnce();
    expect((await first).step).toBe(1);
    const second = nextProgress(trainer);
    trainer.stepOnce();
    const p = await second;
    expect(p.step).toBe(2);
    expect(Number.isFinite(p.loss)).toBe(true);
    expect(trainer.status).toBe('paused');
    trainer.cancel();
    await running;
  });

  it('checks the validation subset 4 times per epoch (8 steps), the last check on the final weights', async () => {
    const config = { epochs: 2, batchSize: 8, progressEvery: 1000, validationChecks: 4, validationSubset: 40, seed: 6 };
    const trainer = new Trainer(createCpuModel(spec, { seed: 2 }), { train, validation }, config);
    const checks: Progress[] = [];
    const allSteps: number[] = [];
    trainer.subscribe((e) => {
      if (e.type !== 'progress') return;
      allSteps.push(e.progress.step);
      if (e.progress.validation) checks.push(e.progress);
    });
    await trainer.run();
    expect(checks.map((p) => p.step)).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
    expect(allSteps).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
    for (const p of checks) {
      const confusion = p.validation!.confusion;
      expect(confusion.reduce((a, b) => a + b, 0)).toBe(40);
    }
    const final = evaluate(trainer.model, validationSubset(validation, 40, 6), 64, 'crossEntropy');
    expect(checks.at(-1)!.validation!.loss).toBeCloseTo(final.loss, 6);
    expect(checks.at(-1)!.validation!.accuracy).toBe(final.accuracy);
  });

  it('the checks only look: the same seed trains to bit-identical weights with 8 checks per epoch or none', async () => {
    const weights = async (validationChecks: number): Promise<number[]> => {
      const model = createCpuModel(spec, { seed: 4 });
      const config = { epochs: 2, batchSize: 8, validationChecks, validationSubset: 30, seed: 9 };
      await new Trainer(model, { train, validation }, config).run();
      return model.params.flatMap((p) => [...p.value]);
    };
    expect(await weights(8)).toEqual(await weights(0));
  });

  it('without a validation set, or with validationChecks 0, no progress carries validation', async () => {
    for (const data of [{ train }, { train, validation }]) {
      const checks = data.validation ? 0 : 4;
      const trainer = new Trainer(createCpuModel(spec, { seed: 2 }), data, { batchSize: 8, validationChecks: checks });
      let seen = 0;
      trainer.subscribe((e) => {
        if (e.type === 'progress' && e.progress.validation) seen++;
      });
      await trainer.run();
      expect(seen).toBe(0);
    }
  });
});
