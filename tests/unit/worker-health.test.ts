/**
 * Training health through the worker session (CPU engine, embedded MNIST, lecture CNN): at
 * learning rate 10 the session pauses the run and posts one 'health' message at the first progress
 * point; 'restore-checkpoint' puts back the weights from before the run, whose loss is back near
 * ln 10; 'continue-from' makes the next trainer count on from a saved step.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../../engine/spec';
import type { FromWorker } from '../../engine/worker/protocol';
import { openRun, openSession } from './worker-harness';

const LN10 = Math.log(10);
const bytes = readFileSync(resolve('public/data/mnist-embedded.bin'));
vi.stubGlobal('fetch', async () => new Response(new Uint8Array(bytes)));
afterAll(() => vi.unstubAllGlobals());

async function ready() {
  const harness = openSession(undefined);
  const { client } = harness;
  client.send({ type: 'init', backend: 'cpu' });
  const source = { kind: 'embedded-mnist', url: 'http://test/mnist-embedded.bin' } as const;
  client.send({ type: 'load-dataset', source, validation: 1000, seed: 1 });
  await harness.next('dataset');
  client.send({ type: 'build', spec: PRESETS['lecture-mnist']!.spec, seed: 1 });
  await harness.next('model');
  return harness;
}

/** Every message of the session from now on, in order. */
function record(harness: Awaited<ReturnType<typeof ready>>): FromWorker[] {
  const seen: FromWorker[] = [];
  harness.client.subscribe((m) => seen.push(m));
  return seen;
}

