/**
 * The worker session and the page's client, joined by a MessageChannel in Node exactly as a
 * real worker would be: every message is structured-cloned and buffers are transferred.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getPreset } from '../../engine/spec/presets';
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

describe('worker protocol', () => {
  it('reports which backend it uses and why', async () => {
    const answer = next('backend');
    client.send({ type: 'init', backend: 'auto' });
    const m = await answer;
    expect(m.backend).toBe('cpu');
    expect(m.reason).toMatch(/navigator\.gpu is missing/);
  });

  it('loads dropped MNIST files with progress and a validation split', async () => {
    const done = next('dataset');
    client.send({
      type: 'load-dataset',
      source: {
        kind: 'files',
        files: [
          'train-images-idx3-ubyte.gz',
          'train-labels-idx1-ubyte.gz',
          't10k-images-idx3-ubyte.gz',
          't10k-labels-idx1-ubyte.gz',
        ].map(file),
      },
      validation: 5000,
      seed: 1,
    });
    const { info } = await done;
    expect(info).toMatchObject({ shape: [1, 28, 28], trainCount: 55000, validationCount: 5000, testCount: 10000 });
  });

  it('explains unrecognised files as a dataset error', async () => {
    const error = next('error');
    client.send({
      type: 'load-dataset',
      source: { kind: 'files', files: [{ name: 'cat.png', bytes: new Uint8Array(10) }] },
      validation: 0.1,
      seed: 1,
    });
    const m = await error;
    expect(m.scope).toBe('dataset');
    expect(m.message).toMatch(/cat\.png/);
  });

  it('builds a model, steps it three times while paused, and streams trainer events', async () => {
    // The failed load above left the MNIST data in place.
    const model = next('model');
    client.send({ type: 'build', spec: getPreset('lecture-mnist').spec, seed: 3 });
    // conv 10*25+10, conv 10*10*25+10, dense 160*100+100, dense 100*10+10
    expect((await model).summary.totalParams).toBe(260 + 2510 + 16100 + 1010);
    client.send({ type: 'configure', config: { batchSize: 32, progressEvery: 1, learningRate: 0.01 } });
    const third = next('trainer', (m) => m.event.type === 'progress' && m.event.progress.step === 3);
    for (let i = 0; i < 3; i++) client.send({ type: 'step' });
    const m = await third;
    expect(m.event.type === 'progress' && Number.isFinite(m.event.progress.loss)).toBe(true);
  });

  it('returns activations of every layer for a validation sample, and weights and gradients', async () => {
    const activations = await client.snapshot('activations', null, 7);
    expect(activations.map((t) => t.shape.join('x'))).toEqual([
      '1x1x28x28',
      '1x10x24x24',
      '1x10x12x12',
      '1x10x8x8',
      '1x10x4x4',
      '1x160',
      '1x100',
      '1x10',
    ]);
    const weights = await client.snapshot('weights', 1, 0);
    expect(weights.map((t) => t.name)).toEqual(['conv2d_1.weight', 'conv2d_1.bias']);
    const grads = await client.snapshot('gradients', 1, 0);
    expect(grads[0]!.data.some((g) => g !== 0)).toBe(true);
    await expect(client.snapshot('activations', null, 999999)).rejects.toThrow(/does not exist/);
  });

  it('predicts probabilities that sum to one, and round-trips weights', async () => {
    const image = new Float32Array(28 * 28).fill(0.5);
    const p = await client.predict(image, true);
    expect(p.probabilities).toHaveLength(10);
    expect([...p.probabilities].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(p.activations).toHaveLength(8);
    const saved = await client.exportWeights();
    const zeroed = Object.fromEntries(Object.entries(saved).map(([k, v]) => [k, new Float32Array(v.length)]));
    await client.importWeights(zeroed);
    const flat = await client.predict(new Float32Array(28 * 28).fill(0.5), false);
    expect([...flat.probabilities].every((q) => Math.abs(q - 0.1) < 1e-6)).toBe(true);
    await expect(client.importWeights({})).rejects.toThrow(/no values for/);
  });
});
