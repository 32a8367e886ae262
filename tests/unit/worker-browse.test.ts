import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../engine/data/dataset';
import { browse } from '../../engine/worker/browse';

// 25 one-pixel "images" whose pixel value is their index and whose label is index mod 3.
const set: Dataset = {
  name: 'toy',
  count: 25,
  shape: [1, 1, 1],
  images: Uint8Array.from({ length: 25 }, (_, i) => i),
  labels: Uint8Array.from({ length: 25 }, (_, i) => i % 3),
  classNames: ['a', 'b', 'c'],
};

describe('browse', () => {
  it('pages through every image when no class is chosen', () => {
    const page = browse(set, null, 20, 10);
    expect([...page.indices]).toEqual([20, 21, 22, 23, 24]);
    expect([...page.images]).toEqual([20, 21, 22, 23, 24]);
    expect([...page.labels]).toEqual([2, 0, 1, 2, 0]);
    expect(page.total).toBe(25);
    expect(page.perClass).toEqual([9, 8, 8]);
  });

  it('filters by class, offsetting within the class', () => {
    const page = browse(set, 1, 2, 3);
    expect([...page.indices]).toEqual([7, 10, 13]);
    expect([...page.labels]).toEqual([1, 1, 1]);
    expect(page.total).toBe(8);
  });

  it('returns an empty page past the end', () => {
    const page = browse(set, 2, 8, 4);
    expect(page.indices.length).toBe(0);
    expect(page.images.length).toBe(0);
    expect(page.total).toBe(8);
  });
});
