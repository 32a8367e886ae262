/**
 * The hostile inputs issue 14 names, one case each: kernels of 1e6-1e9, a 1 MB layer id, 5,000
 * levels of nesting, prototype-named fields, a 1.2 MB link with 30,006 layers, 5,000 unknown
 * keys, a tar header declaring 1 TiB, 6 MB gzip bombs and a 600 MB .convlab file. `build` makes
 * the input (not timed); the returned function is the parser call the campaign times.
 */
import { gzipSync } from 'node:zlib';
import { decodeModelFile, isModelFileError, readModelFile } from '../../app/studio/keep/modelFile';
import { toBase64Url } from '../../app/studio/keep/share';
import { cifar10FromTarGz } from '../../engine/data/cifar10';
import { DatasetError } from '../../engine/data/dataset';
import { gunzipChunks } from '../../engine/data/gunzip';
import { mnistFromFiles } from '../../engine/data/mnist-idx';
import { TarReader } from '../../engine/data/tar';
import { isSpecError, parseSpecJson, summarize } from '../../engine/spec';
import { multiMemberBomb, singleMemberBomb, tarBomb } from './bombs';
import { joinBytes } from './mutate-bytes';
import { OWN_ZIP_HOSTILE } from './own-zip-hostile';
import { fixTarChecksum, gzip, joinModelFile, mnistSeed, modelFileSeeds, splitModelFile, tarHeader } from './seeds';
import { attempt, openShared, type ParserName } from './targets';
import type { Verdict } from './verdict';

export interface HostileCase {
  readonly parser: ParserName;
  readonly name: string;
  /** True for the few that build or unpack hundreds of megabytes: the campaign runs them, not npm test. */
  readonly heavy?: boolean;
  /** What the parser should do: refuse (the default), or accept the largest valid input. */
  readonly expected?: 'refused' | 'accepted';
  build(): () => Promise<Verdict>;
}

const MiB = 1 << 20;
const input = { type: 'input', shape: [1, 28, 28] };
const flat = { type: 'flatten' };

const specText = (layers: unknown[]): string => JSON.stringify({ layers });
const specCase = (name: string, text: () => string): HostileCase => ({
  parser: 'spec',
  name,
  build() {
    const t = text();
    return () => attempt(() => summarize(parseSpecJson(t)), isSpecError);
  },
});
const linkFor = (text: string): string => `v=1&a=${toBase64Url(text)}`;
const shareCase = (name: string, query: () => string): HostileCase => ({
  parser: 'share',
  name,
  build() {
    const q = query();
    return () => openShared(q);
  },
});
const isDatasetError = (e: unknown): boolean => e instanceof DatasetError;

const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;
const manyLayers = (n: number): unknown[] => [input, ...Array.from({ length: n - 1 }, () => flat)];
const conv = (field: string, value: number): unknown => ({ type: 'conv2d', filters: 4, kernel: 3, [field]: value });

const SPEC: HostileCase[] = [
  ...[1e6, 1e7, 1e8, 1e9].map((k) => specCase(`conv kernel ${k}`, () => specText([input, conv('kernel', k)]))),
  specCase('pool size 1e9', () => specText([input, { type: 'maxpool', size: 1e9 }])),
  specCase('dilation 1e9', () => specText([input, conv('dilation', 1e9)])),
  specCase('filters 1e9', () => specText([input, conv('filters', 1e9)])),
  specCase('units 1e9', () => specText([input, flat, { type: 'dense', units: 1e9 }])),
  specCase('input 1e9 high', () => specText([{ type: 'input', shape: [1, 1e9, 28] }])),
  specCase('1 MB layer id', () => specText([input, { type: 'flatten', id: 'x'.repeat(1_000_000) }])),
  specCase('1 MB input reference', () => specText([input, { type: 'flatten', input: 'x'.repeat(1_000_000) }])),
  specCase('5,000 levels of nesting', () => `{"layers": [{"type": "input", "shape": ${deep(5000)}}]}`),
  ...['__proto__', 'constructor', 'toString'].map((key) =>
    specCase(
      `layer field "${key}"`,
      () => `{"layers":[${JSON.stringify(input)},{"type":"flatten","${key}":{"test":1}}]}`,
    ),
  ),
  specCase('30,006 layers', () => specText(manyLayers(30_006))),
  specCase('5,000 unknown keys in a layer', () =>
    specText([
      input,
      Object.fromEntries([['type', 'flatten'], ...Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])]),
    ]),
  ),
];

