/**
 * The worker's 'inspect' requests when the model lives on the GPU (Dawn): saliency and FGSM take
 * their gradients with the GPU probe (engine/gpu/inspect-on-gpu.ts), and must give the answers the
 * CPU path gives (engine/worker/inspect.ts run here on the weights the session exports). The
 * session is joined to the client by a MessageChannel, as in tests/gpu/session.test.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create, globals } from 'webgpu';
import { createProbe } from '../../engine/inspect/probe';
import type { ModelSpec } from '../../engine/spec/types';
import { WorkerClient } from '../../engine/worker/client';
import { type InspectQuery, type InspectResult, inspect } from '../../engine/worker/inspect';
import { type FromWorker, type ToWorker, transferablesOf } from '../../engine/worker/protocol';
import { WorkerSession } from '../../engine/worker/session';
import { expectGpuMatchesCpu } from './harness';

const TOL = { rel: 1e-4, abs: 1e-5 };

/** ReLU, batch norm (evaluation mode: running statistics), max pooling and dropout (off). */
const spec: ModelSpec = {
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', id: 'c1', filters: 6, kernel: 5, activation: 'relu' },
    { type: 'batchnorm', id: 'bn' },
    { type: 'maxpool', id: 'p1', size: 2 },
    { type: 'conv2d', id: 'c2', filters: 8, kernel: 3, activation: 'elu' },
    { type: 'maxpool', id: 'p2', size: 2 },
    { type: 'flatten' },
    { type: 'dropout', rate: 0.25 },
    { type: 'dense', id: 'out', units: 10 },
    { type: 'softmax' },
  ],
};

// Held for the whole file: Dawn's instance dies with this object (engine/gpu/device.ts).
let instance: GPU | null = null;
const channel = new MessageChannel();
let client: WorkerClient;

beforeAll(() => {
  Object.assign(globalThis, globals);
  instance = create([]);
  const session = new WorkerSession((m) => channel.port1.postMessage(m, transferablesOf(m)), instance);
  channel.port1.onmessage = (event: MessageEvent<ToWorker>) => void session.handle(event.data);
  client = new WorkerClient(channel.port2 as unknown as ConstructorParameters<typeof WorkerClient>[0]);
  channel.port2.start();
});
afterAll(async () => {
  // Back to the CPU: the session destroys its GPU device.
  const released = next('backend');
  client.send({ type: 'init', backend: 'cpu' });
  await released;
  channel.port1.close();
  channel.port2.close();
  instance = null;
});

function next<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((done) => {
    const stop = client.subscribe((m) => {
      if (m.type === type) {
        stop();
        done(m as Extract<FromWorker, { type: T }>);
      }
    });
  });
}

const mnistDir = resolve('../shared/datasets/mnist');
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(mnistDir, name))) });

/** The validation image `sample` as the session sees it: layer 0 of its activations. */
async function sampleImage(sample: number): Promise<Float32Array> {
  const [input] = await client.snapshot('activations', 0, sample);
  return Float32Array.from(input!.data);
}

function onCpu(query: InspectQuery, weights: Record<string, Float32Array>, image: Float32Array): InspectResult {
  return inspect(query, { spec, weights, sample: () => image });
}

