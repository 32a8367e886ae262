/**
 * The worker session on a real WebGPU device (Dawn), joined to the page's client by a
 * MessageChannel as in tests/unit/worker-protocol.test.ts. The GPU object is wrapped so the test
 * can reach the devices the session opens, and destroy one to check that a lost device is
 * reported and training continues on a new one.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create, globals } from 'webgpu';
import { getPreset } from '../../engine/spec/presets';
import { WorkerClient } from '../../engine/worker/client';
import { type FromWorker, type ToWorker, transferablesOf } from '../../engine/worker/protocol';
import { WorkerSession } from '../../engine/worker/session';

const devices: GPUDevice[] = [];
let instance: GPU | null = null;

/** The real GPU, except that every device it opens is remembered in `devices`. */
function recordingGpu(real: GPU): GPU {
  const wrapAdapter = (adapter: GPUAdapter): GPUAdapter =>
    new Proxy(adapter, {
      get(target, key) {
        if (key === 'requestDevice') {
          return async (descriptor?: GPUDeviceDescriptor) => {
            const device = await target.requestDevice(descriptor);
            devices.push(device);
            return device;
          };
        }
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return {
    requestAdapter: async (options?: GPURequestAdapterOptions) => {
      const adapter = await real.requestAdapter(options);
      return adapter ? wrapAdapter(adapter) : null;
    },
    getPreferredCanvasFormat: () => real.getPreferredCanvasFormat(),
    wgslLanguageFeatures: real.wgslLanguageFeatures,
  } as GPU;
}

const channel = new MessageChannel();
let client: WorkerClient;

beforeAll(() => {
  Object.assign(globalThis, globals);
  // Held for the whole file: Dawn's instance dies with this object (engine/gpu/device.ts).
  instance = create([]);
  const session = new WorkerSession((m) => channel.port1.postMessage(m, transferablesOf(m)), recordingGpu(instance));
  channel.port1.onmessage = (event: MessageEvent<ToWorker>) => void session.handle(event.data);
  client = new WorkerClient(channel.port2 as unknown as ConstructorParameters<typeof WorkerClient>[0]);
  channel.port2.start();
});
afterAll(() => {
  channel.port1.close();
  channel.port2.close();
  for (const d of devices) d.destroy();
  instance = null;
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
const isProgress = (m: Extract<FromWorker, { type: 'trainer' }>, atLeast: number): boolean =>
  m.event.type === 'progress' && m.event.progress.step >= atLeast;

describe('worker session on WebGPU', () => {
  it('init with backend webgpu reports the WebGPU backend and its adapter', async () => {
    const answer = next('backend');
    client.send({ type: 'init', backend: 'webgpu' });
    const m = await answer;
    expect(m.backend).toBe('webgpu');
    expect(m.adapter).toBeTruthy();
    expect(m.reason).toMatch(/WebGPU/);
    expect(devices).toHaveLength(1);
  });

  it('builds lecture-mnist on the GPU and steps it three times while paused', async () => {
    const loaded = next('dataset');
    const names = ['train-images', 'train-labels', 't10k-images', 't10k-labels'];
    const files = names.map((n) => file(`${n}-idx${n.includes('images') ? 3 : 1}-ubyte.gz`));
    client.send({ type: 'load-dataset', source: { kind: 'files', files }, validation: 1000, seed: 1 });
    await loaded;
    const model = next('model');
    client.send({ type: 'build', spec: getPreset('lecture-mnist').spec, seed: 3 });
    expect((await model).summary.totalParams).toBe(19880);
    client.send({ type: 'configure', config: { batchSize: 32, progressEvery: 1, learningRate: 0.01 } });
    const third = next('trainer', (m) => isProgress(m, 3));
    for (let i = 0; i < 3; i++) client.send({ type: 'step' });
    const m = await third;
    expect(m.event.type === 'progress' && Number.isFinite(m.event.progress.loss)).toBe(true);
  });

  it('returns activations, weights and gradients read from the GPU', async () => {
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
  });

  it('predicts, and round-trips weights through export and import', async () => {
    const p = await client.predict(new Float32Array(28 * 28).fill(0.5), true);
    expect([...p.probabilities].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(p.activations).toHaveLength(8);
    const saved = await client.exportWeights();
    const zeroed = Object.fromEntries(Object.entries(saved).map(([k, v]) => [k, new Float32Array(v.length)]));
    await client.importWeights(zeroed);
    const flat = await client.predict(new Float32Array(28 * 28).fill(0.5), false);
    expect([...flat.probabilities].every((q) => Math.abs(q - 0.1) < 1e-6)).toBe(true);
    await client.importWeights(saved);
    await expect(client.importWeights({})).rejects.toThrow(/no values for/);
  });

  it('reports a lost device and continues training on a new one', async () => {
    const running = next('trainer', (m) => isProgress(m, 6));
    client.send({ type: 'start' });
    await running;
    const lost = next('error', (m) => m.scope === 'backend');
    const reopened = next('backend');
    devices[0]!.destroy();
    expect((await lost).message).toMatch(/GPU device was lost.*continues on a new device from step \d+/);
    expect((await reopened).backend).toBe('webgpu');
    expect(devices).toHaveLength(2);
    const resumed = await next('trainer', (m) => m.event.type === 'progress');
    expect(resumed.event.type === 'progress' && resumed.event.progress.step).toBeGreaterThan(0);
    const stopped = next('trainer', (m) => m.event.type === 'status' && m.event.status === 'cancelled');
    client.send({ type: 'stop' });
    await stopped;
  });
});
