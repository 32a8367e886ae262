/**
 * One page of a dataset browser: the images of a split, optionally of one class, from an offset,
 * as the bytes the dataset stores (the page scales them; bytes are a quarter of the floats to
 * send). With the page comes how many images match and how many each class has, so the browser
 * can show "page 3 of 120" and per-class counts without a second request.
 */
import type { Dataset } from '../data/dataset';

export interface BrowsePage {
  /** Indices into the split of the images on this page. */
  readonly indices: Uint32Array;
  readonly labels: Uint8Array;
  /** indices.length samples, C·H·W bytes each, 0-255. */
  readonly images: Uint8Array;
  readonly shape: readonly [number, number, number];
  /** Images of the split that match the filter. */
  readonly total: number;
  /** Images of each class in the split. */
  readonly perClass: readonly number[];
}

export function browse(set: Dataset, label: number | null, offset: number, count: number): BrowsePage {
  const perClass = new Array<number>(set.classNames.length).fill(0);
  const picked: number[] = [];
  let matched = 0;
  for (let i = 0; i < set.count; i++) {
    const y = set.labels[i]!;
    perClass[y]! += 1;
    if (label !== null && y !== label) continue;
    if (matched >= offset && picked.length < count) picked.push(i);
    matched++;
  }
  const [c, h, w] = set.shape;
  const size = c * h * w;
  const images = new Uint8Array(picked.length * size);
  picked.forEach((index, k) => {
    images.set(set.images.subarray(index * size, (index + 1) * size), k * size);
  });
  return {
    indices: Uint32Array.from(picked),
    labels: Uint8Array.from(picked, (i) => set.labels[i]!),
    images,
    shape: set.shape,
    total: matched,
    perClass,
  };
}
