/**
 * The saved set of your own images (app/own-images/setZip.ts) under fuzz: seed zips made here as
 * the page saves them (a folder of 32-pixel PNGs per class and labels.json; some entries stored,
 * some deflated), and mutations that know the format: damaged bytes, a damaged labels.json,
 * central-directory sizes that lie, hostile entry names, entries that are not PNGs or declare huge
 * images, and entries that vanish. The parser under test is readSetZip, the page's own reader
 * (everything in decodeSet but the browser's PNG decoder).
 */
import { deflateSync } from 'node:zlib';
import { strToU8, type Zippable, zipSync } from 'fflate';
import { isSetFileError, readSetZip, SET_FILE_FORMAT, type SetLabels } from '../../app/own-images/setZip';
import { joinBytes, mutateBytes } from './mutate-bytes';
import { mutateJson } from './mutate-json';
import type { Random } from './random';
import { attempt, type CaseMaker } from './targets';

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(strToU8(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A real RGB PNG of `width` x `height`, every pixel `rgb` (a valid file any browser decodes). */
export function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(rgb, y * (1 + width * 3) + 1 + x * 3);
  return joinBytes(
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', ihdr),
    chunk('IDAT', new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array(0)),
  );
}

/** A PNG header declaring width x height, with no pixels behind it. */
export function pngClaiming(width: number, height: number): Uint8Array {
  const png = solidPng(1, 1, [0, 0, 0]);
  const view = new DataView(png.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return png;
}

export interface SetSeed {
  readonly labels: SetLabels;
  /** path -> PNG bytes, every file labels.json lists. */
  readonly files: Readonly<Record<string, Uint8Array>>;
}

/** A set of `classes` classes with `perClass` 32-pixel images each, coloured by class and index. */
export function setSeed(classes: number, perClass: number): SetSeed {
  const files: Record<string, Uint8Array> = {};
  const labels: SetLabels = {
    format: SET_FILE_FORMAT,
    version: 1,
    side: 32,
    classes: Array.from({ length: classes }, (_, c) => {
      const folder = `${String(c + 1).padStart(2, '0')}-class_${c + 1}`;
      const paths = Array.from({ length: perClass }, (_, i) => `${folder}/${String(i + 1).padStart(5, '0')}.png`);
      for (const [i, path] of paths.entries()) files[path] = solidPng(32, 32, [(c * 90) % 256, i * 20, 40]);
      return { name: `Class ${c + 1}`, files: paths };
    }),
  };
  return { labels, files };
}

/** The set as a zip: images stored (as the page saves them) or deflated, labels.json last. */
export function zipSet(seed: SetSeed, labelsText = JSON.stringify(seed.labels), deflate = false): Uint8Array {
  const entries: Zippable = {};
  for (const [path, bytes] of Object.entries(seed.files)) entries[path] = [bytes, { level: deflate ? 6 : 0 }];
  entries['labels.json'] = [strToU8(labelsText), { level: deflate ? 6 : 0 }];
  return zipSync(entries);
}

/** Offsets of every central-directory header (signature PK\x01\x02) in a zip. */
export function centralHeaders(zip: Uint8Array): number[] {
  const at: number[] = [];
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2) at.push(i);
  }
  return at;
}

/** Rewrites one central header's declared compressed and/or unpacked size. */
export function withDeclaredSize(
  zip: Uint8Array,
  header: number,
  size: number,
  which: 'packed' | 'unpacked',
): Uint8Array {
  const out = zip.slice();
  new DataView(out.buffer).setUint32(header + (which === 'packed' ? 20 : 24), size >>> 0, true);
  return out;
}

const LYING_SIZES = [0, 1, 8 * 1024 * 1024 + 1, 0x7fffffff, 0xfffffffe, 0xffffffff, 1 << 30] as const;
const HOSTILE_NAMES = [
  '../evil.png',
  '../../../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\evil.png',
  '01-class_1/../../evil.png',
  '__proto__',
  'constructor',
  'labels.json/../x.png',
  'a\u0000b.png',
  '',
] as const;
const NOT_PNG: readonly (() => Uint8Array)[] = [
  () => strToU8('not an image'),
  () => Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1),
  () => new Uint8Array(0),
  () => pngClaiming(100_000, 100_000),
  () => pngClaiming(0, 32),
  () => pngClaiming(0xffffffff, 1),
  () => solidPng(1, 1, [0, 0, 0]).subarray(0, 20),
];

const isOwn = (e: unknown): boolean => isSetFileError(e);
const run = (zip: Uint8Array) => () => attempt(() => readSetZip(zip), isOwn);

/** The labels and files of a seed with one listed file replaced, renamed or dropped. */
function editedSet(seed: SetSeed, rng: Random): { seed: SetSeed; how: string } {
  const files = { ...seed.files };
  const paths = Object.keys(files);
  const path = rng.pick(paths);
  const mode = rng.int(3);
  if (mode === 0) {
    const which = rng.int(NOT_PNG.length);
    files[path] = NOT_PNG[which]!();
    return { seed: { ...seed, files }, how: `entry ${which} not a PNG` };
  }
  if (mode === 1) {
    delete files[path];
    return { seed: { ...seed, files }, how: 'listed entry missing' };
  }
  const name = rng.pick(HOSTILE_NAMES);
  files[name] = files[path]!;
  if (rng.chance(0.5)) delete files[path];
  const listed = rng.chance(0.5);
  const labels = listed
    ? {
        ...seed.labels,
        classes: seed.labels.classes.map((c) => ({ ...c, files: c.files.map((f) => (f === path ? name : f)) })),
      }
    : seed.labels;
  return { seed: { labels, files }, how: `entry named ${JSON.stringify(name)}${listed ? ' (listed)' : ''}` };
}

export function ownZipCases(): CaseMaker {
  const seeds = [setSeed(2, 5), setSeed(3, 6)];
  const zips = seeds.flatMap((s) => [zipSet(s), zipSet(s, undefined, true)]);
  return (rng) => {
    const which = rng.int(zips.length);
    const zip = zips[which]!;
    const seed = seeds[which >> 1]!;
    const deflate = which % 2 === 1;
    const mode = rng.int(20);
    if (mode < 7) {
      const m = mutateBytes(zip, rng, rng.pick(zips));
      return { how: `zip ${m.how.join('+')}`, run: run(m.bytes) };
    }
    if (mode < 12) {
      const m = mutateJson(seed.labels, rng);
      return { how: `labels.json ${m.how.join('+')}`, run: run(zipSet(seed, m.text, deflate)) };
    }
    if (mode < 16) {
      const headers = centralHeaders(zip);
      const size = rng.pick(LYING_SIZES);
      const part = rng.chance(0.5) ? 'packed' : 'unpacked';
      const bytes = withDeclaredSize(zip, rng.pick(headers), size, part);
      return { how: `${part} size declared ${size}${deflate ? ' (deflated)' : ''}`, run: run(bytes) };
    }
    const edited = editedSet(seed, rng);
    return { how: edited.how, run: run(zipSet(edited.seed, undefined, deflate)) };
  };
}
