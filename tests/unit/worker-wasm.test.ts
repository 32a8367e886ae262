/**
 * The WebAssembly engine through the worker session (createBackend('wasm') with the kernels read
 * from disk, as engine/wasm/browser.ts fetches them in a worker): it is reported with its threads,
 * loads a dataset, builds, trains steps and evaluates, and agrees with the TypeScript engine on the
 * same seed. A wasm engine that cannot load falls back to TypeScript with the reason in words.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { inProcessLauncher } from '../../engine/parallel/in-process-launcher';
import { getPreset } from '../../engine/spec/presets';
import { WasmLoadError } from '../../engine/wasm/module';
import { loadWasmKernels } from '../../engine/wasm/node/load';
import { mnistFiles, openSession, type SessionHarness } from './worker-harness';

const spec = getPreset('lecture-mnist').spec;
const opened: SessionHarness[] = [];
afterAll(() => {
  for (const s of opened) s.close();
});

/** A session on `engine` with 2,000 MNIST training images and 500 for validation, built and configured. */
async function ready(engine: 'wasm' | 'cpu', batchSize: number): Promise<SessionHarness> {
  const s = openSession(undefined, loadWasmKernels);
  opened.push(s);
  const backend = s.next('backend');
  s.client.send({ type: 'init', backend: engine });
  expect((await backend).backend).toBe(engine);
  return prepare(s, batchSize);
}

/** Loads the data, builds the net and configures the trainer on a session whose engine is set. */
async function prepare(s: SessionHarness, batchSize: number): Promise<SessionHarness> {
  const dataset = s.next('dataset');
  s.client.send({
    type: 'load-dataset',
    source: { kind: 'files', files: mnistFiles() },
    validation: 500,
    seed: 1,
    trainLimit: 2000,
  });
  await dataset;
  const model = s.next('model');
  s.client.send({ type: 'build', spec, seed: 7 });
  await model;
  s.client.send({
    type: 'configure',
    config: { batchSize, progressEvery: 1, learningRate: 0.01, optimizer: { kind: 'sgd' } },
  });
  return s;
}

/** Takes `steps` single steps and returns the loss of the last. */
async function step(s: SessionHarness, steps: number): Promise<number> {
  const last = s.next('trainer', (m) => m.event.type === 'progress' && m.event.progress.step === steps);
  for (let i = 0; i < steps; i++) s.client.send({ type: 'step' });
  const m = await last;
  if (m.event.type !== 'progress') throw new Error('not a progress event');
  return m.event.progress.loss;
}

describe('the worker session on the wasm engine', () => {
  it("reports the WebAssembly engine and its one thread when asked for 'wasm'", async () => {
    const s = openSession(undefined, loadWasmKernels);
    opened.push(s);
    const backend = s.next('backend');
    s.client.send({ type: 'init', backend: 'wasm' });
    const m = await backend;
    expect([m.backend, m.adapter, m.threads]).toEqual(['wasm', null, 1]);
    expect(m.reason).toMatch(
      /^Training runs on the WebAssembly engine \((relaxed-SIMD|SIMD128) kernels, 1 thread\)\.$/,
    );
  });

  it("'auto' without WebGPU picks the wasm engine", async () => {
    const s = openSession(undefined, loadWasmKernels);
    opened.push(s);
    const backend = s.next('backend');
    s.client.send({ type: 'init', backend: 'auto' });
    const m = await backend;
    expect(m.backend).toBe('wasm');
    expect(m.reason).toMatch(/navigator\.gpu is missing.*WebAssembly engine.*chosen automatically/);
  });

  it('trains 5 steps at batch 32 and evaluates like the TypeScript engine on the same seed', async () => {
    const [wasm, ts] = [await ready('wasm', 32), await ready('cpu', 32)];
    const [wasmLoss, tsLoss] = [await step(wasm, 5), await step(ts, 5)];
    expect(Number.isFinite(wasmLoss)).toBe(true);
    expect(Math.abs(wasmLoss - tsLoss)).toBeLessThan(1e-3 * Math.max(1, tsLoss));
    const [a, b] = [await wasm.client.evaluate('validation'), await ts.client.evaluate('validation')];
    expect([a.step, a.metrics.count]).toEqual([5, 500]);
    expect(Math.abs(a.metrics.loss - b.metrics.loss)).toBeLessThan(1e-3);
    // Argmax can flip on a near-tie between the engines' roundings: at most a few of 500 images.
    expect(Math.abs(a.metrics.accuracy - b.metrics.accuracy)).toBeLessThanOrEqual(3 / 500);
  });

  it('a batch larger than the memory was sized for (300 > 256) rebuilds the model with its weights', async () => {
    const s = await ready('wasm', 300);
    const before = await s.client.exportWeights();
    const evaluatedBefore = await s.client.evaluate('validation');
    // The first step makes the trainer, which makes room for 300 images, then trains on them.
    const loss = await step(s, 1);
    expect(Number.isFinite(loss)).toBe(true);
    const after = await s.client.exportWeights();
    expect(Object.keys(after)).toEqual(Object.keys(before));
    // The step moved the weights from where they were, not from a fresh initialisation.
    const moved = Math.max(...Object.keys(before).map((k) => maxDiff(before[k]!, after[k]!)));
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(0.1);
    expect(evaluatedBefore.metrics.count).toBe(500);
  });

  it('on 2 threads it says so, trains through a replica, and agrees with one thread', async () => {
    const s = openSession(undefined, loadWasmKernels, { threads: 2, launcher: inProcessLauncher() });
    opened.push(s);
    const backend = s.next('backend');
    s.client.send({ type: 'init', backend: 'wasm' });
    const m = await backend;
    expect([m.backend, m.threads]).toEqual(['wasm', 2]);
    expect(m.reason).toMatch(/kernels, 2 threads, each batch split between them\)\.$/);
    const parallel = await prepare(s, 32);
    const one = await ready('wasm', 32);
    const [a, b] = [await step(parallel, 3), await step(one, 3)];
    expect(Math.abs(a - b)).toBeLessThan(1e-4 * Math.max(1, b));
  });

  it('replicas that cannot start: the engine line changes to 1 thread with the reason, and training goes on', async () => {
    const failing = inProcessLauncher({
      buildModel: () => Promise.reject(new Error('no room for another model')),
    });
    const s = openSession(undefined, loadWasmKernels, { threads: 2, launcher: failing });
    opened.push(s);
    const first = s.next('backend');
    s.client.send({ type: 'init', backend: 'wasm' });
    expect((await first).threads).toBe(2);
    await prepare(s, 32);
    const fallback = s.next('backend');
    const loss = step(s, 2);
    const m = await fallback;
    expect([m.backend, m.threads]).toEqual(['wasm', 1]);
    expect(m.reason).toContain('no room for another model');
    expect(Number.isFinite(await loss)).toBe(true);
  });

  it('falls back to the TypeScript engine, saying why, when the wasm engine cannot load', async () => {
    const s = openSession(undefined, () =>
      Promise.reject(new WasmLoadError('This browser cannot run WebAssembly SIMD, which the wasm engine needs.')),
    );
    opened.push(s);
    const backend = s.next('backend');
    s.client.send({ type: 'init', backend: 'wasm' });
    const m = await backend;
    expect([m.backend, m.threads]).toEqual(['cpu', 1]);
    expect(m.reason).toBe(
      'The WebAssembly engine could not be loaded: This browser cannot run WebAssembly SIMD, which the wasm engine needs. Training runs on the TypeScript engine (1 thread), instead.',
    );
  });
});

function maxDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
