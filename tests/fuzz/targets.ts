/**
 * The six parsers under fuzz, each as a case generator: given a seeded random source it picks a
 * valid seed, damages it (byte, JSON or format-aware mutations) and returns a case that runs the
 * parser's real entry point and says what happened (verdict.ts). The same entry points the app
 * uses: mnistFromFiles, cifar10FromTarGz, decodeModelFile, parseSpecJson + summarize,
 * decodeShare + applyShared (the store and notice, without React), and readSetZip (a saved set of
 * your own images; own-zip.ts).
 */

import { useKeep } from '../../app/studio/keep/keepStore';
import { decodeModelFile, isModelFileError } from '../../app/studio/keep/modelFile';
import { decodeShare, fromBase64Url, toBase64Url } from '../../app/studio/keep/share';
import { applyShared } from '../../app/studio/keep/sharedLink';
import { cifar10FromTarGz } from '../../engine/data/cifar10';
import { DatasetError } from '../../engine/data/dataset';
import { mnistFromFiles } from '../../engine/data/mnist-idx';
import { isSpecError, PRESETS, parseSpecJson, summarize } from '../../engine/spec';
import { multiMemberBomb, tarBomb } from './bombs';
import { mutateBytes } from './mutate-bytes';
import { mutateJson, PROTOTYPE_KEYS } from './mutate-json';
import { ownZipCases } from './own-zip';
import type { Random } from './random';
import {
  cifarSeed,
  fixTarChecksum,
  gzip,
  joinModelFile,
  MNIST_FILE_KEYS,
  mnistSeed,
  modelFileSeeds,
  shareSeeds,
  specSeeds,
  splitModelFile,
  tarHeader,
} from './seeds';
import { type Verdict, verdictFor, verdictForNotices } from './verdict';

export const PARSERS = ['idx', 'cifar', 'convlab', 'spec', 'share', 'ownzip'] as const;
export type ParserName = (typeof PARSERS)[number];

export const PARSER_LABELS: Readonly<Record<ParserName, string>> = {
  idx: 'IDX (MNIST)',
  cifar: 'CIFAR-10 tar.gz',
  convlab: '.convlab model file',
  spec: 'spec JSON',
  share: 'share link',
  ownzip: 'own-images set .zip',
};

export interface FuzzCase {
  /** The mutations applied, for reports (e.g. "trainLabels gzip+truncate"). */
  readonly how: string;
  run(): Promise<Verdict>;
}

export type CaseMaker = (rng: Random) => FuzzCase;

const isDatasetError = (e: unknown): boolean => e instanceof DatasetError;

/**
 * Safety nets that turn an unexpected JavaScript error into a sentence: the user is spared, but a
 * case that lands in one has found a check that failed in a raw way, so the fuzzer counts it.
 */
const SAFETY_NETS: readonly string[] = [
  'part of it could not be read as a ConvLab model',
  'its model could not be read',
  'it could not be read as a ConvLab model.',
];

const caught = (verdict: Verdict): Verdict =>
  verdict.kind !== 'untyped' && SAFETY_NETS.some((s) => verdict.message?.includes(s))
    ? { kind: 'untyped', message: `safety net: ${verdict.message}` }
    : verdict;

/** Runs a parser call: accepted, refused with its own error in words, or untyped. */
export async function attempt(run: () => unknown, isOwn: (e: unknown) => boolean): Promise<Verdict> {
  try {
    await run();
    return { kind: 'accepted' };
  } catch (error) {
    return caught(verdictFor(error, isOwn));
  }
}

// ---------------------------------------------------------------------------------------------

