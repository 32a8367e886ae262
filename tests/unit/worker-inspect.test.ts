/**
 * 'inspect' requests through the real worker session over a MessageChannel: saliency, class
 * activation maps, FGSM and activation maximisation on the session's current model give what the
 * engine computes directly from the same weights, and bad queries are answered in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classActivationMap } from '../../engine/inspect/cam';
import { createProbe } from '../../engine/inspect/probe';
import type { ModelSpec } from '../../engine/spec/types';
import { mnistFiles, openSession } from './worker-harness';

const harness = openSession();
const { client, next } = harness;
afterAll(() => harness.close());

const gapNet: ModelSpec = {
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', id: 'c1', filters: 4, kernel: 4, stride: 2, padding: 1, activation: 'relu' },
    { type: 'conv2d', id: 'c2', filters: 8, kernel: 3, activation: 'relu' },
    { type: 'globalavgpool' },
    { type: 'dense', id: 'out', units: 10 },
  ],
};

let image: Float32Array;
let weights: Readonly<Record<string, Float32Array>>;

beforeAll(async () => {
  const files = mnistFiles();
  const loaded = next('dataset');
  client.send({ type: 'load-dataset', source: { kind: 'files', files }, validation: 50, seed: 1, trainLimit: 100 });
  await loaded;
  const built = next('model');
  client.send({ type: 'build', spec: gapNet, seed: 3 });
  await built;
  weights = await client.exportWeights();
  const page = await client.browse('validation', null, 0, 1);
  image = Float32Array.from(page.images, (v) => v / 255);
}, 120_000);

describe('inspect requests', () => {
  it('saliency of a validation sample is |dS_c/dI| of the predicted class on the current weights', async () => {
    const result = await client.inspect({ kind: 'saliency', image: { sample: 0 }, classIndex: null });
    if (result.kind !== 'saliency') throw new Error(result.kind);
    const probe = createProbe(gapNet, weights, { kind: 'class', classIndex: result.classIndex });
    const direct = probe.evaluate(image);
    const predicted = direct.probabilities!.indexOf(Math.max(...direct.probabilities!));
    expect(result.classIndex).toBe(predicted);
    expect(Array.from(result.map)).toEqual(Array.from(direct.gradient, Math.abs));
  });

  it('a class activation map for class 4 equals the engine’s', async () => {
    const result = await client.inspect({ kind: 'cam', image: { pixels: image.slice() }, classIndex: 4 });
    if (result.kind !== 'cam') throw new Error(result.kind);
    const direct = classActivationMap(gapNet, weights, image, 4);
    expect([result.height, result.width, result.layerId]).toEqual([direct.height, direct.width, 'c2']);
    expect(Array.from(result.map)).toEqual(Array.from(direct.map));
  });

  it('FGSM raises the loss of the true label within epsilon per pixel', async () => {
    const result = await client.inspect({ kind: 'fgsm', image: { sample: 0 }, label: 3, epsilon: 0.1 });
    if (result.kind !== 'fgsm') throw new Error(result.kind);
    expect(result.lossAfter).toBeGreaterThan(result.lossBefore);
    expect(Math.max(...Array.from(result.perturbation, Math.abs))).toBeLessThanOrEqual(0.1 + 1e-6);
  });

  it('activation maximisation returns the trace and the image after the steps', async () => {
    const options = { stepSize: 0.05, l2: 0, tv: 0 };
    const result = await client.inspect({
      kind: 'ascent',
      target: { kind: 'class', classIndex: 7 },
      options,
      steps: 5,
      start: null,
    });
    if (result.kind !== 'ascent') throw new Error(result.kind);
    expect(result.trace.map((t) => t.step)).toEqual([0, 1, 2, 3, 4, 5]);
    for (let i = 1; i < result.trace.length; i++)
      expect(result.trace[i]!.score).toBeGreaterThan(result.trace[i - 1]!.score);
    expect(result.image.length).toBe(784);
  });

  it('bad queries are refused in words', async () => {
    const steps = client.inspect({
      kind: 'ascent',
      target: { kind: 'class', classIndex: 0 },
      options: { stepSize: 1, l2: 0, tv: 0 },
      steps: 5000,
      start: null,
    });
    await expect(steps).rejects.toThrow(/1 to 200 ascent steps/);
    await expect(client.inspect({ kind: 'saliency', image: { sample: 999 }, classIndex: null })).rejects.toThrow(
      /Sample 999 does not exist/,
    );
    await expect(client.inspect({ kind: 'fgsm', image: { sample: 0 }, label: 12, epsilon: 0.1 })).rejects.toThrow(
      /no label 12/,
    );
  });
});
