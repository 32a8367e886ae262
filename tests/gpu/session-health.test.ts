/**
 * Training health on the WebGPU backend, through the worker session (Dawn; SwiftShader where the
 * machine has no GPU): at learning rate 10 the session pauses the GpuTrainer at its first progress
 * point and says why; the last good checkpoint (read back from the GPU before the run) puts back
 * the weights the run started from; 'continue-from' makes the GpuTrainer count on from a step.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { create, globals } from 'webgpu';
import { PRESETS } from '../../engine/spec';
import { WorkerClient } from '../../engine/worker/client';
import { type FromWorker, type ToWorker, transferablesOf } from '../../engine/worker/protocol';
import { WorkerSession } from '../../engine/worker/session';

const LN10 = Math.log(10);
const bytes = readFileSync(resolve('public/data/mnist-embedded.bin'));
let instance: GPU | null = null;
const channel = new MessageChannel();
let client: WorkerClient;

beforeAll(() => {
  Object.assign(globalThis, globals);
  vi.stubGlobal('fetch', async () => new Response(new Uint8Array(bytes)));
  // Held for the whole file: Dawn's instance dies with this object (engine/gpu/device.ts).
  instance = create([]);
  const session = new WorkerSession((m) => channel.port1.postMessage(m, transferablesOf(m)), instance);
  channel.port1.onmessage = (event: MessageEvent<ToWorker>) => void session.handle(event.data);
  client = new WorkerClient(channel.port2 as unknown as ConstructorParameters<typeof WorkerClient>[0]);
  channel.port2.start();
});
afterAll(() => {
  vi.unstubAllGlobals();
  client?.send({ type: 'stop' });
  channel.port1.close();
  channel.port2.close();
  instance = null;
});

function next<T extends FromWorker['type']>(
  type: T,
  where: (m: Extract<FromWorker, { type: T }>) => boolean = () => true,
): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((done, fail) => {
    const stop = client.subscribe((m) => {
      if (m.type === type && where(m as Extract<FromWorker, { type: T }>)) {
        stop();
        done(m as Extract<FromWorker, { type: T }>);
      } else if (m.type === 'error') {
        stop();
        fail(new Error(m.message));
      }
    });
  });
}

async function build(): Promise<void> {
  client.send({ type: 'build', spec: PRESETS['lecture-mnist']!.spec, seed: 1 });
  await next('model');
}

describe('WorkerSession training health on WebGPU (lecture-mnist, embedded MNIST)', () => {
  it('starts on the webgpu backend with the embedded subset', async () => {
    client.send({ type: 'init', backend: 'webgpu' });
    const backend = await next('backend');
    expect(backend.backend).toBe('webgpu');
    const source = { kind: 'embedded-mnist', url: 'http://test/mnist-embedded.bin' } as const;
    client.send({ type: 'load-dataset', source, validation: 1000, seed: 1 });
    await next('dataset');
  });

  it('lr 10 (SGD): paused at the first point (step 10) as diverging; going back restores the start weights', async () => {
    await build();
    const fresh = await client.evaluate('validation', 300);
    const statuses: string[] = [];
    const stop = client.subscribe((m) => {
      if (m.type === 'trainer' && m.event.type === 'status') statuses.push(m.event.status);
    });
    client.send({
      type: 'configure',
      config: { learningRate: 10, optimizer: { kind: 'sgd' }, batchSize: 32, epochs: 1, progressEvery: 10 },
    });
    client.send({ type: 'start' });
    const health = await next('health');
    expect(health.verdict).toBe('diverging');
    expect(health.step).toBe(10);
    expect(health.checkpointStep).toBe(0);
    await vi.waitFor(() => expect(statuses).toContain('paused'), { timeout: 30_000 });
    expect(statuses).not.toContain('done');
    const diverged = await client.evaluate('validation', 300);
    expect(diverged.step).toBeGreaterThanOrEqual(10);
    expect(diverged.metrics.loss).not.toBeCloseTo(fresh.metrics.loss, 3);

    await client.restoreCheckpoint();
    const after = await client.evaluate('validation', 300);
    stop();
    expect(after.step).toBe(0);
    expect(after.metrics.loss).toBeCloseTo(fresh.metrics.loss, 5);
    expect(after.metrics.loss).toBeLessThan(3 * LN10);
  });

  it('continue-from 100: the GpuTrainer counts on from step 100', async () => {
    await build();
    client.send({ type: 'configure', config: { learningRate: 0.001, optimizer: { kind: 'adam' }, epochs: 2 } });
    client.send({ type: 'continue-from', step: 100 });
    client.send({ type: 'start' });
    const first = await next('trainer', (m) => m.event.type === 'progress');
    client.send({ type: 'pause' });
    if (first.event.type !== 'progress') throw new Error('not a progress event');
    expect(first.event.progress.step).toBe(110);
    expect(first.event.progress.epoch).toBeCloseTo(110 / first.event.progress.stepsPerEpoch, 10);
  });
});
