/**
 * The 'splits' data source (a lesson's CIFAR-10 already in the page, handed to the worker whole):
 * a WorkerRun loads made-up colour splits through it, the buffers are transferred rather than
 * copied, the run reports the splits' counts and trains, and the test split can be evaluated.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { RunView } from '../../app/ui/training/runView';
import { setupKey } from '../../app/ui/training/runView';
import type { WorkerRun } from '../../app/ui/training/workerRun';
import type { Dataset } from '../../engine/data/dataset';
import { getPreset } from '../../engine/spec/presets';
import { openRun } from './worker-harness';

const opened = openRun();
afterAll(() => opened.close());

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

/** `count` 32x32 colour images whose pixels depend on their label (so the classes can be told apart). */
function colourSet(name: string, count: number): Dataset {
  const size = 3 * 32 * 32;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  const images = new Uint8Array(count * size);
  for (let i = 0; i < count; i++) for (let p = 0; p < size; p++) images[i * size + p] = (labels[i]! * 25 + p) & 255;
  const classNames = Array.from({ length: 10 }, (_, c) => `class ${c}`);
  return { name, count, shape: [3, 32, 32], images, labels, classNames };
}

describe("the worker's 'splits' source", () => {
  it('takes the page splits by transfer, reports their counts and trains on them', async () => {
    const train = colourSet('train', 120);
    const test = colourSet('test', 40);
    const setup = {
      spec: getPreset('linear-cifar10').spec,
      seed: 3,
      trainer: {
        epochs: 1,
        batchSize: 20,
        learningRate: 0.001,
        optimizer: { kind: 'adam' as const },
        progressEvery: 1,
      },
      data: { trainLimit: null, validation: 0, source: { kind: 'splits' as const, train, test } },
    };
    // The key names the bytes by identity: it stays short however many images there are.
    expect(setupKey(setup).length).toBeLessThan(2000);
    const { run } = opened;
    void run.apply(setup);
    const ready = await until(run, (v) => v.status === 'ready' || v.status === 'error');
    expect(ready.message).toBeNull();
    expect(ready.dataset).toMatchObject({ shape: [3, 32, 32], trainCount: 120, testCount: 40, validationCount: 0 });
    expect(ready.totalSteps).toBe(120 / 20);
    // Transferred, not copied: the page's buffers are gone.
    expect(train.images.byteLength).toBe(0);
    expect(test.labels.byteLength).toBe(0);

    run.start();
    const done = await until(run, (v) => v.status === 'done' || v.status === 'error' || v.status === 'diverged');
    expect(done.status).toBe('done');
    expect(done.points.length).toBe(6);
    const evaluation = await run.evaluate('test');
    expect(evaluation.metrics.confusion.reduce((a, b) => a + b, 0)).toBe(40);
  });
});
