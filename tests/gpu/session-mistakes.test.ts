/**
 * The worker session's 'evaluate' and 'mistakes' requests on both backends: the CPU engine and
 * WebGPU (Dawn in Node), each session joined to its client by a MessageChannel. The GPU model is
 * given the CPU model's trained weights, so both must find the same mistakes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create, globals } from 'webgpu';
import { getPreset } from '../../engine/spec/presets';
import { WorkerClient } from '../../engine/worker/client';
import { type FromWorker, type ToWorker, transferablesOf } from '../../engine/worker/protocol';
import { WorkerSession } from '../../engine/worker/session';

let instance: GPU | null = null;
const channels: MessageChannel[] = [];

function connect(gpu: GPU | undefined): WorkerClient {
  const channel = new MessageChannel();
  channels.push(channel);
  const session = new WorkerSession((m) => channel.port1.postMessage(m, transferablesOf(m)), gpu);
  channel.port1.onmessage = (event: MessageEvent<ToWorker>) => void session.handle(event.data);
  const client = new WorkerClient(channel.port2 as unknown as ConstructorParameters<typeof WorkerClient>[0]);
  channel.port2.start();
  return client;
}

function next<T extends FromWorker['type']>(
  client: WorkerClient,
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
const files = () =>
  ['train-images', 'train-labels', 't10k-images', 't10k-labels'].map((n) => {
    const name = `${n}-idx${n.includes('images') ? 3 : 1}-ubyte.gz`;
    return { name, bytes: new Uint8Array(readFileSync(resolve(mnistDir, name))) };
  });

/** Loads MNIST (a small validation split, so SwiftShader evaluates it quickly) and builds the lecture net. */
async function prepare(client: WorkerClient, backend: 'cpu' | 'webgpu'): Promise<void> {
  const chosen = next(client, 'backend');
  client.send({ type: 'init', backend });
  expect((await chosen).backend).toBe(backend);
  const loaded = next(client, 'dataset');
  client.send({ type: 'load-dataset', source: { kind: 'files', files: files() }, validation: 300, seed: 1 });
  expect((await loaded).info.validationCount).toBe(300);
  const model = next(client, 'model');
  client.send({ type: 'build', spec: getPreset('lecture-mnist').spec, seed: 3 });
  await model;
  client.send({ type: 'configure', config: { batchSize: 32, progressEvery: 1, learningRate: 0.003, epochs: 1 } });
}

let cpu: WorkerClient;
let gpu: WorkerClient;

beforeAll(() => {
  Object.assign(globalThis, globals);
  instance = create([]);
  cpu = connect(undefined);
  gpu = connect(instance);
});
afterAll(() => {
  for (const c of channels) {
    c.port1.close();
    c.port2.close();
  }
  instance = null;
});