const SHARE: HostileCase[] = [
  shareCase('1.3 MB link with 30,006 layers', () =>
    linkFor(specText([input, ...Array.from({ length: 30_005 }, (_, i) => ({ type: 'flatten', id: `l${i}` }))])),
  ),
  shareCase('5,000 unknown keys', () => ['v=1', ...Array.from({ length: 5000 }, (_, i) => `junk${i}=1`)].join('&')),
  shareCase('kernel 1e9', () => linkFor(specText([input, conv('kernel', 1e9)]))),
  shareCase('kernel 1e7', () => linkFor(specText([input, conv('kernel', 1e7)]))),
  shareCase('1 MB layer id (over the link limit)', () => linkFor(specText([input, { ...flat, id: 'x'.repeat(1e6) }]))),
  shareCase('__proto__ field', () =>
    linkFor(`{"layers":[${JSON.stringify(input)},{"type":"flatten","__proto__":{"test":1}}]}`),
  ),
  shareCase('5,000 levels of nesting', () => linkFor(`{"layers":${deep(5000)}}`)),
  shareCase('500 layers just over the shared limit', () => linkFor(specText(manyLayers(501)))),
];

/** A .convlab file whose header is the seed's with `edit` applied (weights unchanged). */
function editedModelFile(edit: (header: Record<string, unknown>) => string): Uint8Array {
  const { header, data } = splitModelFile(modelFileSeeds()[0]!);
  return joinModelFile(edit(header as Record<string, unknown>), data);
}
const fileCase = (name: string, bytes: () => Uint8Array): HostileCase => ({
  parser: 'convlab',
  name,
  build() {
    const b = bytes();
    return () => attempt(() => decodeModelFile(b), isModelFileError);
  },
});

const CONVLAB: HostileCase[] = [
  {
    parser: 'convlab',
    name: '600 MB file (refused before reading)',
    build() {
      let read = false;
      // A Blob-like of 600 MB whose bytes are never made: reading it would be the failure.
      const blob = {
        size: 600 * MiB,
        arrayBuffer: (): Promise<ArrayBuffer> => {
          read = true;
          return Promise.resolve(new ArrayBuffer(0));
        },
      } as unknown as Blob;
      return async () => {
        const verdict = await attempt(() => readModelFile(blob), isModelFileError);
        return read ? { kind: 'untyped', message: `the 600 MB file was read before it was refused` } : verdict;
      };
    },
  },
  fileCase('spec with kernel 1e9', () =>
    editedModelFile((h) => JSON.stringify({ ...h, spec: { layers: [input, conv('kernel', 1e9)] } })),
  ),
  fileCase('spec with 30,006 layers', () =>
    editedModelFile((h) => JSON.stringify({ ...h, spec: { layers: manyLayers(30_006) } })),
  ),
  fileCase('header nested 5,000 deep', () =>
    editedModelFile((h) => `${JSON.stringify(h).slice(0, -1)},"x":${deep(5000)}}`),
  ),
  fileCase('toString field in a layer', () =>
    editedModelFile((h) => JSON.stringify(h).replace('{"type":"flatten"', '{"type":"flatten","toString":1')),
  ),
  fileCase('header length 0xffffffff', () => {
    const b = modelFileSeeds()[0]!.slice();
    new DataView(b.buffer).setUint32(12, 0xffffffff, true);
    return b;
  }),
  fileCase('5,000 unknown hyperparameters', () =>
    editedModelFile((h) =>
      JSON.stringify({
        ...h,
        hyper: { ...(h.hyper as object), ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])) },
      }),
    ),
  ),
];