describe('inspect on a WebGPU session', () => {
  let weights: Record<string, Float32Array> = {};

  it('runs on the GPU backend and trains a few steps, so the weights are not the initial ones', async () => {
    const backend = next('backend');
    client.send({ type: 'init', backend: 'webgpu' });
    expect((await backend).backend).toBe('webgpu');
    const loaded = next('dataset');
    const names = ['train-images', 'train-labels', 't10k-images', 't10k-labels'];
    const files = names.map((n) => file(`${n}-idx${n.includes('images') ? 3 : 1}-ubyte.gz`));
    client.send({ type: 'load-dataset', source: { kind: 'files', files }, validation: 200, seed: 1, trainLimit: 640 });
    await loaded;
    const model = next('model');
    client.send({ type: 'build', spec, seed: 5 });
    await model;
    client.send({ type: 'configure', config: { batchSize: 32, progressEvery: 1, learningRate: 0.05 } });
    const stepped = new Promise<void>((done) => {
      const stop = client.subscribe((m) => {
        if (m.type === 'trainer' && m.event.type === 'progress' && m.event.progress.step >= 5) {
          stop();
          done();
        }
      });
    });
    for (let i = 0; i < 5; i++) client.send({ type: 'step' });
    await stepped;
    weights = Object.fromEntries(
      Object.entries(await client.exportWeights()).map(([k, v]) => [k, Float32Array.from(v)]),
    );
    // Trained batch norm: running statistics away from 0 and 1.
    expect(weights['bn.runningMean']!.some((m) => Math.abs(m) > 1e-3)).toBe(true);
  });

  it('saliency of a validation sample (predicted class) matches the CPU path', async () => {
    const query: InspectQuery = { kind: 'saliency', image: { sample: 3 }, classIndex: null };
    const gpu = await client.inspect(query);
    const cpu = onCpu(query, weights, await sampleImage(3));
    if (gpu.kind !== 'saliency' || cpu.kind !== 'saliency') throw new Error('expected saliency maps');
    expect(gpu.classIndex).toBe(cpu.classIndex);
    expect([gpu.height, gpu.width, gpu.layerId]).toEqual([28, 28, null]);
    expect(Math.abs(gpu.score - cpu.score)).toBeLessThanOrEqual(TOL.abs + TOL.rel * Math.abs(cpu.score));
    expectGpuMatchesCpu('saliency map', gpu.map, cpu.map, TOL);
    expectGpuMatchesCpu('probabilities', gpu.probabilities, cpu.probabilities, TOL);
    expect(gpu.map.filter((v) => v > 1e-4).length).toBeGreaterThan(50);
  });

  it('saliency of sent pixels for a chosen class matches the CPU path', async () => {
    const image = Float32Array.from({ length: 28 * 28 }, (_, i) => ((i * 37) % 101) / 100);
    const query: InspectQuery = { kind: 'saliency', image: { pixels: image }, classIndex: 7 };
    const gpu = await client.inspect({ ...query, image: { pixels: image.slice() } });
    const cpu = onCpu(query, weights, image);
    if (gpu.kind !== 'saliency' || cpu.kind !== 'saliency') throw new Error('expected saliency maps');
    expect(gpu.classIndex).toBe(7);
    expectGpuMatchesCpu('saliency map for class 7', gpu.map, cpu.map, TOL);
  });

  it('one FGSM step matches the CPU path: same perturbation, losses before and after', async () => {
    const image = await sampleImage(5);
    const label = 2;
    const query: InspectQuery = { kind: 'fgsm', image: { sample: 5 }, label, epsilon: 0.1 };
    const gpu = await client.inspect(query);
    const cpu = onCpu(query, weights, image);
    if (gpu.kind !== 'fgsm' || cpu.kind !== 'fgsm') throw new Error('expected FGSM results');
    // A pixel whose loss gradient is (near) zero may take either sign on either backend: skip those.
    const g = createProbe(spec, weights, { kind: 'loss', label }).evaluate(image).gradient;
    const largest = g.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const decided = [...g.keys()].filter((i) => Math.abs(g[i]!) > 1e-4 * largest);
    expect(decided.length).toBeGreaterThan(100);
    for (const i of decided) expect(gpu.perturbation[i], `pixel ${i}`).toBe(cpu.perturbation[i]);
    for (const i of decided) expect(gpu.image[i], `pixel ${i}`).toBe(cpu.image[i]);
    expect(Math.abs(gpu.lossBefore - cpu.lossBefore)).toBeLessThanOrEqual(1e-5 + 1e-4 * cpu.lossBefore);
    expect(Math.abs(gpu.lossAfter - cpu.lossAfter)).toBeLessThanOrEqual(1e-4 + 1e-3 * cpu.lossAfter);
    expect(gpu.lossAfter).toBeGreaterThan(gpu.lossBefore);
    expectGpuMatchesCpu('probabilities before', gpu.before, cpu.before, TOL);
  });

  it('refuses a class the model does not have, in the CPU path’s words', async () => {
    const image = new Float32Array(28 * 28);
    await expect(client.inspect({ kind: 'saliency', image: { pixels: image }, classIndex: 10 })).rejects.toThrow(
      /no class 10: pick one from 0 to 9/,
    );
  });
});
