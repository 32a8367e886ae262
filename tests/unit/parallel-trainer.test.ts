/**
 * The plug point: the CPU Trainer taking the data-parallel step as `{ step }` (engine/train/
 * trainer.ts TrainerOptions) trains like the Trainer on one thread.
 */
import { describe, expect, it } from 'vitest';
import { createCpuModel } from '../../engine/cpu/model';
import type { Dataset } from '../../engine/data/dataset';
import { createDataParallelStep } from '../../engine/parallel/data-parallel-step';
import { inProcessLauncher } from '../../engine/parallel/in-process-launcher';
import { createRng } from '../../engine/tensor/rng';
import { Trainer } from '../../engine/train/trainer';
import { maxDifference, plainNet, weightsOf } from './parallel-fixtures';

function noise(count: number, seed: number): Dataset {
  const rng = createRng(seed);
  return {
    name: 'noise',
    count,
    shape: [1, 10, 10],
    images: Uint8Array.from({ length: count * 100 }, () => rng.int(256)),
    labels: Uint8Array.from({ length: count }, () => rng.int(5)),
    classNames: ['a', 'b', 'c', 'd', 'e'],
  };
}

describe('Trainer with the data-parallel step', () => {
  it('2 epochs of 70 images at batch 16 (last batch 6), 3 threads: same steps as one thread, weights within 1e-5', async () => {
    const data = { train: noise(70, 1) };
    const config = { epochs: 2, batchSize: 16, learningRate: 0.02, optimizer: { kind: 'momentum' as const }, seed: 4 };
    const single = new Trainer(createCpuModel(plainNet, { seed: 3 }), data, config);
    const dp = await createDataParallelStep({
      spec: plainNet,
      seed: 4,
      threads: 3,
      launcher: inProcessLauncher(),
      engine: { kind: 'cpu' },
      maxBatch: 16,
    });
    try {
      const parallel = new Trainer(createCpuModel(plainNet, { seed: 3 }), data, config, 0, { step: dp.step });
      const want = await single.run();
      const got = await parallel.run();
      expect(got.status).toBe('done');
      expect(got.steps).toBe(want.steps);
      expect(got.steps).toBe(10);
      expect(Math.abs(got.train!.loss - want.train!.loss)).toBeLessThan(1e-5);
      expect(got.train!.accuracy).toBe(want.train!.accuracy);
      expect(maxDifference(weightsOf(parallel.model), weightsOf(single.model))).toBeLessThan(1e-5);
    } finally {
      dp.dispose();
    }
  });
});
