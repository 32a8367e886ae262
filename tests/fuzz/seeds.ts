/**
 * Valid seed inputs for every parser under fuzz, built here from small synthetic data (never from
 * the real datasets): IDX files of a few 28x28 images, a CIFAR-10 binary archive of six tiny
 * batches, .convlab files of two small models, spec JSON of several presets, and share links.
 * Each seed decodes cleanly, which tests/unit/fuzz.test.ts checks before mutating it.
 */
import { gzipSync } from 'node:zlib';
import { DEFAULT_HYPER } from '../../app/stores/studio';
import { encodeModelFile, expectedWeights, type ModelFile, product } from '../../app/studio/keep/modelFile';
import { encodeShare, type ShareInput } from '../../app/studio/keep/share';
import { CIFAR_RECORD_BYTES } from '../../engine/data/cifar10';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, type MnistFiles } from '../../engine/data/mnist-idx';
import { type ModelSpec, PRESETS, summarize } from '../../engine/spec';
import { joinBytes } from './mutate-bytes';

/** Deterministic filler bytes (a seed must be the same on every run). */
const pattern = (length: number, salt: number): Uint8Array =>
  Uint8Array.from({ length }, (_, i) => (i * 31 + salt * 17 + ((i * i) >> 3)) & 0xff);

// ---------------------------------------------------------------------------------------------
// IDX (MNIST)

function idxFile(magic: number, dims: readonly number[], body: Uint8Array): Uint8Array {
  const header = new Uint8Array(4 + 4 * dims.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, magic, false);
  for (const [i, d] of dims.entries()) view.setUint32(4 + 4 * i, d, false);
  return joinBytes(header, body);
}

function mnistSet(images: number, salt: number): { images: Uint8Array; labels: Uint8Array } {
  return {
    images: idxFile(IDX_IMAGES_MAGIC, [images, 28, 28], pattern(images * 784, salt)),
    labels: idxFile(
      IDX_LABELS_MAGIC,
      [images],
      Uint8Array.from({ length: images }, (_, i) => (i + salt) % 10),
    ),
  };
}

/** The four official files, tiny: 6 training and 4 test images. */
export function mnistSeed(): MnistFiles {
  const train = mnistSet(6, 1);
  const test = mnistSet(4, 2);
  return { trainImages: train.images, trainLabels: train.labels, testImages: test.images, testLabels: test.labels };
}

export const MNIST_FILE_KEYS = ['trainImages', 'trainLabels', 'testImages', 'testLabels'] as const;

// ---------------------------------------------------------------------------------------------
// tar and CIFAR-10

/** A ustar header block with a correct checksum; `size` as octal text. */
export function tarHeader(name: string, size: number, type = '0'): Uint8Array {
  const h = new Uint8Array(512);
  const put = (text: string, offset: number): void => h.set(new TextEncoder().encode(text), offset);
  put(name.slice(0, 100), 0);
  put('0000644\0', 100);
  put(`${size.toString(8).padStart(11, '0')}\0`, 124);
  put('        ', 148);
  put(type, 156);
  put('ustar\0', 257);
  put('00', 263);
  fixTarChecksum(h);
  return h;
}

/** Rewrites a header block's checksum after an edit, so the edit reaches the fields past it. */
export function fixTarChecksum(h: Uint8Array): void {
  h.fill(0x20, 148, 156);
  const sum = h.reduce((a, b) => a + b, 0);
  h.set(new TextEncoder().encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
}

function tarEntry(name: string, data: Uint8Array, type = '0'): Uint8Array {
  const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
  padded.set(data);
  return joinBytes(tarHeader(name, data.length, type), padded);
}

function cifarBatch(records: number, salt: number): Uint8Array {
  const out = pattern(records * CIFAR_RECORD_BYTES, salt);
  for (let i = 0; i < records; i++) out[i * CIFAR_RECORD_BYTES] = (i + salt) % 10;
  return out;
}

export interface CifarSeed {
  /** The archive before compression, and the byte offset of every header block in it. */
  readonly tar: Uint8Array;
  readonly headers: readonly number[];
}

/**
 * cifar-10-binary.tar.gz in miniature: the folder, a readme, a GNU long-name record and a pax
 * record (both paths the reader supports), and the six batches of two records each.
 */
export function cifarSeed(): CifarSeed {
  const dir = 'cifar-10-batches-bin';
  const long = `${dir}/${'very-long-folder-name/'.repeat(5)}readme.html`;
  const entries = [
    tarEntry(`${dir}/`, new Uint8Array(0), '5'),
    tarEntry('././@LongLink', new TextEncoder().encode(`${long}\0`), 'L'),
    tarEntry('readme', new TextEncoder().encode('<html>tiny</html>')),
    tarEntry('pax', new TextEncoder().encode(`30 path=${dir}/batches.meta.txt\n`), 'x'),
    tarEntry('meta', new TextEncoder().encode('airplane\nautomobile\n')),
    ...[1, 2, 3, 4, 5].map((i) => tarEntry(`${dir}/data_batch_${i}.bin`, cifarBatch(2, i))),
    tarEntry(`${dir}/test_batch.bin`, cifarBatch(2, 9)),
  ];
  const headers: number[] = [];
  let at = 0;
  for (const e of entries) {
    headers.push(at);
    at += e.length;
  }
  return { tar: joinBytes(...entries, new Uint8Array(1024)), headers };
}

// ---------------------------------------------------------------------------------------------
// Specs, model files and share links

/** A small model with every kind of weight (conv bias, batch norm buffers, dense): 28 -> 13 -> 10. */
const tinySpec: ModelSpec = {
  name: 'Tiny',
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', filters: 2, kernel: 4, stride: 2, activation: 'relu' },
    { type: 'batchnorm' },
    { type: 'flatten' },
    { type: 'dense', units: 10 },
  ],
};

