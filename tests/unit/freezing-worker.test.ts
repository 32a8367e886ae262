/**
 * Transfer learning through the worker, as a lesson does it: train a net, build a new one whose
 * conv layer is frozen and whose head is new, carry the trained trunk over with export-weights /
 * import-weights, and train on. The trunk must come through bit-identical; the new head must learn.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LayerSpec, ModelSpec } from '../../engine/spec/types';
import { WorkerClient } from '../../engine/worker/client';
import { type FromWorker, type ToWorker, transferablesOf } from '../../engine/worker/protocol';
import { WorkerSession } from '../../engine/worker/session';

const channel = new MessageChannel();
const session = new WorkerSession((m) => channel.port1.postMessage(m, transferablesOf(m)));
channel.port1.onmessage = (event: MessageEvent<ToWorker>) => void session.handle(event.data);
const client = new WorkerClient(channel.port2 as unknown as ConstructorParameters<typeof WorkerClient>[0]);
channel.port2.start();
afterAll(() => {
  channel.port1.close();
  channel.port2.close();
});

function next<T extends FromWorker['type']>(
  type: T,
  where: (m: Extract<FromWorker, { type: T }>) => boolean = () => true,
): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((done) => {
    const stop = client.subscribe((m) => {
      if (m.type === type && where(m as Extract<FromWorker, { type: T }>)) {
        stop();
        done(m as Extract<FromWorker, { type: T }>);
      }
    });
  });
}

const mnistDir = resolve('../shared/datasets/mnist');
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(mnistDir, name))) });

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
    const names = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz'];
    const files = [...names, 't10k-labels-idx1-ubyte.gz'].map(file);
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