describe('evaluate and mistakes requests', () => {
  it('explain what is missing before a dataset and a model exist', async () => {
    await expect(cpu.mistakes('validation', { limit: 10 })).rejects.toThrow(/No model yet/);
    await expect(cpu.evaluate('test')).rejects.toThrow(/No model yet/);
  });

  it('list the CPU model’s validation mistakes, most confident first, consistent with its metrics', async () => {
    await prepare(cpu, 'cpu');
    const trained = next(cpu, 'trainer', (m) => m.event.type === 'progress' && m.event.progress.step >= 30);
    for (let i = 0; i < 30; i++) cpu.send({ type: 'step' });
    await trained;

    const evaluation = await cpu.evaluate('validation');
    expect(evaluation.split).toBe('validation');
    expect(evaluation.step).toBe(30);
    const { metrics } = evaluation;
    expect(metrics.count).toBe(300);
    expect(metrics.accuracy).toBeGreaterThan(0.3); // 30 steps of Adam learn something
    expect(metrics.accuracy).toBeLessThan(1);

    const answer = await cpu.mistakes('validation', { limit: 1000 });
    expect(answer.evaluated).toBe(300);
    expect(answer.total).toBe(300);
    expect(answer.wrong).toBe(Math.round((1 - metrics.accuracy) * 300));
    expect(answer.metrics.accuracy).toBe(metrics.accuracy);
    expect(answer.metrics.loss).toBeCloseTo(metrics.loss, 6);
    expect(answer.items).toHaveLength(answer.wrong);
    let previous = Number.POSITIVE_INFINITY;
    for (const item of answer.items) {
      expect(item.predicted).not.toBe(item.label);
      expect(item.probabilities).toHaveLength(10);
      expect([...item.probabilities].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      const confidence = item.probabilities[item.predicted]!;
      expect(confidence).toBe(Math.max(...item.probabilities));
      expect(confidence).toBeLessThanOrEqual(previous);
      previous = confidence;
      expect(item.image.shape).toEqual([1, 1, 28, 28]);
    }
    // The image is the validation sample itself, as the activations snapshot shows it.
    const first = answer.items[0]!;
    const [input] = await cpu.snapshot('activations', 0, first.index);
    expect([...first.image.data]).toEqual([...input!.data]);

    // Per class: the confusion row's off-diagonal count, only that class, and a limit.
    const row = (c: number): number => {
      let n = 0;
      for (let p = 0; p < 10; p++) if (p !== c) n += metrics.confusion[c * 10 + p]!;
      return n;
    };
    const worst = [...Array(10).keys()].sort((a, b) => row(b) - row(a))[0]!;
    const onlyWorst = await cpu.mistakes('validation', { limit: 1000, label: worst });
    expect(onlyWorst.items).toHaveLength(row(worst));
    expect(onlyWorst.items.every((m) => m.label === worst)).toBe(true);
    expect(onlyWorst.wrong).toBe(answer.wrong);
    const top3 = await cpu.mistakes('validation', { limit: 3 });
    expect(top3.items.map((m) => m.index)).toEqual(answer.items.slice(0, 3).map((m) => m.index));
  });

  it('evaluate the test split, whole or its first images, and answer while training runs', async () => {
    const test = await cpu.evaluate('test');
    expect(test.metrics.count).toBe(10000);
    expect(test.metrics.accuracy).toBeGreaterThan(0.3);
    const part = await cpu.evaluate('test', 500);
    expect(part.metrics.count).toBe(500);
    const mistakes = await cpu.mistakes('test', { limit: 5, maxImages: 500 });
    expect(mistakes.evaluated).toBe(500);
    expect(mistakes.total).toBe(10000);
    expect(mistakes.wrong).toBe(500 - Math.round(part.metrics.accuracy * 500));
    expect(mistakes.items.length).toBeLessThanOrEqual(5);

    const running = next(cpu, 'trainer', (m) => m.event.type === 'progress' && m.event.progress.step >= 40);
    cpu.send({ type: 'start' });
    await running;
    const live = await cpu.mistakes('validation', { limit: 10, maxImages: 200 });
    expect(live.evaluated).toBe(200);
    expect(live.step).toBeGreaterThanOrEqual(40);
    const paused = next(cpu, 'trainer', (m) => m.event.type === 'status' && m.event.status === 'paused');
    cpu.send({ type: 'pause' });
    await paused;
  });

  it('find the same mistakes on WebGPU given the same weights', async () => {
    await prepare(gpu, 'webgpu');
    const weights = await cpu.exportWeights();
    await gpu.importWeights(weights);
    const [onCpu, onGpu] = [
      await cpu.mistakes('validation', { limit: 1000 }),
      await gpu.mistakes('validation', { limit: 1000 }),
    ];
    expect(onGpu.evaluated).toBe(300);
    // Float sums differ in order between the backends: allow one borderline image either way.
    expect(Math.abs(onGpu.wrong - onCpu.wrong)).toBeLessThanOrEqual(1);
    expect(onGpu.metrics.loss).toBeCloseTo(onCpu.metrics.loss, 3);
    const cpuIndices = new Set(onCpu.items.map((m) => m.index));
    const shared = onGpu.items.filter((m) => cpuIndices.has(m.index)).length;
    expect(shared).toBeGreaterThanOrEqual(Math.min(onGpu.items.length, onCpu.items.length) - 1);
    const top = onGpu.items[0]!;
    const same = onCpu.items.find((m) => m.index === top.index)!;
    for (let c = 0; c < 10; c++) expect(top.probabilities[c]).toBeCloseTo(same.probabilities[c]!, 3);

    const test = await gpu.evaluate('test', 300);
    const cpuTest = await cpu.evaluate('test', 300);
    expect(test.metrics.count).toBe(300);
    expect(Math.abs(test.metrics.accuracy - cpuTest.metrics.accuracy)).toBeLessThanOrEqual(1 / 300 + 1e-9);
    expect(test.metrics.loss).toBeCloseTo(cpuTest.metrics.loss, 3);
  });
});
