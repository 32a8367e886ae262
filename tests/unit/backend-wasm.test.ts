/**
 * The wasm host (engine/backend/wasm-host.ts) directly: its memory starts sized for the
 * evaluation batch, and a trainer with a larger batch rebuilds the model with room for it,
 * carrying the weights over exactly (the same logits before and after, bit for bit).
 */
import { describe, expect, it } from 'vitest';
import { createWasmHost } from '../../engine/backend/wasm-host';
import type { Dataset } from '../../engine/data/dataset';
import { inProcessLauncher } from '../../engine/parallel/in-process-launcher';
import { getPreset } from '../../engine/spec/presets';
import { DEFAULT_TRAINER_CONFIG } from '../../engine/train/trainer';
import { loadWasmKernels } from '../../engine/wasm/node/load';

/** `count` 28x28 images of seeded noise with labels 0-9 in turn. */
function noise(count: number): Dataset {
  const images = new Uint8Array(count * 28 * 28);
  let x = 12345;
  for (let i = 0; i < images.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    images[i] = x >>> 24;
  }
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { name: 'noise', shape: [1, 28, 28], images, labels, count, classNames: [...'0123456789'] } as Dataset;
}

describe('createWasmHost', () => {
  it('grows from 256 to a 300-image trainer batch keeping the weights and the logits exactly', async () => {
    const host = await createWasmHost(await loadWasmKernels(), { spec: getPreset('lecture-mnist').spec, seed: 5 });
    expect(host.engine).toBe('wasm');
    expect(host.batchCapacity()).toBe(256);
    const data = noise(600);
    const weights = await host.weights();
    const logits = await host.logits(data, 300);
    const trainer = await host.createTrainer({ train: data }, { ...DEFAULT_TRAINER_CONFIG, batchSize: 300 }, 0);
    expect(host.batchCapacity()).toBe(300);
    expect(await host.weights()).toEqual(weights);
    expect(await host.logits(data, 300)).toEqual(logits);
    trainer.cancel();
  });

  it('a trainer batch within the memory keeps the model as it is', async () => {
    const host = await createWasmHost(
      await loadWasmKernels(),
      { spec: getPreset('lecture-mnist').spec, seed: 5 },
      {
        maxBatch: 512,
      },
    );
    await host.createTrainer({ train: noise(64) }, { ...DEFAULT_TRAINER_CONFIG, batchSize: 64 }, 0);
    expect(host.batchCapacity()).toBe(512);
  });

  it('on 2 threads, trainers split each batch with a replica and train like one thread', async () => {
    const wasm = await loadWasmKernels();
    const model = { spec: getPreset('lecture-mnist').spec, seed: 5 };
    const data = { train: noise(96) };
    const config = { ...DEFAULT_TRAINER_CONFIG, epochs: 1, batchSize: 32, seed: 2 };
    const one = await createWasmHost(wasm, model);
    const replicas: number[] = [];
    const launcher = inProcessLauncher();
    const two = await createWasmHost(wasm, model, {
      parallel: {
        threads: 2,
        launcher: (index) => {
          replicas.push(index);
          return launcher(index);
        },
      },
    });
    try {
      const want = await (await one.createTrainer(data, config, 0)).run();
      const got = await (await two.createTrainer(data, config, 0)).run();
      expect(replicas).toEqual([0]);
      expect(got.status).toBe('done');
      expect(got.steps).toBe(want.steps);
      const [a, b] = [await one.weights(), await two.weights()];
      let largest = 0;
      for (const [name, values] of Object.entries(a)) {
        for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]! - b[name]![i]!));
      }
      expect(largest).toBeLessThan(1e-4);
      // The same batch size reuses the replicas; a larger one starts new ones.
      await two.createTrainer(data, config, 0);
      expect(replicas).toEqual([0]);
      await two.createTrainer(data, { ...config, batchSize: 48 }, 0);
      expect(replicas).toEqual([0, 0]);
    } finally {
      one.destroy();
      two.destroy();
    }
  });
});