function idxCases(): CaseMaker {
  const seed = mnistSeed();
  const bomb = multiMemberBomb(65);
  return (rng) => {
    const files = { ...seed };
    const key = rng.pick(MNIST_FILE_KEYS);
    const other = seed[rng.pick(MNIST_FILE_KEYS)];
    const mode = rng.int(40);
    let how: string;
    if (mode === 0) {
      files[key] = bomb;
      how = `${key} gzip bomb`;
    } else if (mode < 22) {
      const m = mutateBytes(seed[key], rng, other);
      const zip = rng.chance(0.4);
      files[key] = zip ? gzip(m.bytes) : m.bytes;
      how = `${key} ${m.how.join('+')}${zip ? ' then gzip' : ''}`;
    } else {
      const m = mutateBytes(gzip(seed[key]), rng, gzip(other));
      files[key] = m.bytes;
      how = `${key} gzip then ${m.how.join('+')}`;
    }
    // The untouched files arrive gzipped half the time, as downloaded.
    if (rng.chance(0.5)) for (const k of MNIST_FILE_KEYS) if (k !== key) files[k] = gzip(files[k]);
    return { how, run: () => attempt(() => mnistFromFiles(files), isDatasetError) };
  };
}

/** Sizes a tar header may declare: past the batch cap, past 4 GiB, 1 TiB, past 2^53. */
const HUGE_TAR_SIZES: readonly bigint[] = [33n << 20n, (1n << 32n) + 1n, 8n << 30n, 1n << 40n, 1n << 80n];

function withHugeTarSize(tar: Uint8Array, at: number, size: bigint, binary: boolean): Uint8Array {
  const out = tar.slice();
  const h = out.subarray(at, at + 512);
  if (binary || size >= 8n << 30n) {
    h.fill(0, 124, 136);
    h[124] = 0x80;
    for (let i = 135, v = size; i > 124; i--, v >>= 8n) h[i] = Number(v & 0xffn);
  } else h.set(new TextEncoder().encode(`${size.toString(8).padStart(11, '0')}\0`), 124);
  fixTarChecksum(h);
  return out;
}

function cifarCases(): CaseMaker {
  const seed = cifarSeed();
  const seedGz = gzip(seed.tar);
  // Zeros (read as the end-of-archive marker), and skipped 200 MiB entries (past the skipped budget).
  const bombs = [multiMemberBomb(257), tarBomb(200, 2, (i) => tarHeader(`junk${i}.bin`, 200 * (1 << 20) - 512))];
  return (rng) => {
    const mode = rng.int(40);
    let bytes: Uint8Array;
    let how: string;
    if (mode === 0) {
      bytes = rng.pick(bombs);
      how = bytes === bombs[0] ? 'gzip bomb of zeros' : 'gzip bomb in skipped 200 MiB tar entries';
    } else if (mode < 7) {
      const size = rng.pick(HUGE_TAR_SIZES);
      const binary = rng.chance(0.5);
      bytes = withHugeTarSize(seed.tar, rng.pick(seed.headers), size, binary);
      if (rng.chance(0.8)) bytes = gzip(bytes);
      how = `tar header declaring ${size} bytes${binary ? ' (base-256)' : ''}`;
    } else if (mode < 25) {
      const m = mutateBytes(seed.tar, rng, seedGz);
      const zip = rng.chance(0.8);
      bytes = zip ? gzip(m.bytes) : m.bytes;
      how = `tar ${m.how.join('+')}${zip ? ' then gzip' : ''}`;
    } else {
      const m = mutateBytes(seedGz, rng, seed.tar);
      bytes = m.bytes;
      how = `tar.gz ${m.how.join('+')}`;
    }
    return { how, run: () => attempt(() => cifar10FromTarGz(bytes, undefined, 'c.tar.gz'), isDatasetError) };
  };
}

function convlabCases(): CaseMaker {
  const seeds = modelFileSeeds();
  return (rng) => {
    const file = rng.pick(seeds);
    let bytes: Uint8Array;
    let how: string;
    if (rng.chance(0.4)) {
      const m = mutateBytes(file, rng, rng.pick(seeds));
      bytes = m.bytes;
      how = `bytes ${m.how.join('+')}`;
    } else {
      const { header, data } = splitModelFile(file);
      const m = mutateJson(header, rng);
      bytes = joinModelFile(m.text, data);
      how = `header ${m.how.join('+')}`;
    }
    return {
      how,
      run: () => attempt(() => decodeModelFile(bytes), isModelFileError),
    };
  };
}

