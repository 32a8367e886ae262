/** Augmentation and batching: identities, determinism by seed, value ranges, splits. */
import { describe, expect, it } from 'vitest';
import {
  type AugmentOptions,
  augmentBatch,
  type BatchShape,
  drawAugments,
  flipHorizontal,
  jitterBrightnessContrast,
  randomCrop,
} from '../../engine/data/augment';
import { gatherBatch, gatherLabels, splitDataset } from '../../engine/data/batch';
import { type Dataset, MNIST_CLASSES } from '../../engine/data/dataset';
import { createRng } from '../../engine/tensor/rng';

const shape: BatchShape = [3, 2, 5, 6];
function randomBatch(seed = 1): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: 3 * 2 * 5 * 6 }, () => rng.next());
}

function tinyDataset(count: number): Dataset {
  const images = Uint8Array.from({ length: count * 4 }, (_, i) => (i * 37) % 256);
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { name: 'tiny', count, shape: [1, 2, 2], images, labels, classNames: MNIST_CLASSES };
}

describe('augment', () => {
  it('flipping twice is the identity, once mirrors each row', () => {
    const batch = randomBatch();
    const copy = batch.slice();
    flipHorizontal(batch, shape);
    expect(batch[0]).toBe(copy[5]);
    expect(batch[6 + 1]).toBe(copy[6 + 4]);
    flipHorizontal(batch, shape);
    expect(batch).toEqual(copy);
  });

  it('flips only the chosen images', () => {
    const batch = randomBatch();
    const copy = batch.slice();
    flipHorizontal(batch, shape, (n) => n === 1);
    expect(batch.subarray(0, 60)).toEqual(copy.subarray(0, 60));
    expect(batch.subarray(60, 120)).not.toEqual(copy.subarray(60, 120));
  });

  it('crop with padding 0 is the identity, in place and out of place', () => {
    const batch = randomBatch();
    expect(randomCrop(batch, shape, 0, createRng(3))).toEqual(batch);
    const copy = batch.slice();
    randomCrop(batch, shape, 0, createRng(3), batch);
    expect(batch).toEqual(copy);
  });

  it('crop shifts content and fills with zeros, and in place equals out of place', () => {
    const batch = randomBatch();
    const out = randomCrop(batch, shape, 2, createRng(9));
    const inPlace = batch.slice();
    randomCrop(inPlace, shape, 2, createRng(9), inPlace);
    expect(inPlace).toEqual(out);
    // Every output value is either 0 or a value of the same image.
    for (let n = 0; n < 3; n++) {
      const source = new Set(batch.subarray(n * 60, (n + 1) * 60));
      for (const v of out.subarray(n * 60, (n + 1) * 60)) expect(v === 0 || source.has(v)).toBe(true);
    }
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const options = { flip: true, cropPadding: 2, brightness: 0.2, contrast: 0.3 };
    const a = augmentBatch(randomBatch(), shape, options, createRng(42));
    const b = augmentBatch(randomBatch(), shape, options, createRng(42));
    const c = augmentBatch(randomBatch(), shape, options, createRng(43));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('leaves the input alone unless it is the output', () => {
    const batch = randomBatch();
    const copy = batch.slice();
    augmentBatch(batch, shape, { flip: true, brightness: 0.5 }, createRng(1));
    expect(batch).toEqual(copy);
    const same = augmentBatch(batch, shape, { flip: true, brightness: 0.5 }, createRng(1), batch);
    expect(same).toBe(batch);
  });

  it('keeps values in [0, 1]', () => {
    const batch = randomBatch();
    jitterBrightnessContrast(batch, shape, 0.9, 0.9, createRng(5));
    for (const v of batch) expect(v >= 0 && v <= 1).toBe(true);
    const out = augmentBatch(
      randomBatch(),
      shape,
      { flip: true, cropPadding: 3, brightness: 1, contrast: 1 },
      createRng(6),
    );
    for (const v of out) expect(v >= 0 && v <= 1).toBe(true);
  });
});

describe('batch', () => {
  it('gathers bytes as floats in [0, 1] and labels by index', () => {
    const data = tinyDataset(5);
    const out = gatherBatch(data, [4, 0], new Float32Array(8));
    expect(out[0]).toBeCloseTo(data.images[16]! / 255, 7);
    expect(out[4]).toBe(0);
    expect(Math.max(...gatherBatch(data, [0, 1, 2, 3, 4], new Float32Array(20)))).toBeLessThanOrEqual(1);
    expect(Array.from(gatherLabels(data, [4, 0, 3], new Int32Array(3)))).toEqual([4, 0, 3]);
    expect(() => gatherBatch(data, [5], new Float32Array(4))).toThrow(RangeError);
  });

  it('drawAugments draws what augmentBatch draws: the stream ends in the same place for every mix', () => {
    const mixes: AugmentOptions[] = [
      { flip: true },
      { cropPadding: 2 },
      { brightness: 0.1 },
      { flip: true, cropPadding: 3, brightness: 0.2, contrast: 0.4 },
    ];
    for (const options of mixes) {
      const cpu = createRng(11);
      augmentBatch(randomBatch(), shape, options, cpu);
      const drawn = createRng(11);
      const choices = drawAugments(shape[0], options, drawn);
      expect(drawn.next()).toBe(cpu.next());
      expect(choices).toHaveLength(shape[0]);
      for (const c of choices) {
        expect(Math.abs(c.dy)).toBeLessThanOrEqual(options.cropPadding ?? 0);
        if (!options.flip) expect(c.flip).toBe(false);
      }
    }
  });

  it('splits reproducibly into disjoint parts that cover the dataset', () => {
    const data = tinyDataset(50);
    const a = splitDataset(data, 0.2, 7);
    const b = splitDataset(data, 10, 7);
    expect(a.validation.count).toBe(10);
    expect(a.train.count).toBe(40);
    expect(a.validation.images).toEqual(b.validation.images);
    expect(splitDataset(data, 10, 8).validation.images).not.toEqual(a.validation.images);
    const firstPixels = new Set<number>();
    for (const part of [a.train, a.validation])
      for (let i = 0; i < part.count; i++) firstPixels.add(part.images[i * 4]!);
    expect(firstPixels.size).toBe(50);
    expect(() => splitDataset(data, 51, 1)).toThrow(/whole number up to 50/);
  });
});
