/**
 * The worker's 'norms' answer (engine/worker/norms.ts) against norms computed here from the full
 * 'weights' and 'gradients' snapshots it replaces in the live views, after a few training steps
 * on MNIST. Also: how many bytes one live refresh moves across the boundary, before and after.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { layerNorms } from '../../app/studio/live';
import { getPreset } from '../../engine/spec/presets';
import type { WireTensor } from '../../engine/worker/protocol';
import { mnistFiles, openSession } from './worker-harness';

const harness = openSession();
afterAll(() => harness.close());

/** The L2 norm written out, independent of the code under test. */
function l2(data: Float32Array): number {
  let s = 0;
  for (const v of data) s += v * v;
  return Math.sqrt(s);
}

const bytesOf = (tensors: readonly WireTensor[]): number => tensors.reduce((n, t) => n + t.data.byteLength, 0);

describe("the worker's norms answer", () => {
  it('equals the norms of the full weight and gradient snapshots, param by param', async () => {
    const { client } = harness;
    const dataset = harness.next('dataset');
    client.send({ type: 'load-dataset', source: { kind: 'files', files: mnistFiles() }, validation: 1000, seed: 1 });
    await dataset;
    const model = harness.next('model');
    client.send({ type: 'build', spec: getPreset('lecture-mnist').spec, seed: 5 });
    await model;
    client.send({ type: 'configure', config: { batchSize: 16, progressEvery: 1, learningRate: 0.05 } });
    const second = harness.next('trainer', (m) => m.event.type === 'progress' && m.event.progress.step === 2);
    client.send({ type: 'step' });
    client.send({ type: 'step' });
    await second;

    const [weights, gradients, norms] = await Promise.all([
      client.snapshot('weights', null, 0),
      client.snapshot('gradients', null, 0),
      client.norms(),
    ]);
    expect(norms.map((n) => n.param)).toEqual(weights.map((w) => w.name));
    for (const n of norms) {
      const w = weights.find((t) => t.name === n.param)!;
      const g = gradients.find((t) => t.name === n.param)!;
      expect(n.layer).toBe(n.param.slice(0, n.param.lastIndexOf('.')));
      expect(n.weightNorm).toBeCloseTo(l2(w.data), 4);
      expect(n.gradNorm).toBeCloseTo(l2(g.data), 6);
    }
    // After two steps every layer has learned something: no gradient is all zeros.
    expect(norms.every((n) => n.gradNorm > 0 && n.weightNorm > 0)).toBe(true);

    // One layer's snapshot (the filters view) is read alone and equals that layer's part of the full ones.
    for (const kind of ['weights', 'gradients'] as const) {
      const full = kind === 'weights' ? weights : gradients;
      const one = await client.snapshot(kind, 1, 0);
      expect(one.map((t) => t.name)).toEqual(['conv2d_1.weight', 'conv2d_1.bias']);
      for (const t of one) expect([...t.data]).toEqual([...full.find((f) => f.name === t.name)!.data]);
    }

    // The studio's table keeps the weights only (biases excluded), one row per layer.
    expect(layerNorms(norms).map((r) => r.layer)).toEqual(['conv2d_1', 'conv2d_2', 'dense_1', 'dense_2']);

    // One live refresh before: every weight and gradient; after: the first conv layer's weights
    // (the filters view) and the norms, a few numbers per param.
    const filters = await client.snapshot('weights', 1, 0);
    const before = bytesOf(weights) + bytesOf(gradients);
    const after = bytesOf(filters) + JSON.stringify(norms).length;
    console.log(`live refresh, lecture-mnist: ${before} bytes before, ${after} after`);
    expect(after).toBeLessThan(before / 10);
  });
});
