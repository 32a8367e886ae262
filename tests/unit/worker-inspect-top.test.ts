/**
 * The 'top-images' inspect query through the real worker session over a MessageChannel: the
 * answer's values are the largest activations of the unit over the ranked validation images,
 * recomputed here image by image with a unit probe (a different code path from the worker's
 * batched forward pass), sorted descending, with the matching indices and pixels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbe } from '../../engine/inspect/probe';
import type { ModelSpec } from '../../engine/spec/types';
import { mnistFiles, openSession } from './worker-harness';

const harness = openSession();
const { client, next } = harness;
afterAll(() => harness.close());

const VALIDATION = 150;
const gapNet: ModelSpec = {
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', id: 'c1', filters: 4, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'conv2d', id: 'c2', filters: 6, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'globalavgpool' },
    { type: 'dense', id: 'out', units: 10 },
  ],
};

let weights: Readonly<Record<string, Float32Array>>;
/** The validation images as the network sees them, [0, 1]. */
let images: Float32Array[];

beforeAll(async () => {
  const files = mnistFiles();
  const loaded = next('dataset');
  client.send({
    type: 'load-dataset',
    source: { kind: 'files', files },
    validation: VALIDATION,
    seed: 1,
    trainLimit: 100,
  });
  await loaded;
  const built = next('model');
  client.send({ type: 'build', spec: gapNet, seed: 5 });
  await built;
  weights = await client.exportWeights();
  const page = await client.browse('validation', null, 0, VALIDATION);
  images = Array.from({ length: VALIDATION }, (_, i) =>
    Float32Array.from(page.images.subarray(i * 784, (i + 1) * 784), (v) => v / 255),
  );
}, 120_000);

/** Every image's activation of the unit, one probe evaluation per image, largest first. */
function ranked(layer: number, unit: number, limit: number): { index: number; value: number }[] {
  const probe = createProbe(gapNet, weights, { kind: 'unit', layer, unit });
  return images
    .slice(0, limit)
    .map((image, index) => ({ index, value: probe.evaluate(image).value }))
    .sort((a, b) => b.value - a.value);
}

describe("'top-images' inspect query", () => {
  for (const [layer, unit, maxImages] of [
    [1, 2, 100],
    [3, 5, 130],
  ] as const) {
    it(`layer=${layer} unit=${unit} maxImages=${maxImages}: the 9 largest activations, descending`, async () => {
      const result = await client.inspect({ kind: 'top-images', layer, unit, count: 9, maxImages });
      if (result.kind !== 'top-images') throw new Error(result.kind);
      expect(result.evaluated).toBe(maxImages);
      const expected = ranked(layer, unit, maxImages).slice(0, 9);
      expect(result.values.length).toBe(9);
      for (let i = 0; i < 9; i++) expect(result.values[i]).toBeCloseTo(expected[i]!.value, 4);
      for (let i = 1; i < 9; i++) expect(result.values[i]!).toBeLessThanOrEqual(result.values[i - 1]!);
      // The values are not all equal (else the ranking would prove nothing): ReLU maps vary by digit.
      expect(result.values[0]!).toBeGreaterThan(result.values[8]!);
      // Each index's own activation is the value reported next to it, and its pixels are that image.
      const all = new Map(ranked(layer, unit, maxImages).map((r) => [r.index, r.value]));
      result.indices.forEach((index, i) => {
        expect(all.get(index)).toBeCloseTo(result.values[i]!, 4);
        expect(Array.from(result.images.subarray(i * 784, (i + 1) * 784))).toEqual(Array.from(images[index]!));
      });
    });
  }

  it('ranks only the images the split has when maxImages is larger', async () => {
    const result = await client.inspect({ kind: 'top-images', layer: 3, unit: 0, count: 9, maxImages: 10_000 });
    if (result.kind !== 'top-images') throw new Error(result.kind);
    expect(result.evaluated).toBe(VALIDATION);
    expect(result.values[0]).toBeCloseTo(ranked(3, 0, VALIDATION)[0]!.value, 4);
  });

  it('bad queries are refused in words', async () => {
    await expect(client.inspect({ kind: 'top-images', layer: 3, unit: 6, count: 9, maxImages: 50 })).rejects.toThrow(
      /no channel 6: pick one from 0 to 5/,
    );
    await expect(client.inspect({ kind: 'top-images', layer: 0, unit: 0, count: 9, maxImages: 50 })).rejects.toThrow(
      /after the input/,
    );
  });
});