/** Specs the fuzzer mutates: the tiny one and presets with pools, branches (add, concat) and lrn. */
export function specSeeds(): ModelSpec[] {
  const keys = [
    'lecture-mnist',
    'lenet5-mnist',
    'mini-resnet-cifar10',
    'mini-alexnet-cifar10',
    'mini-googlenet-cifar10',
  ];
  return [tinySpec, ...keys.map((k) => PRESETS[k]!.spec)];
}

function modelFileFor(spec: ModelSpec): ModelFile {
  const summary = summarize(spec);
  const input = summary.layers[0]!.outputShape as [number, number, number];
  const classes = product(summary.outputShape);
  return {
    name: `Fuzz seed ${spec.name ?? ''}`,
    savedAt: '2026-11-23T12:00:00.000Z',
    spec,
    hyper: DEFAULT_HYPER,
    dataset: {
      choice: input[0] === 3 ? 'cifar10' : 'embedded-mnist',
      name: 'seed',
      shape: input,
      classNames: Array.from({ length: classes }, (_, i) => `class ${i}`),
    },
    training: { epochs: 1.5, validationAccuracy: 0.5, validationLoss: 1.2 },
    history: {
      trainLoss: [
        { x: 0.5, y: 2 },
        { x: 1, y: 1.5 },
      ],
      trainAccuracy: [{ x: 1, y: 0.4 }],
      validationLoss: [{ x: 1, y: 1.2 }],
      validationAccuracy: [{ x: 1, y: 0.5 }],
    },
    lastEpoch: {
      epoch: 1,
      train: {
        count: 4,
        loss: 1.5,
        accuracy: 0.5,
        perClassAccuracy: Array(classes).fill(0.5),
        confusion: confusion(classes),
      },
      validation: null,
    },
    weights: expectedWeights(summary).map(({ name, shape }) => ({
      name,
      shape,
      data: Float32Array.from({ length: product(shape) }, (_, i) => Math.sin(i + name.length) * 0.1),
    })),
  };
}

function confusion(classes: number): Uint32Array {
  const out = new Uint32Array(classes * classes);
  for (let i = 0; i < classes; i++) out[i * classes + i] = 1;
  return out;
}

/** .convlab files of the tiny model and the lecture CNN (20k weights). */
export function modelFileSeeds(): Uint8Array[] {
  return [tinySpec, PRESETS['lecture-mnist']!.spec].map((s) => encodeModelFile(modelFileFor(s)));
}

/** The header JSON and weights of a .convlab file, and a writer for an edited header. */
export function splitModelFile(bytes: Uint8Array): { header: unknown; data: Uint8Array } {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + length))) as unknown;
  return { header, data: bytes.subarray(Math.ceil((16 + length) / 4) * 4) };
}

export function joinModelFile(headerText: string, data: Uint8Array): Uint8Array {
  const text = new TextEncoder().encode(headerText);
  const start = Math.ceil((16 + text.length) / 4) * 4;
  const out = new Uint8Array(start + data.length);
  out.set([0x89, 0x43, 0x4f, 0x4e, 0x56, 0x4c, 0x41, 0x42]);
  const view = new DataView(out.buffer);
  view.setUint32(8, 1, true);
  view.setUint32(12, text.length, true);
  out.set(text, 16);
  out.set(data, start);
  return out;
}

/** Share queries: presets by key and custom architectures as base64url JSON, with every setting. */
export function shareSeeds(): string[] {
  const hyper = { ...DEFAULT_HYPER, optimizer: 'momentum' as const, learningRate: 0.0125, flip: true };
  const inputs: ShareInput[] = [
    {
      dataset: 'embedded-mnist',
      validation: 1000,
      presetKey: 'lecture-mnist',
      draft: PRESETS['lecture-mnist']!.spec,
      hyper,
    },
    {
      dataset: 'cifar10',
      validation: 500,
      presetKey: 'convnetjs-cifar10',
      draft: PRESETS['convnetjs-cifar10']!.spec,
      hyper: DEFAULT_HYPER,
    },
    { dataset: 'mnist', validation: 0, presetKey: null, draft: tinySpec, hyper },
    { dataset: 'cifar10', validation: 2000, presetKey: null, draft: PRESETS['mini-resnet-cifar10']!.spec, hyper },
  ];
  return inputs.map(encodeShare);
}

/** gzip for seeds (the parsers under test use their own decoder, never this one). */
export const gzip = (bytes: Uint8Array): Uint8Array => new Uint8Array(gzipSync(bytes));