function specCases(): CaseMaker {
  const seeds = specSeeds();
  return (rng) => {
    const m = mutateJson(rng.pick(seeds), rng);
    return {
      how: m.how.join('+'),
      run: () => attempt(() => summarize(parseSpecJson(m.text)), isSpecError),
    };
  };
}

const ODD_VALUES = [
  '',
  '1e309',
  '-1',
  'NaN',
  'Infinity',
  '0x10',
  '1e9',
  '99999999999999999999',
  'x'.repeat(50_000),
  '%',
  '%E0%A4%A',
  '__proto__',
  'constructor',
  '\u0000',
  'true',
  '0.0000001',
  ' 1',
] as const;

/** A share query damaged as text, in one setting, or in its architecture. */
function mutateShare(query: string, rng: Random): { query: string; how: string } {
  const mode = rng.int(10);
  if (mode < 2) {
    const m = mutateBytes(new TextEncoder().encode(query), rng, new TextEncoder().encode('&=%+?#-_'));
    return { query: new TextDecoder().decode(m.bytes), how: `text ${m.how.join('+')}` };
  }
  const params = new URLSearchParams(query);
  if (mode < 5) {
    const keys = [...params.keys()];
    const which = rng.int(4);
    if (which === 0) params.set(rng.pick(keys), rng.pick(ODD_VALUES));
    else if (which === 1) params.append(rng.pick(keys), rng.pick(ODD_VALUES));
    else if (which === 2) params.set(rng.pick([...PROTOTYPE_KEYS, 'hasOwnProperty']), rng.pick(ODD_VALUES));
    else for (let i = 0, n = rng.pick([10, 500, 5000]); i < n; i++) params.append(`junk${i}`, '1');
    return { query: params.toString(), how: `setting ${['set', 'append', 'prototype key', 'unknown keys'][which]}` };
  }
  // The architecture: the shared JSON, or the preset's spec written out.
  const a = params.get('a');
  const m = params.get('m');
  const spec = a !== null ? JSON.parse(fromBase64Url(a) ?? '{}') : PRESETS[m ?? 'lecture-mnist']?.spec;
  const mutated = mutateJson(spec, rng);
  params.delete('m');
  params.set('a', toBase64Url(mutated.text));
  return { query: params.toString(), how: `architecture ${mutated.how.join('+')}` };
}

/** Decodes and applies a link as the studio does, then reads back the notice a student sees. */
async function openShared(query: string): Promise<Verdict> {
  let accepted = false;
  try {
    const shared = decodeShare(query);
    // An architecture the link decoder lets through must be one the studio can build.
    if (shared.spec) summarize(shared.spec);
    applyShared(shared, null);
    accepted = shared.spec !== null || shared.notices.length === 0;
  } catch (error) {
    return verdictFor(error, () => false);
  }
  const notice = useKeep.getState().notice;
  // The details (what was ignored, and why) first: they are what a hostile link produces.
  const shown = notice ? [...(notice.details ?? []), notice.text] : [];
  return caught(verdictForNotices(shown, accepted));
}

function shareCases(): CaseMaker {
  const seeds = shareSeeds();
  return (rng) => {
    const m = mutateShare(rng.pick(seeds), rng);
    return { how: m.how, run: () => openShared(m.query) };
  };
}

export const CASE_MAKERS: Readonly<Record<ParserName, () => CaseMaker>> = {
  idx: idxCases,
  cifar: cifarCases,
  convlab: convlabCases,
  spec: specCases,
  share: shareCases,
  ownzip: ownZipCases,
};

export { openShared };
