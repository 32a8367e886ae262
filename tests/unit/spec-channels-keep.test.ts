/**
 * Specs with concat and lrn travel like any other: through a share link and a .convlab file
 * (both check the spec with checkSpecObject and summarize, so nothing there names layer types).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPER } from '../../app/stores/studio';
import { decodeModelFile, encodeModelFile, tensorsFor } from '../../app/studio/keep/modelFile';
import { decodeShare, encodeShare } from '../../app/studio/keep/share';
import { createCpuModel, getWeights } from '../../engine/cpu/model';
import type { ModelSpec } from '../../engine/spec';

const spec: ModelSpec = {
  name: 'mini inception',
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', id: 'b1', filters: 4, kernel: 1, activation: 'relu' },
    { type: 'conv2d', id: 'b3', input: 'input_1', filters: 4, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'concat', id: 'join', inputs: ['b1', 'b3'] },
    { type: 'lrn', size: 3, k: 1, alpha: 0.5, beta: 0.75 },
    { type: 'globalavgpool' },
    { type: 'dense', units: 10 },
  ],
};

describe('concat and lrn in kept models', () => {
  it('a share link carries the spec unchanged', () => {
    const query = encodeShare({
      dataset: 'embedded-mnist',
      validation: 1000,
      presetKey: null,
      draft: spec,
      hyper: DEFAULT_HYPER,
    });
    const back = decodeShare(query);
    expect(back.notices).toEqual([]);
    expect(back.spec).toEqual(spec);
  });

  it('a .convlab file round-trips the spec and its weights', () => {
    const weights = getWeights(createCpuModel(spec, { seed: 4 }));
    const bytes = encodeModelFile({
      name: 'inception test',
      savedAt: '2026-11-23T12:00:00.000Z',
      spec,
      hyper: DEFAULT_HYPER,
      dataset: {
        choice: 'embedded-mnist',
        name: 'MNIST subset',
        shape: [1, 28, 28],
        classNames: Array.from({ length: 10 }, (_, i) => String(i)),
      },
      training: { epochs: 1, validationAccuracy: null, validationLoss: null },
      weights: tensorsFor(spec, weights),
    });
    const file = decodeModelFile(bytes);
    expect(file.spec).toEqual(spec);
    expect(file.weights.map((w) => w.name)).toEqual([
      'b1.weight',
      'b1.bias',
      'b3.weight',
      'b3.bias',
      'dense_1.weight',
      'dense_1.bias',
    ]);
    expect(Array.from(file.weights[2]!.data)).toEqual(Array.from(weights['b3.weight']!));
  });
});
