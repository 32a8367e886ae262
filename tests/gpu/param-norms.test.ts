/**
 * The worker's 'norms' answer on WebGPU, where the sums of squares are reduced on the device
 * (engine/gpu/param-norms.ts), against norms computed here from the full 'weights' and
 * 'gradients' snapshots read back after a few training steps on MNIST.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { create, globals } from 'webgpu';
import { getPreset } from '../../engine/spec/presets';
import { mnistFiles, openSession, type SessionHarness } from '../unit/worker-harness';

Object.assign(globalThis, globals);
// Held for the whole file: Dawn's instance dies with this object (engine/gpu/device.ts).
const instance = create([]);
const harness: SessionHarness = openSession(instance);
afterAll(() => harness.close());

function l2(data: Float32Array): number {
  let s = 0;
  for (const v of data) s += v * v;
  return Math.sqrt(s);
}

describe("the worker's norms answer on WebGPU", () => {
  it('equals the norms of the full snapshots, param by param', async () => {
    const { client } = harness;
    const backend = harness.next('backend');
    client.send({ type: 'init', backend: 'webgpu' });
    expect((await backend).backend).toBe('webgpu');
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

    const weights = await client.snapshot('weights', null, 0);
    const gradients = await client.snapshot('gradients', null, 0);
    const norms = await client.norms();
    expect(norms.map((n) => n.param)).toEqual(weights.map((w) => w.name));
    for (const n of norms) {
      const w = l2(weights.find((t) => t.name === n.param)!.data);
      const g = l2(gradients.find((t) => t.name === n.param)!.data);
      // float32 partial sums on the device: equal to ~1e-5 relative.
      expect(Math.abs(n.weightNorm - w)).toBeLessThanOrEqual(1e-5 * w + 1e-7);
      expect(Math.abs(n.gradNorm - g)).toBeLessThanOrEqual(1e-5 * g + 1e-7);
      expect(g).toBeGreaterThan(0);
    }

    // One layer's snapshot (the filters view) is read alone and equals that layer's part of the full ones.
    for (const kind of ['weights', 'gradients'] as const) {
      const full = kind === 'weights' ? weights : gradients;
      const one = await client.snapshot(kind, 1, 0);
      expect(one.map((t) => t.name)).toEqual(['conv2d_1.weight', 'conv2d_1.bias']);
      for (const t of one) expect([...t.data]).toEqual([...full.find((f) => f.name === t.name)!.data]);
    }
  });
});
