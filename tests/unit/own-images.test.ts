/** The student's own image sets: checked in words before use, split with every fifth image per class for testing. */
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../engine/data/dataset';
import { type OwnImages, ownImagesDataset, splitOwnImages } from '../../engine/data/own-images';

function set(perClass: readonly number[], shape: readonly [number, number, number] = [3, 16, 16]): OwnImages {
  const size = shape[0] * shape[1] * shape[2];
  const labels = perClass.flatMap((n, c) => Array<number>(n).fill(c));
  const images = new Uint8Array(labels.length * size);
  // Each image's first byte is its index, so a split can be traced back.
  labels.forEach((_, i) => {
    images[i * size] = i;
  });
  return {
    name: 'mine',
    shape,
    classNames: perClass.map((_, c) => `class ${c}`),
    images,
    labels: Uint8Array.from(labels),
  };
}

describe('own images', () => {
  it('holds out every fifth image of each class for testing', () => {
    const { train, test } = splitOwnImages(set([10, 7]));
    expect(train.count + test.count).toBe(17);
    // class 0: images 0-9 -> its 5th and 10th (indices 4, 9); class 1: images 10-16 -> its 5th (index 14).
    const firstBytes = (d: typeof test) => Array.from({ length: d.count }, (_, i) => d.images[i * 768]);
    expect(firstBytes(test)).toEqual([4, 9, 14]);
    expect(Array.from(test.labels)).toEqual([0, 0, 1]);
    expect(train.classNames).toEqual(['class 0', 'class 1']);
  });

  it.each([
    ['one class', set([10]), /between 2 and 10 classes/],
    ['eleven classes', set(Array(11).fill(5)), /between 2 and 10 classes/],
    ['a class with 4 images', set([10, 4]), /"class 1" has 4/],
    ['a 200-pixel image', set([5, 5], [3, 200, 200]), /8 to 64 pixels/],
    ['2 channels', set([5, 5], [2, 16, 16]), /1 or 3 channels/],
  ])('refuses %s in words', (_what, own, message) => {
    expect(() => ownImagesDataset(own)).toThrow(DatasetError);
    expect(() => ownImagesDataset(own)).toThrow(message);
  });

  it('refuses more than 10,000 images before touching their bytes', () => {
    const own = { ...set([5, 5]), labels: new Uint8Array(10_001) };
    expect(() => ownImagesDataset(own)).toThrow(/10,001 images; the most a set can hold is 10,000/);
  });

  it('refuses bytes that do not match the count and shape, a label past the classes, and duplicate names', () => {
    const good = set([5, 5]);
    expect(() => ownImagesDataset({ ...good, images: good.images.subarray(1) })).toThrow(/need 7680/);
    const labels = good.labels.slice();
    labels[0] = 7;
    expect(() => ownImagesDataset({ ...good, labels })).toThrow(/labelled 7, but there are only 2/);
    expect(() => ownImagesDataset({ ...good, classNames: ['Cat', 'cat '] })).toThrow(/same name/);
    expect(() => ownImagesDataset({ ...good, classNames: ['Cat', ' '] })).toThrow(/Class 2 needs a name/);
  });
});
