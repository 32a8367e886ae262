/**
 * load-dataset's `classes` filter: only images of the listed labels survive, in every split, with
 * their labels unchanged, before trainLimit takes the first N. Checked on a dataset built in memory
 * and through the real worker session on the embedded MNIST subset (fetch reads the file from disk).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type Dataset, DatasetError, MNIST_CLASSES } from '../../engine/data/dataset';
import { WorkerClient } from '../../engine/worker/client';
import { keepClasses, type LoadedData, limitTraining } from '../../engine/worker/datasets';
import { type DatasetInfo, type FromWorker, type ToWorker, transferablesOf } from '../../engine/worker/protocol';
import { WorkerSession } from '../../engine/worker/session';

/** One 1x1x2 image per label; pixel values say which image it was (index, index + 100). */
function tiny(labels: readonly number[], name: string): Dataset {
  const images = new Uint8Array(labels.length * 2);
  labels.forEach((_, i) => {
    images[2 * i] = i;
    images[2 * i + 1] = i + 100;
  });
  return {
    name,
    count: labels.length,
    shape: [1, 1, 2],
    images,
    labels: Uint8Array.from(labels),
    classNames: MNIST_CLASSES,
  };
}

const data: LoadedData = {
  train: tiny([3, 7, 5, 0, 9, 5, 1, 8], 'train'),
  validation: tiny([6, 2, 5], 'validation'),
  test: tiny([9, 9, 4, 0], 'test'),
};

describe('keepClasses(data, classes)', () => {
  it('keeps labels 5-9 in every split, in order, with labels and pixels unchanged', () => {
    const kept = keepClasses(data, [5, 6, 7, 8, 9]);
    expect([...kept.train.labels]).toEqual([7, 5, 9, 5, 8]);
    // Original indices 1, 2, 4, 5, 7: their pixels came along.
    expect([...kept.train.images]).toEqual([1, 101, 2, 102, 4, 104, 5, 105, 7, 107]);
    expect([...kept.validation.labels]).toEqual([6, 5]);
    expect([...kept.test.labels]).toEqual([9, 9]);
    expect(kept.train.classNames).toEqual(MNIST_CLASSES);
  });

  it('null keeps everything (the same object)', () => {
    expect(keepClasses(data, null)).toBe(data);
  });

  it('runs before trainLimit: the first 2 of the kept images, not the first 2 overall', () => {
    const limited = limitTraining(keepClasses(data, [5, 8]), 2);
    expect([...limited.train.labels]).toEqual([5, 5]);
    expect([...limited.train.images]).toEqual([2, 102, 5, 105]);
  });

  it('refuses labels outside 0-9, an empty list, and a list no training image has, in words', () => {
    expect(() => keepClasses(data, [3, 10])).toThrow(DatasetError);
    expect(() => keepClasses(data, [3, 10])).toThrow(/whole numbers from 0 to 9/);
    expect(() => keepClasses(data, [])).toThrow(/at least one/);
    expect(() => keepClasses(data, [2])).toThrow(/No training image has one of the labels \[2\]/);
  });
});

describe('load-dataset with classes (the worker session, embedded MNIST)', () => {
  const bytes = readFileSync(resolve('public/data/mnist-embedded.bin'));
  vi.stubGlobal('fetch', async () => new Response(new Uint8Array(bytes)));

  const channel = new MessageChannel();
  const session = new WorkerSession((m) => channel.port1.postMessage(m, transferablesOf(m)), undefined);
  channel.port1.onmessage = (event: MessageEvent<ToWorker>) => void session.handle(event.data);
  const client = new WorkerClient(channel.port2 as unknown as ConstructorParameters<typeof WorkerClient>[0]);
  channel.port2.start();
  afterAll(() => {
    vi.unstubAllGlobals();
    channel.port1.close();
    channel.port2.close();
  });

  function load(classes: readonly number[] | null, trainLimit: number | null): Promise<DatasetInfo> {
    return new Promise((resolveInfo, reject) => {
      const stop = client.subscribe((message: FromWorker) => {
        if (message.type === 'dataset') {
          stop();
          resolveInfo(message.info);
        } else if (message.type === 'error') {
          stop();
          reject(new Error(message.message));
        }
      });
      const source = { kind: 'embedded-mnist', url: 'http://test/mnist-embedded.bin' } as const;
      client.send({ type: 'load-dataset', source, validation: 500, seed: 1, trainLimit, classes });
    });
  }

  it('keeps only 5-9 in train, validation and test; trainLimit 50 then takes the first 50 of them', async () => {
    const all = await load([5, 6, 7, 8, 9], null);
    const first = await client.browse('train', null, 0, 50);
    for (const split of ['train', 'validation', 'test'] as const) {
      const page = await client.browse(split, null, 0, 1);
      expect(page.perClass.slice(0, 5), split).toEqual([0, 0, 0, 0, 0]);
      expect(
        page.perClass.slice(5).every((n) => n > 0),
        split,
      ).toBe(true);
    }
    expect(all.validationCount).toBeLessThan(500);

    const limited = await load([5, 6, 7, 8, 9], 50);
    expect(limited.trainCount).toBe(50);
    expect(limited.validationCount).toBe(all.validationCount);
    const page = await client.browse('train', null, 0, 50);
    expect([...page.labels]).toEqual([...first.labels]);
    expect([...page.images]).toEqual([...first.images]);
  });

  it('an impossible class list is an error message, not a crash', async () => {
    await expect(load([12], null)).rejects.toThrow(/whole numbers from 0 to 9/);
  });
});
