/**
 * A dataset of the student's own images (webcam, files, drawings), as the page hands it to the
 * worker: bytes already resized to one [C, H, W], a label per image, 2-10 named classes. Checked
 * here, before anything is allocated from its sizes, so a bad set is refused in words.
 *
 * Splitting: every fifth image of each class (the 5th, 10th, ...) is held out as the test set, so
 * a class of 20 keeps 16 to learn from and 4 to check on; a class with fewer than MIN_PER_CLASS is
 * refused, because a test set without it could not say whether the class was learned.
 */
import { subsetDataset } from './batch';
import { type Dataset, DatasetError, type DatasetSplits } from './dataset';

export const MIN_CLASSES = 2;
export const MAX_CLASSES = 10;
export const MIN_PER_CLASS = 5;
export const MAX_OWN_IMAGES = 10_000;
/** The largest side the page may send; it downscales anything bigger. */
export const MAX_OWN_SIDE = 64;
const MAX_NAME = 40;

export interface OwnImages {
  readonly name: string;
  readonly shape: readonly [number, number, number];
  readonly classNames: readonly string[];
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

/** Checks the set and returns it as a Dataset (no copy). */
export function ownImagesDataset(own: OwnImages): Dataset {
  const [c, h, w] = own.shape;
  const classes = own.classNames.length;
  if (classes < MIN_CLASSES || classes > MAX_CLASSES) {
    throw new DatasetError(`Make between ${MIN_CLASSES} and ${MAX_CLASSES} classes; there are ${classes}.`);
  }
  const blank = own.classNames.findIndex((n) => typeof n !== 'string' || n.trim() === '' || n.length > MAX_NAME);
  if (blank >= 0) throw new DatasetError(`Class ${blank + 1} needs a name of 1 to ${MAX_NAME} characters.`);
  if (new Set(own.classNames.map((n) => n.trim().toLowerCase())).size !== classes) {
    throw new DatasetError('Two classes have the same name: give each class its own.');
  }
  if (
    !(c === 1 || c === 3) ||
    !Number.isInteger(h) ||
    !Number.isInteger(w) ||
    h < 8 ||
    w < 8 ||
    h > MAX_OWN_SIDE ||
    w > MAX_OWN_SIDE
  ) {
    throw new DatasetError(
      `Images must be 1 or 3 channels and 8 to ${MAX_OWN_SIDE} pixels a side; got ${own.shape.join('×')}.`,
    );
  }
  const count = own.labels.length;
  if (count > MAX_OWN_IMAGES) {
    throw new DatasetError(
      `That is ${count.toLocaleString('en-US')} images; the most a set can hold is ${MAX_OWN_IMAGES.toLocaleString('en-US')}.`,
    );
  }
  if (own.images.length !== count * c * h * w) {
    throw new DatasetError(
      `The images hold ${own.images.length} bytes, but ${count} images of ${own.shape.join('×')} need ${count * c * h * w}.`,
    );
  }
  const perClass = new Array<number>(classes).fill(0);
  for (const label of own.labels) {
    if (label >= classes)
      throw new DatasetError(`An image is labelled ${label}, but there are only ${classes} classes.`);
    perClass[label]!++;
  }
  const short = perClass.map((n, i) => ({ n, name: own.classNames[i]! })).filter((x) => x.n < MIN_PER_CLASS);
  if (short.length > 0) {
    const list = short.map((x) => `"${x.name}" has ${x.n}`).join(', ');
    throw new DatasetError(`Each class needs at least ${MIN_PER_CLASS} images (20 to 50 is better): ${list}.`);
  }
  return {
    name: own.name,
    count,
    shape: [c, h, w],
    images: own.images,
    labels: own.labels,
    classNames: own.classNames,
  };
}

/** Train and test splits: each class's every fifth image is for testing. */
export function splitOwnImages(own: OwnImages): DatasetSplits {
  const dataset = ownImagesDataset(own);
  const seen = new Array<number>(dataset.classNames.length).fill(0);
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < dataset.count; i++) {
    const label = dataset.labels[i]!;
    seen[label]!++;
    (seen[label]! % 5 === 0 ? test : train).push(i);
  }
  return {
    train: subsetDataset(dataset, train, `${dataset.name}-train`),
    test: subsetDataset(dataset, test, `${dataset.name}-test`),
  };
}
