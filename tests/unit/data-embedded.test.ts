/** The embedded MNIST subset written by scripts/build-embedded-mnist.ts at npm install. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatasetError, MNIST_CLASSES } from '../../engine/data/dataset';
import { decodeDataset, decodeDatasetFile, encodeDataset } from '../../engine/data/embedded';
import { loadEmbeddedMnist } from '../../engine/data/fetch-dataset';

const FILE = resolve(process.cwd(), 'public/data/mnist-embedded.bin');
const GZ_FILE = resolve(process.cwd(), 'public/data/mnist-embedded.bin.gz');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('embedded MNIST', () => {
  it('decodes to 10,000 interleaved 28x28 digits of all 10 classes', () => {
    if (!existsSync(FILE))
      throw new Error(`${FILE} is missing: run \`npm install\` (or \`npx tsx scripts/build-embedded-mnist.ts\`)`);
    const data = decodeDataset(new Uint8Array(readFileSync(FILE)), 'mnist-embedded');
    expect(data.count).toBe(10_000);
    expect(data.shape).toEqual([1, 28, 28]);
    const counts = new Array<number>(10).fill(0);
    for (const l of data.labels) counts[l]!++;
    expect(counts).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    // Shuffled: the first 100 samples already hold every class.
    expect(new Set(data.labels.subarray(0, 100)).size).toBe(10);
    expect(Math.max(...data.images.subarray(0, 784))).toBeGreaterThan(200);
  });

  it('round-trips through encode and decode', () => {
    const images = Uint8Array.from({ length: 3 * 2 * 4 * 4 }, (_, i) => i);
    const dataset = {
      name: 'rt',
      count: 3,
      shape: [2, 4, 4] as const,
      images,
      labels: Uint8Array.of(2, 0, 9),
      classNames: MNIST_CLASSES,
    };
    const back = decodeDataset(encodeDataset(dataset), 'rt');
    expect(back.count).toBe(3);
    expect(back.shape).toEqual([2, 4, 4]);
    expect(back.images).toEqual(images);
    expect(Array.from(back.labels)).toEqual([2, 0, 9]);
  });

  it('rejects truncated, foreign and inconsistent files with a DatasetError', () => {
    const images = new Uint8Array(2 * 784);
    const bytes = encodeDataset({
      name: 'x',
      count: 2,
      shape: [1, 28, 28],
      images,
      labels: Uint8Array.of(1, 2),
      classNames: MNIST_CLASSES,
    });
    expect(() => decodeDataset(bytes.subarray(0, bytes.length - 1), 'x')).toThrow(/truncated/);
    expect(() => decodeDataset(bytes.subarray(0, 5), 'x')).toThrow(DatasetError);
    expect(() => decodeDataset(new TextEncoder().encode('hello world!!'), 'x')).toThrow(/not a ConvLab dataset/);
    const badLabel = bytes.slice();
    badLabel[12] = 10;
    expect(() => decodeDataset(badLabel, 'x')).toThrow(/label 10 is out of range/);
  });

  it('ships gzipped at 2 MB or less, and unpacks to exactly the uncompressed file', async () => {
    if (!existsSync(GZ_FILE)) throw new Error(`${GZ_FILE} is missing: run \`npx tsx scripts/build-embedded-mnist.ts\``);
    const gz = new Uint8Array(readFileSync(GZ_FILE));
    expect(gz.length).toBeLessThanOrEqual(2_000_000);
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    const fromGz = await decodeDatasetFile(gz, 'mnist-embedded');
    const fromBin = decodeDataset(new Uint8Array(readFileSync(FILE)), 'mnist-embedded');
    expect(fromGz.count).toBe(10_000);
    expect(Buffer.compare(fromGz.images, fromBin.images)).toBe(0);
    expect(Buffer.compare(fromGz.labels, fromBin.labels)).toBe(0);
  });

  it('loads over fetch whether the server sends the .gz as is or already unpacked', async () => {
    const dataset = {
      name: 'tiny',
      count: 2,
      shape: [1, 28, 28] as const,
      images: Uint8Array.from({ length: 2 * 784 }, (_, i) => i % 251),
      labels: Uint8Array.of(7, 3),
      classNames: MNIST_CLASSES,
    };
    const plain = encodeDataset(dataset);
    for (const body of [gzipSync(plain, { level: 9 }), plain]) {
      vi.stubGlobal(
        'fetch',
        vi.fn(async () => new Response(new Uint8Array(body))),
      );
      const loaded = await loadEmbeddedMnist('http://test/data/mnist-embedded.bin.gz');
      expect(Array.from(loaded.labels)).toEqual([7, 3]);
      expect(loaded.images).toEqual(dataset.images);
    }
  });

  it('a gzipped file that unpacks to garbage is reported as not a dataset', async () => {
    await expect(decodeDatasetFile(gzipSync(new TextEncoder().encode('hello world!!')), 'x')).rejects.toThrow(
      /not a ConvLab dataset/,
    );
  });
});
