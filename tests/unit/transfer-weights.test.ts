/**
 * Weight transfer for lessons (app/ui/training/transfer.ts) and WorkerRun's `initialWeights`: the
 * pretrained trunk arrives bit for bit, the new head keeps its fresh initialisation, a frozen trunk
 * stays put while the head learns, and the pretrained record survives being sent (it is copied,
 * not transferred). Runs the real worker session over a MessageChannel on the embedded MNIST.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type RunView, setupKey, type WorkerRunSetup } from '../../app/ui/training/runView';
import { layerOfWeight, overlayWeights, pickLayers, withTrainable } from '../../app/ui/training/transfer';
import type { WorkerRun } from '../../app/ui/training/workerRun';
import type { ModelSpec } from '../../engine/spec/types';
import { openRun } from './worker-harness';

const f = (...v: number[]): Float32Array => Float32Array.from(v);

describe('transfer helpers', () => {
  it('layerOfWeight("conv1.weight") is "conv1"; a name without a dot is its own layer', () => {
    expect(layerOfWeight('conv1.weight')).toBe('conv1');
    expect(layerOfWeight('bn.1.runningMean')).toBe('bn.1');
    expect(layerOfWeight('x')).toBe('x');
  });

  it('pickLayers keeps only the named layers’ entries', () => {
    const w = { 'a.weight': f(1), 'a.bias': f(2), 'b.weight': f(3), 'ab.weight': f(4) };
    expect(Object.keys(pickLayers(w, ['a']))).toEqual(['a.weight', 'a.bias']);
  });

  it('overlayWeights writes the given entries over the fresh ones, as copies', () => {
    const fresh = { 'a.weight': f(0, 0), 'head.weight': f(9) };
    const given = { 'a.weight': f(1, 2) };
    const merged = overlayWeights(fresh, given);
    expect([...merged['a.weight']!]).toEqual([1, 2]);
    expect(merged['head.weight']).toBe(fresh['head.weight']);
    expect(merged['a.weight']).not.toBe(given['a.weight']);
    given['a.weight'][0] = 7;
    expect(merged['a.weight']![0]).toBe(1);
  });

  it('overlayWeights names an entry the new model lacks, or one of another size', () => {
    expect(() => overlayWeights({ 'a.weight': f(0) }, { 'b.weight': f(1) })).toThrow(/no parameter "b.weight"/);
    expect(() => overlayWeights({ 'a.weight': f(0) }, { 'a.weight': f(1, 2) })).toThrow(/holds 1 numbers.*2 in/);
  });

  it('withTrainable freezes exactly the named layers', () => {
    const spec: ModelSpec = {
      layers: [
        { type: 'input', shape: [1, 4, 4] },
        { type: 'conv2d', id: 'c', filters: 1, kernel: 3 },
        { type: 'flatten', id: 'fl' },
        { type: 'dense', id: 'h', units: 2 },
      ],
    };
    const frozen = withTrainable(spec, ['c'], false);
    expect(frozen.layers.map((l) => l.trainable)).toEqual([undefined, false, undefined, undefined]);
    expect(spec.layers[1]!.trainable).toBeUndefined();
  });

  it('setupKey knows initial weights by identity and stays short', () => {
    const base: WorkerRunSetup = { spec: { layers: [] }, seed: 1, trainer: {}, data: { trainLimit: 5, validation: 5 } };
    const big = { 'a.weight': new Float32Array(100_000) };
    const key = setupKey({ ...base, initialWeights: big });
    expect(key).toBe(setupKey({ ...base, initialWeights: big }));
    expect(key).not.toBe(setupKey({ ...base, initialWeights: { 'a.weight': new Float32Array(100_000) } }));
    expect(key).not.toBe(setupKey(base));
    expect(key.length).toBeLessThan(500);
  });
});

describe('WorkerRun with initialWeights (worker session, embedded MNIST)', () => {
  const bytes = readFileSync(resolve('public/data/mnist-embedded.bin'));
  vi.stubGlobal('fetch', async () => new Response(new Uint8Array(bytes)));
  const closers: (() => void)[] = [];
  afterAll(() => {
    for (const close of closers) close();
    vi.unstubAllGlobals();
  });

  function newRun(): WorkerRun {
    const opened = openRun('http://test/m.bin');
    closers.push(opened.close);
    return opened.run;
  }

  const until = (run: WorkerRun, done: (v: RunView) => boolean): Promise<RunView> =>
    new Promise((ok) => {
      if (done(run.current)) return ok(run.current);
      const stop = run.subscribe((v) => {
        if (done(v)) {
          stop();
          ok(v);
        }
      });
    });

  const net = (head: string): ModelSpec => ({
    layers: [
      { type: 'input', shape: [1, 28, 28] },
      { type: 'conv2d', id: 'conv1', filters: 2, kernel: 5, activation: 'relu' },
      { type: 'maxpool', id: 'pool1', size: 4 },
      { type: 'flatten', id: 'flat' },
      { type: 'dense', id: head, units: 10 },
    ],
  });
  const trainer = {
    epochs: 1,
    batchSize: 10,
    learningRate: 0.01,
    optimizer: { kind: 'adam' as const },
    progressEvery: 1,
  };
  const data = (classes: number[]) => ({ trainLimit: 30, validation: 50, classes });

  it('carries conv1 over bit for bit, keeps the new head fresh, and a frozen trunk stays put while the head learns', async () => {
    const pre = newRun();
    await pre.apply({ spec: net('head04'), seed: 2, trainer, data: data([0, 1, 2, 3, 4]) });
    pre.start();
    await until(pre, (v) => v.status === 'done');
    const pretrained = await pre.exportWeights();
    const trunk = pickLayers(pretrained, ['conv1']);
    const pretrainedConv = [...trunk['conv1.weight']!];

    const target: WorkerRunSetup = {
      spec: withTrainable(net('head59'), ['conv1'], false),
      seed: 5,
      trainer,
      data: data([5, 6, 7, 8, 9]),
    };
    const plain = newRun();
    await plain.apply(target);
    const fresh = await plain.exportWeights();

    const run = newRun();
    await run.apply({ ...target, initialWeights: trunk });
    expect(run.current.status).toBe('ready');
    // 28 - 5 + 1 = 24, pooled by 4 to 6: 2 * 6 * 6 = 72 features into 10 units; conv1 (52) is frozen.
    expect(run.current.summary?.trainableParams).toBe(72 * 10 + 10);
    expect(run.current.summary?.totalParams).toBe(72 * 10 + 10 + 2 * 25 + 2);
    const start = await run.exportWeights();
    expect([...start['conv1.weight']!]).toEqual(pretrainedConv);
    expect([...start['conv1.weight']!]).not.toEqual([...fresh['conv1.weight']!]);
    expect([...start['head59.weight']!]).toEqual([...fresh['head59.weight']!]);
    // Sent as a copy: the pretrained record is still whole for the next run or a reset.
    expect(trunk['conv1.weight']!.length).toBe(pretrainedConv.length);

    run.start();
    const done = await until(run, (v) => v.status === 'done');
    expect(done.stepsDone).toBe(3);
    const end = await run.exportWeights();
    expect([...end['conv1.weight']!]).toEqual(pretrainedConv);
    expect([...end['head59.weight']!]).not.toEqual([...start['head59.weight']!]);

    // Reset rebuilds and imports again from the same record.
    run.reset();
    await until(run, (v) => v.status === 'ready');
    expect([...(await run.exportWeights())['conv1.weight']!]).toEqual(pretrainedConv);
  });
});
