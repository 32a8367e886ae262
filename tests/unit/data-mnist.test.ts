/**
 * MNIST IDX parsing on the real official files in ../shared/datasets (never copied into the repo),
 * and on malformed files built in memory. Every malformed case must end in a DatasetError with a
 * message a person can act on, quickly (never a hang).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DatasetError, type DatasetSplits } from '../../engine/data/dataset';
import { gunzip } from '../../engine/data/gunzip';
import { type MnistFiles, mnistFromFiles, parseIdxImages, parseIdxLabels } from '../../engine/data/mnist-idx';
import { loadMnistDir } from '../../engine/data/node/load';

const MNIST_DIR = resolve(process.cwd(), '../shared/datasets/mnist');
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(MNIST_DIR, name)));

/** Rejects if `promise` has not settled within `ms`, so a hang fails the test instead of stalling it. */
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

/** An idx file in memory: big-endian magic and dims, then the body. */
function idx(magic: number, dims: number[], body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, magic);
  for (const [i, d] of dims.entries()) view.setUint32(4 + 4 * i, d);
  out.set(body, 4 + 4 * dims.length);
  return out;
}

describe('MNIST from the official files', () => {
  let splits: DatasetSplits;
  let files: MnistFiles;
  beforeAll(async () => {
    files = {
      trainImages: read('train-images-idx3-ubyte.gz'),
      trainLabels: read('train-labels-idx1-ubyte.gz'),
      testImages: read('t10k-images-idx3-ubyte.gz'),
      testLabels: read('t10k-labels-idx1-ubyte.gz'),
    };
    splits = await mnistFromFiles(files);
  }, 60_000);

  it('has 60,000 training and 10,000 test images of 1x28x28', () => {
    expect(splits.train.count).toBe(60_000);
    expect(splits.test.count).toBe(10_000);
    expect(splits.train.shape).toEqual([1, 28, 28]);
    expect(splits.train.images.length).toBe(60_000 * 784);
    expect(splits.test.images.length).toBe(10_000 * 784);
    expect(splits.train.classNames).toHaveLength(10);
  });

  it('has a sane label histogram (known official counts)', () => {
    const histogram = (labels: Uint8Array): number[] => {
      const h = new Array<number>(10).fill(0);
      for (const l of labels) h[l]!++;
      return h;
    };
    expect(histogram(splits.train.labels)).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    expect(histogram(splits.test.labels)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  });

  it('has real pixels: dark background, bright strokes, first label is 5', () => {
    const first = splits.train.images.subarray(0, 784);
    expect(first[0]).toBe(0);
    expect(Math.max(...first)).toBe(255);
    expect(splits.train.labels[0]).toBe(5);
    expect(splits.test.labels[0]).toBe(7);
  });

  it('accepts already unpacked files too', async () => {
    const raw = await gunzip(files.testLabels);
    expect(raw[0]).toBe(0);
    const labels = await parseIdxLabels(raw);
    expect(labels.length).toBe(10_000);
  });

  it('loads from a folder with the node adapter', async () => {
    const fromDir = await loadMnistDir(MNIST_DIR);
    expect(fromDir.test.count).toBe(10_000);
    expect(Buffer.compare(fromDir.test.labels, splits.test.labels)).toBe(0);
  });

  it('explains a count mismatch between images and labels', async () => {
    const fewerLabels = idx(2049, [3], new Uint8Array([1, 2, 3]));
    const message = await datasetError(mnistFromFiles({ ...files, testLabels: fewerLabels }));
    expect(message).toMatch(/10000 images but t10k-labels-idx1-ubyte has 3 labels/);
  });

  it('explains swapped images and labels files', async () => {
    const message = await datasetError(mnistFromFiles({ ...files, testImages: files.testLabels }));
    expect(message).toMatch(/t10k-images-idx3-ubyte: not an MNIST images file/);
    expect(message).toMatch(/swap/);
  });
});

describe('malformed MNIST files', () => {
  const images = idx(2051, [2, 28, 28], new Uint8Array(2 * 784).fill(7));
  const labels = idx(2049, [2], new Uint8Array([3, 4]));

  it('parses a well-formed small file (sanity check for the cases below)', async () => {
    const parsed = await parseIdxImages(images, 'tiny');
    expect([parsed.count, parsed.rows, parsed.cols, parsed.pixels.length]).toEqual([2, 28, 28, 1568]);
    expect(Array.from(await parseIdxLabels(gzipSync(labels)))).toEqual([3, 4]);
  });

  it('wrong magic', async () => {
    const message = await datasetError(parseIdxImages(idx(1234, [2, 28, 28], new Uint8Array(1568)), 'x.idx3'));
    expect(message).toMatch(/x\.idx3: not an MNIST images file.*2051.*1234/);
  });

  it('truncated header', async () => {
    const message = await datasetError(parseIdxImages(images.subarray(0, 10), 'x.idx3'));
    expect(message).toMatch(/header is cut short \(10 of 16 bytes\)/);
    expect(await datasetError(parseIdxLabels(new Uint8Array([0, 0]), 'y'))).toMatch(/too short/);
  });

  it('truncated body', async () => {
    const message = await datasetError(parseIdxImages(gzipSync(images.subarray(0, 1000)), 'x.idx3'));
    expect(message).toMatch(
      /promises 2 images of 28x28 pixels \(1568 bytes\) but only 984 bytes follow; the file is truncated/,
    );
  });

  it('extra bytes after the body', async () => {
    const longer = new Uint8Array(labels.length + 5);
    longer.set(labels);
    expect(await datasetError(parseIdxLabels(longer, 'y'))).toMatch(/wrong size/);
  });

  it('label out of range', async () => {
    const bad = idx(2049, [2], new Uint8Array([3, 12]));
    const message = await datasetError(
      mnistFromFiles({ trainImages: images, trainLabels: labels, testImages: images, testLabels: bad }),
    );
    expect(message).toMatch(/t10k-labels-idx1-ubyte: label number 1 is 12/);
  });

  it('wrong image size', async () => {
    const small = idx(2051, [2, 8, 8], new Uint8Array(128));
    const message = await datasetError(
      mnistFromFiles({ trainImages: small, trainLabels: labels, testImages: images, testLabels: labels }),
    );
    expect(message).toMatch(/28x28.*8x8/);
  });

  it('corrupt gzip', async () => {
    const gz = gzipSync(images);
    gz[gz.length - 12]! ^= 0xff; // damages the deflate data or the CRC
    expect(await datasetError(parseIdxImages(gz, 'x.gz'))).toMatch(/x\.gz: the gzip data is corrupt or incomplete/);
  });

  it('truncated gzip', async () => {
    const gz = gzipSync(images);
    expect(await datasetError(parseIdxImages(gz.subarray(0, gz.length >> 1), 'x.gz'))).toMatch(/corrupt or incomplete/);
  });

  it('gzip header only', async () => {
    expect(await datasetError(parseIdxLabels(new Uint8Array([0x1f, 0x8b]), 'x.gz'))).toMatch(/corrupt or incomplete/);
  });

  it('empty file', async () => {
    expect(await datasetError(parseIdxImages(new Uint8Array(0), 'empty.idx3'))).toMatch(
      /empty\.idx3: the file is empty/,
    );
  });
});