describe('WorkerSession training health (CPU, lecture-mnist, embedded MNIST)', () => {
  it('lr 10 (SGD): paused at step 10 with a diverging verdict in words; going back restores the weights from before the run', async () => {
    const harness = await ready();
    const { client } = harness;
    const seen = record(harness);
    const fresh = await client.evaluate('validation', 300);
    client.send({
      type: 'configure',
      config: { learningRate: 10, optimizer: { kind: 'sgd' }, batchSize: 32, epochs: 1, progressEvery: 10 },
    });
    client.send({ type: 'start' });
    const health = await harness.next('health');
    expect(health.verdict).toBe('diverging');
    expect(health.step).toBe(10);
    expect(health.message).toMatch(/Lower the learning rate/);
    expect(health.checkpointStep).toBe(0);
    await vi.waitFor(() =>
      expect(seen.some((m) => m.type === 'trainer' && m.event.type === 'status' && m.event.status === 'paused')).toBe(
        true,
      ),
    );
    // Paused, not finished: no 'done' status, and the progress stopped within a point or two of the verdict.
    const statuses = seen.flatMap((m) => (m.type === 'trainer' && m.event.type === 'status' ? [m.event.status] : []));
    expect(statuses).not.toContain('done');
    // The progress point's mean loss over steps 1-10 was far out of range.
    const points = seen.flatMap((m) => (m.type === 'trainer' && m.event.type === 'progress' ? [m.event.progress] : []));
    expect(points[0]!.loss).toBeGreaterThan(3 * LN10);
    const diverged = await client.evaluate('validation', 300);
    expect(diverged.step).toBeGreaterThanOrEqual(10);
    expect(diverged.metrics.loss).not.toBe(fresh.metrics.loss);

    client.send({ type: 'restore-checkpoint', requestId: 9001 });
    await harness.next('done', (m) => m.requestId === 9001);
    const after = await client.evaluate('validation', 300);
    expect(after.step).toBe(0);
    // The weights from before the run, exactly: the same loss as the fresh model's, in range.
    expect(after.metrics.loss).toBe(fresh.metrics.loss);
    expect(after.metrics.loss).toBeLessThan(3 * LN10);
    expect(seen.filter((m) => m.type === 'health')).toHaveLength(1);
    harness.close();
  });

  it('"Continue anyway" (start after the notice) resumes the same run and is not paused again', async () => {
    const harness = await ready();
    const { client } = harness;
    const seen = record(harness);
    client.send({
      type: 'configure',
      config: { learningRate: 10, optimizer: { kind: 'sgd' }, batchSize: 32, epochs: 1, progressEvery: 10 },
    });
    client.send({ type: 'start' });
    await harness.next('health');
    client.send({ type: 'start' });
    await harness.next('trainer', (m) => m.event.type === 'progress' && m.event.progress.step >= 60);
    client.send({ type: 'pause' });
    expect(seen.filter((m) => m.type === 'health')).toHaveLength(1);
    const steps = seen.flatMap((m) =>
      m.type === 'trainer' && m.event.type === 'progress' ? [m.event.progress.step] : [],
    );
    // One run: the steps go on from the notice's step, never back to the start.
    expect(steps.slice(0, 6)).toEqual([10, 20, 30, 40, 50, 60]);
    harness.close();
  });

  it('restore-checkpoint before any training is refused in words', async () => {
    const harness = await ready();
    harness.client.send({ type: 'restore-checkpoint', requestId: 7 });
    await expect(harness.next('done')).rejects.toThrow(/no checkpoint/);
    harness.close();
  });

  it('the default (Adam 0.001) trains 150 steps with no health message, taking checkpoints every 50 steps', async () => {
    const harness = await ready();
    const { client } = harness;
    const seen = record(harness);
    client.send({ type: 'configure', config: { batchSize: 32, epochs: 1, progressEvery: 10 } });
    client.send({ type: 'start' });
    await harness.next('trainer', (m) => m.event.type === 'progress' && m.event.progress.step >= 150);
    client.send({ type: 'pause' });
    expect(seen.some((m) => m.type === 'health')).toBe(false);
    // The checkpoint is the latest good one: going back lands on a step that is a multiple of 50.
    client.send({ type: 'restore-checkpoint', requestId: 11 });
    await harness.next('done', (m) => m.requestId === 11);
    const back = await client.evaluate('validation', 300);
    expect(back.step % 50).toBe(0);
    expect(back.step).toBeGreaterThanOrEqual(100);
    expect(back.metrics.accuracy).toBeGreaterThan(0.5);
    harness.close();
  });

  it('continue-from 100: the next run counts on from step 100 (epoch 100 / steps per epoch)', async () => {
    const harness = await ready();
    const { client } = harness;
    client.send({ type: 'configure', config: { batchSize: 32, epochs: 2, progressEvery: 10 } });
    client.send({ type: 'continue-from', step: 100 });
    client.send({ type: 'start' });
    const first = await harness.next('trainer', (m) => m.event.type === 'progress');
    client.send({ type: 'pause' });
    if (first.event.type !== 'progress') throw new Error('not a progress event');
    const p = first.event.progress;
    expect(p.step).toBe(110);
    // The embedded subset's 10,000 digits less 2,000 test and 1,000 validation: 7,000 / 32 per epoch.
    expect(p.stepsPerEpoch).toBe(Math.ceil(7000 / 32));
    expect(p.epoch).toBeCloseTo(110 / Math.ceil(7000 / 32), 10);
    harness.close();
  });

  it('a lesson run (WorkerRun) shows the verdict as diverged, with the words', async () => {
    const { run, close } = openRun('http://test/mnist-embedded.bin');
    await run.apply({
      spec: PRESETS['lecture-mnist']!.spec,
      seed: 1,
      trainer: { epochs: 1, batchSize: 32, learningRate: 10, optimizer: { kind: 'sgd' }, progressEvery: 10 },
      data: { trainLimit: 640, validation: 100 },
    });
    run.start();
    await vi.waitFor(() => expect(run.current.status).toBe('diverged'), { timeout: 30_000 });
    expect(run.current.message).toMatch(/diverging.*Lower the learning rate/s);
    expect(run.current.stepsDone).toBe(10);
    close();
  });
});