const tarHuge = (name: string, size: bigint): Uint8Array => {
  const h = tarHeader(name, 0);
  h.fill(0, 124, 136);
  h[124] = 0x80;
  for (let i = 135, v = size; i > 124; i--, v >>= 8n) h[i] = Number(v & 0xffn);
  fixTarChecksum(h);
  return h;
};
const cifarCase = (
  name: string,
  bytes: () => Uint8Array,
  heavy = false,
  expected: HostileCase['expected'] = 'refused',
): HostileCase => ({
  parser: 'cifar',
  name,
  heavy,
  expected,
  build() {
    const b = bytes();
    return () => attempt(() => cifar10FromTarGz(b, undefined, 'c.tar.gz'), isDatasetError);
  },
});
/** The browser's member-by-member fallback (the path whose cap the issue found bypassed). */
const membersCase = (name: string, bytes: () => Uint8Array): HostileCase => ({
  parser: 'cifar',
  name: `${name}, member-by-member path`,
  heavy: true,
  build() {
    const b = bytes();
    return () =>
      attempt(async () => {
        // Wants only batches, as the CIFAR reader does, so the junk entries are skipped, not refused.
        const reader = new TarReader(
          'c.tar.gz',
          () => undefined,
          (h) => h.name.endsWith('_batch.bin'),
        );
        await gunzipChunks(b, (chunk) => reader.push(chunk), {
          name: 'c.tar.gz',
          path: 'members',
          done: () => reader.finished,
        });
        reader.end();
      }, isDatasetError);
  },
});
const junkHeader = (i: number): Uint8Array => tarHeader(`junk${i}.bin`, 200 * MiB - 512);

const CIFAR: HostileCase[] = [
  cifarCase('tar header declaring 1 TiB', () =>
    gzip(joinBytes(tarHuge('cifar-10-batches-bin/data_batch_1.bin', 1n << 40n), new Uint8Array(4096))),
  ),
  cifarCase('skipped entry declaring 1 TiB', () =>
    gzip(joinBytes(tarHuge('junk.bin', 1n << 40n), new Uint8Array(4096))),
  ),
  cifarCase('6 MB gzip bomb, one member of zeros', () => singleMemberBomb(6), true),
  cifarCase('6 MB gzip bomb, 6,000 members of zeros', () => multiMemberBomb(6000), true),
  cifarCase('6 MB gzip bomb in skipped tar entries', () => tarBomb(200, 30, junkHeader), true),
  membersCase('6 MB gzip bomb in skipped tar entries', () => tarBomb(200, 30, junkHeader)),
  cifarCase('largest archive accepted: six 32 MiB batches of zeros', () => largestCifar(), true, 'accepted'),
];

/** Six batches of 10,900 records each (just under the 32 MiB a batch may be), all zeros: valid. */
function largestCifar(): Uint8Array {
  const size = 10_900 * 3073;
  const zeros = new Uint8Array(size + ((512 - (size % 512)) % 512));
  const names = [1, 2, 3, 4, 5].map((i) => `data_batch_${i}.bin`).concat('test_batch.bin');
  return joinBytes(
    ...names.map((n) => new Uint8Array(gzipSync(joinBytes(tarHeader(`cifar-10-batches-bin/${n}`, size), zeros)))),
    gzip(new Uint8Array(1024)),
  );
}

const idxCase = (
  name: string,
  key: 'trainImages' | 'trainLabels',
  bytes: () => Uint8Array,
  heavy = false,
): HostileCase => ({
  parser: 'idx',
  name,
  heavy,
  build() {
    const files = { ...mnistSeed(), [key]: bytes() };
    return () => attempt(() => mnistFromFiles(files), isDatasetError);
  },
});
const idxHeader = (magic: number, dims: number[]): Uint8Array => {
  const out = new Uint8Array(4 + 4 * dims.length + 16);
  const view = new DataView(out.buffer);
  view.setUint32(0, magic, false);
  for (const [i, d] of dims.entries()) view.setUint32(4 + 4 * i, d, false);
  return out;
};

const IDX: HostileCase[] = [
  idxCase('header claiming 2^31 images', 'trainImages', () => idxHeader(2051, [2 ** 31, 28, 28])),
  idxCase('header claiming 2^32-1 labels', 'trainLabels', () => gzip(idxHeader(2049, [2 ** 32 - 1]))),
  idxCase('6 MB gzip bomb, one member', 'trainImages', () => singleMemberBomb(6), true),
  idxCase('6 MB gzip bomb, 6,000 members', 'trainLabels', () => multiMemberBomb(6000), true),
];

export const HOSTILE_CASES: readonly HostileCase[] = [
  ...IDX,
  ...CIFAR,
  ...CONVLAB,
  ...SPEC,
  ...SHARE,
  ...OWN_ZIP_HOSTILE,
];
