/**
 * A lesson's WorkerRun against the real worker session, joined by a MessageChannel in Node as a
 * Web Worker would be: data limited to a few hundred images, progress points, epochs, gradient
 * norms, reset and a refused spec.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunView, WorkerRunSetup } from '../../app/ui/training/runView';
import type { WorkerRun } from '../../app/ui/training/workerRun';
import { getPreset } from '../../engine/spec/presets';
import type { DatasetSource } from '../../engine/worker/protocol';
import { openRun } from './worker-harness';

const mnistDir = resolve('../shared/datasets/mnist');
const names = [
  'train-images-idx3-ubyte.gz',
  'train-labels-idx1-ubyte.gz',
  't10k-images-idx3-ubyte.gz',
  't10k-labels-idx1-ubyte.gz',
];
const files = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(resolve(mnistDir, name))) }));
/** A fresh copy per load: the buffers are transferred to the session. */
const source = (): DatasetSource => ({
  kind: 'files',
  files: files.map((f) => ({ name: f.name, bytes: f.bytes.slice() })),
});

const open: (() => void)[] = [];
afterAll(() => {
  for (const close of open.splice(0)) close();
});

function newRun(): WorkerRun {
  const opened = openRun();
  open.push(opened.close);
  return opened.run;
}

function until(run: WorkerRun, done: (view: RunView) => boolean): Promise<RunView> {
  return new Promise((resolveView) => {
    if (done(run.current)) return resolveView(run.current);
    const stop = run.subscribe((view) => {
      if (done(view)) {
        stop();
        resolveView(view);
      }
    });
  });
}

// One data set for every test (loading full MNIST is the slow part); runs share it by identity.
const data = { trainLimit: 200, validation: 100, source: source() };
const setup = (overrides: Partial<WorkerRunSetup> = {}): WorkerRunSetup => ({
  spec: getPreset('linear-mnist').spec,
  seed: 3,
  trainer: { epochs: 2, batchSize: 20, learningRate: 0.05, optimizer: { kind: 'sgd' }, progressEvery: 2 },
  data,
  gradientNorms: true,
  ...overrides,
});

describe('WorkerRun (a lesson run in the worker)', () => {
  const run = newRun();

  it('trains on only trainLimit images and reports points, epochs and gradient norms', async () => {
    await run.apply(setup());
    expect(run.current.status).toBe('ready');
    expect(run.current.summary?.totalParams).toBe(7850);
    // Known before the first step: 200 images in batches of 20, 2 epochs.
    expect(run.current.totalSteps).toBe(20);
    run.start();
    const view = await until(run, (v) => v.status === 'done');
    // 200 images in batches of 20: 10 steps an epoch, 2 epochs, a point every 2 steps.
    expect(view.totalSteps).toBe(20);
    expect(view.points.map((p) => p.step)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(view.points.at(-1)!.loss).toBeLessThan(view.points[0]!.loss);
    expect(view.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(view.epochs[1]!.valAccuracy).toBeGreaterThan(0.5);
    const norms = await until(run, (v) => v.gradientNorms.length > 0);
    const layers = new Set(norms.gradientNorms[0]!.norms.map((n) => n.layer));
    const withParams = view.summary!.layers.filter((l) => l.params > 0).map((l) => l.id);
    expect([...layers]).toEqual(withParams);
    for (const n of norms.gradientNorms[0]!.norms) expect(n.norm).toBeGreaterThan(0);
  });

  it('reset starts again from the same weights: the same first losses', async () => {
    await run.apply(setup({ gradientNorms: false }));
    run.start();
    const first = await until(run, (v) => v.status === 'done');
    run.reset();
    const fresh = await until(run, (v) => v.status === 'ready');
    expect(fresh.points).toEqual([]);
    run.start();
    const again = await until(run, (v) => v.status === 'done');
    expect(again.points.map((p) => p.loss)).toEqual(first.points.map((p) => p.loss));
  });

  it('an impossible spec is an error with the engine’s message, and the next setup recovers', async () => {
    const bad = {
      layers: [
        { type: 'input', shape: [1, 28, 28] },
        { type: 'conv2d', filters: 4, kernel: 40 },
      ],
    } as const;
    await run.apply(setup({ spec: bad as unknown as WorkerRunSetup['spec'] }));
    expect(run.current.status).toBe('error');
    expect(run.current.message).toMatch(/kernel|larger|fit/i);
    await run.apply(setup({ gradientNorms: false }));
    expect(run.current.status).toBe('ready');
  });
});
