/**
 * CIFAR-10 binary parsing: the real cifar-10-binary.tar.gz from ../shared/datasets (read once),
 * and small synthetic archives built in memory for the malformed cases.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CIFAR_RECORD_BYTES,
  CIFAR_TEST_BATCH,
  CIFAR_TRAIN_BATCHES,
  cifar10FromBatches,
  cifar10FromTarGz,
} from '../../engine/data/cifar10';
import { DatasetError, type DatasetSplits } from '../../engine/data/dataset';
import type { LoadProgress } from '../../engine/data/progress';

const ARCHIVE = resolve(process.cwd(), '../shared/datasets/cifar10/cifar-10-binary.tar.gz');

function within<T>(promise: Promise<T>, ms = 5000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms)),
  ]);
}

async function datasetError(promise: Promise<unknown>): Promise<string> {
  const error = await within(promise).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  return (error as DatasetError).message;
}

/** A ustar header block for a regular file (or directory when size < 0). */
function tarHeader(name: string, size: number, type = '0'): Uint8Array {
  const h = new Uint8Array(512);
  const put = (text: string, offset: number): void => h.set(new TextEncoder().encode(text), offset);
  put(name, 0);
  put('0000644\0', 100);
  put('0000000\0', 108);
  put('0000000\0', 116);
  put(`${size.toString(8).padStart(11, '0')}\0`, 124);
  put('00000000000\0', 136);
  put('        ', 148);
  put(type, 156);
  put('ustar\0', 257);
  put('00', 263);
  const sum = h.reduce((a, b) => a + b, 0);
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

function tar(entries: { name: string; data: Uint8Array }[]): Uint8Array {
  const parts: Uint8Array[] = [tarHeader('cifar-10-batches-bin/', 0, '5')];
  for (const { name, data } of entries) {
    parts.push(tarHeader(name, data.length), data, new Uint8Array((512 - (data.length % 512)) % 512));
  }
  parts.push(new Uint8Array(1024));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** `count` records whose label is i % 10 and whose pixels are the batch number. */
function batch(count: number, fill: number): Uint8Array {
  const out = new Uint8Array(count * CIFAR_RECORD_BYTES).fill(fill);
  for (let i = 0; i < count; i++) out[i * CIFAR_RECORD_BYTES] = i % 10;
  return out;
}

const allNames = [...CIFAR_TRAIN_BATCHES, CIFAR_TEST_BATCH];
const smallEntries = (): { name: string; data: Uint8Array }[] =>
  allNames.map((n, i) => ({ name: `cifar-10-batches-bin/${n}`, data: batch(20, 100 + i) }));

describe('CIFAR-10 from the real archive', () => {
  let splits: DatasetSplits;
  const progress: LoadProgress[] = [];
  beforeAll(async () => {
    splits = await cifar10FromTarGz(new Uint8Array(readFileSync(ARCHIVE)), (p) => progress.push(p));
  }, 60_000);

  it('has 50,000 training and 10,000 test images of 3x32x32', () => {
    expect(splits.train.count).toBe(50_000);
    expect(splits.test.count).toBe(10_000);
    expect(splits.train.shape).toEqual([3, 32, 32]);
    expect(splits.train.images.length).toBe(50_000 * 3072);
    expect(splits.test.classNames[0]).toBe('airplane');
  });

  it('has 5,000 training and 1,000 test images per class', () => {
    const count = (labels: Uint8Array): number[] => {
      const h = new Array<number>(10).fill(0);
      for (const l of labels) h[l]!++;
      return h;
    };
    expect(count(splits.train.labels)).toEqual(new Array(10).fill(5000));
    expect(count(splits.test.labels)).toEqual(new Array(10).fill(1000));
  });

  it('keeps data_batch_1 first (the archive stores batches out of order)', () => {
    // The first record of data_batch_1.bin in this copy has label 4.
    expect(splits.train.labels[0]).toBe(4);
  });

  it('reports decompression progress up to the whole file', () => {
    expect(progress.length).toBeGreaterThan(10);
    const last = progress.at(-1)!;
    expect(last.phase).toBe('decompress');
    expect(last.loaded).toBe(last.total);
  });
});

describe('synthetic CIFAR-10 archives', () => {
  it('parses a small well-formed archive, in batch order', async () => {
    const entries = smallEntries().reverse();
    const splits = await within(cifar10FromTarGz(gzipSync(tar(entries))));
    expect(splits.train.count).toBe(100);
    expect(splits.test.count).toBe(20);
    expect(splits.train.images[0]).toBe(100); // data_batch_1 comes first
    expect(splits.train.images[99 * 3072]).toBe(104);
    expect(Array.from(splits.train.labels.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
  });

  it('accepts an unpacked .tar and individual .bin files', async () => {
    const entries = smallEntries();
    expect((await within(cifar10FromTarGz(tar(entries)))).test.count).toBe(20);
    const dropped = cifar10FromBatches(entries.map((e) => ({ name: e.name.split('/')[1]!, bytes: e.data })));
    expect(dropped.train.count).toBe(100);
  });

  it('missing batch', async () => {
    const entries = smallEntries().filter((e) => !e.name.endsWith('data_batch_3.bin'));
    const message = await datasetError(cifar10FromTarGz(gzipSync(tar(entries))));
    expect(message).toMatch(/data_batch_3\.bin is missing/);
  });

  it('truncated archive', async () => {
    const whole = tar(smallEntries());
    const cut = whole.subarray(0, 512 * 20);
    expect(await datasetError(cifar10FromTarGz(gzipSync(cut)))).toMatch(
      /truncated \(it ends inside ".*data_batch_\d\.bin"\)/,
    );
    const gz = gzipSync(whole);
    expect(await datasetError(cifar10FromTarGz(gz.subarray(0, gz.length - 100)))).toMatch(/corrupt or incomplete/);
  });

  it('bad header checksum', async () => {
    const bytes = tar(smallEntries());
    bytes[512 + 3]! ^= 1; // a byte of the first batch's name
    expect(await datasetError(cifar10FromTarGz(bytes))).toMatch(/checksum does not match/);
  });

  it('wrong record size', async () => {
    const entries = smallEntries();
    entries[0] = { name: entries[0]!.name, data: entries[0]!.data.subarray(0, 5 * 3074) };
    const message = await datasetError(cifar10FromTarGz(gzipSync(tar(entries))));
    expect(message).toMatch(
      /data_batch_1\.bin: 15370 bytes is not a whole number of CIFAR-10 records \(3073 bytes each/,
    );
  });

  it('label out of range', async () => {
    const entries = smallEntries();
    entries[5]!.data[3 * CIFAR_RECORD_BYTES] = 10;
    const message = await datasetError(cifar10FromTarGz(gzipSync(tar(entries))));
    expect(message).toMatch(/test_batch\.bin: record 3 has label 10/);
  });

  it('not an archive at all', async () => {
    const message = await datasetError(cifar10FromTarGz(new TextEncoder().encode('hello'.repeat(200))));
    expect(message).toMatch(/checksum does not match|truncated/);
  });
});
