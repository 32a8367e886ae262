/**
 * The 'codes' inspect request through the real worker session over a MessageChannel: a layer's
 * outputs for the first `count` validation images, computed in batches, equal a direct forward
 * pass of the full CPU model on each image alone; the labels and pixels are the validation set's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCpuModel, loadWeights } from '../../engine/cpu/model';
import type { ModelSpec } from '../../engine/spec/types';
import { tensor } from '../../engine/tensor/tensor';
import { mnistFiles, openSession } from './worker-harness';

const harness = openSession();
const { client, next } = harness;
afterAll(() => harness.close());

const net: ModelSpec = {
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', id: 'c1', filters: 4, kernel: 4, stride: 2, padding: 1, activation: 'relu' },
    { type: 'maxpool', id: 'p1', size: 2 },
    { type: 'flatten', id: 'flat' },
    { type: 'dense', id: 'hidden', units: 16, activation: 'relu' },
    { type: 'dense', id: 'out', units: 10 },
  ],
};
const HIDDEN = 4; // index of 'hidden' in the summary (input is 0)
const VALIDATION = 130; // more than two batches of 50, and not a multiple of 50

let weights: Readonly<Record<string, Float32Array>>;

beforeAll(async () => {
  const files = mnistFiles();
  const loaded = next('dataset');
  client.send({
    type: 'load-dataset',
    source: { kind: 'files', files },
    validation: VALIDATION,
    seed: 2,
    trainLimit: 100,
  });
  await loaded;
  const built = next('model');
  client.send({ type: 'build', spec: net, seed: 5 });
  await built;
  weights = await client.exportWeights();
}, 120_000);

describe('codes requests', () => {
  it(`codes of layer 'hidden' for 120 images (batches of 50) equal a direct forward pass per image`, async () => {
    const count = 120;
    const result = await client.inspect({ kind: 'codes', layer: HIDDEN, count });
    if (result.kind !== 'codes') throw new Error(result.kind);
    expect(result.layerId).toBe('hidden');
    expect(result.dim).toBe(16);
    expect(result.codes.length).toBe(count * 16);
    expect(result.labels.length).toBe(count);
    expect(result.images.length).toBe(count * 784);

    const page = await client.browse('validation', null, 0, count);
    expect(Array.from(result.labels)).toEqual(Array.from(page.labels));
    let pixelError = 0;
    for (let i = 0; i < result.images.length; i++) {
      pixelError = Math.max(pixelError, Math.abs(result.images[i]! - page.images[i]! / 255));
    }
    expect(pixelError).toBeLessThan(1e-6);

    const model = createCpuModel(net, { seed: 0 });
    loadWeights(model, weights);
    let worst = 0;
    let nonZero = 0;
    for (let i = 0; i < count; i++) {
      const x = tensor(
        [1, 1, 28, 28],
        Float32Array.from(page.images.subarray(i * 784, (i + 1) * 784), (v) => v / 255),
      );
      const direct = model.forward(x, { training: false })[HIDDEN]!.data;
      for (let j = 0; j < 16; j++) {
        const got = result.codes[i * 16 + j]!;
        worst = Math.max(worst, Math.abs(got - direct[j]!));
        if (got !== 0) nonZero++;
      }
    }
    expect(worst).toBeLessThan(1e-5);
    expect(nonZero).toBeGreaterThan(count); // not a dead layer: the comparison means something
  });

  it('codes of the logits layer are the logits', async () => {
    const result = await client.inspect({ kind: 'codes', layer: 5, count: 3 });
    if (result.kind !== 'codes') throw new Error(result.kind);
    expect(result.layerId).toBe('out');
    expect(result.dim).toBe(10);
    const model = createCpuModel(net, { seed: 0 });
    loadWeights(model, weights);
    const x = tensor([3, 1, 28, 28], result.images.slice());
    const logits = model.forward(x, { training: false })[5]!.data;
    for (let i = 0; i < 30; i++) expect(result.codes[i]).toBeCloseTo(logits[i]!, 5);
  });

  it('asks in words for a count or a layer that does not exist', async () => {
    await expect(client.inspect({ kind: 'codes', layer: HIDDEN, count: VALIDATION + 1 })).rejects.toThrow(
      `Ask for the codes of 1 to ${VALIDATION} validation images, not ${VALIDATION + 1}.`,
    );
    await expect(client.inspect({ kind: 'codes', layer: 9, count: 5 })).rejects.toThrow('Layer 9 does not exist');
  });
});
