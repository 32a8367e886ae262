/**
 * Transfer learning through the worker, as a lesson does it: train a net, build a new one whose
 * conv layer is frozen and whose head is new, carry the trained trunk over with export-weights /
 * import-weights, and train on. The trunk must come through bit-identical; the new head must learn.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { LayerSpec, ModelSpec } from '../../engine/spec/types';
import { mnistFiles, openSession } from './worker-harness';

const harness = openSession();
const { client, next } = harness;
afterAll(() => harness.close());

const trunk = (frozen: boolean): LayerSpec[] => [
  { type: 'input', shape: [1, 28, 28] },
  { type: 'conv2d', id: 'c1', filters: 4, kernel: 5, activation: 'relu', trainable: !frozen },
  { type: 'maxpool', size: 2 },
  { type: 'flatten' },
];
const FIRST: ModelSpec = { layers: [...trunk(false), { type: 'dense', id: 'head', units: 10 }] };
const SECOND: ModelSpec = { layers: [...trunk(true), { type: 'dense', id: 'newHead', units: 10 }] };

async function steps(n: number): Promise<void> {
  const last = next('trainer', (m) => m.event.type === 'progress' && m.event.progress.step === n);
  for (let i = 0; i < n; i++) client.send({ type: 'step' });
  await last;
}

describe('freezing through the worker (CPU backend)', () => {
  it('trains, freezes the conv layer under a new head, carries its weights over, and trains on', async () => {
    client.send({ type: 'init', backend: 'cpu' });
    const dataset = next('dataset');
    const files = mnistFiles();
    client.send({ type: 'load-dataset', source: { kind: 'files', files }, validation: 1000, seed: 1 });
    await dataset;
    client.send({
      type: 'configure',
      config: { batchSize: 32, progressEvery: 1, learningRate: 0.05, optimizer: { kind: 'sgd' } },
    });

    let built = next('model');
    client.send({ type: 'build', spec: FIRST, seed: 3 });
    expect((await built).summary.trainableParams).toBe((await built).summary.totalParams);
    await steps(3);
    const trained = await client.exportWeights();

    built = next('model');
    client.send({ type: 'build', spec: SECOND, seed: 4 });
    const summary = (await built).summary;
    // conv 4·25 + 4 = 104 frozen; head (4·12·12)·10 + 10 = 5770 trainable.
    expect([summary.totalParams, summary.trainableParams]).toEqual([104 + 5770, 5770]);
    const fresh = await client.exportWeights();
    // importWeights transfers (detaches) the arrays it sends, so send copies.
    const carried = { ...fresh, 'c1.weight': trained['c1.weight']!, 'c1.bias': trained['c1.bias']! };
    await client.importWeights(Object.fromEntries(Object.entries(carried).map(([k, v]) => [k, v.slice()])));
    await steps(3);
    const after = await client.exportWeights();
    expect(after['c1.weight']).toEqual(trained['c1.weight']);
    expect(after['c1.bias']).toEqual(trained['c1.bias']);
    expect(after['newHead.weight']).not.toEqual(fresh['newHead.weight']);
    // The freeze held against a real gradient: the worker's gradient snapshot of c1 is not zero.
    const grads = await client.snapshot('gradients', 1, 0);
    expect(grads[0]!.data.some((g) => g !== 0)).toBe(true);
  });
});
