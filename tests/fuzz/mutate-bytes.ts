/**
 * Byte-level mutations for binary formats (IDX, tar, gzip, .convlab): the damage real files get
 * (cut-off downloads, flipped bits, doubled or missing chunks) plus values chosen to hit size
 * arithmetic (0, 0xff, 0x80000000, 0xffffffff in a 32-bit field). Each returns a new array.
 */
import type { Random } from './random';

export type ByteMutation = (bytes: Uint8Array, rng: Random, other: Uint8Array) => Uint8Array;

const INTERESTING_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x30, 0x37, 0x20] as const;
const INTERESTING_U32 = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x10000, 3073, 2051, 2049, 1 << 30] as const;

const join = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** A position weighted towards the start, where headers (and most parsing decisions) live. */
function position(bytes: Uint8Array, rng: Random): number {
  if (bytes.length === 0) return 0;
  return rng.chance(0.6) ? rng.int(Math.min(bytes.length, 1024)) : rng.int(bytes.length);
}

export const BYTE_MUTATIONS: Readonly<Record<string, ByteMutation>> = {
  flipBits(bytes, rng) {
    const out = bytes.slice();
    const flips = rng.between(1, 8);
    for (let i = 0; i < flips && out.length > 0; i++) out[position(out, rng)]! ^= 1 << rng.int(8);
    return out;
  },
  interestingBytes(bytes, rng) {
    const out = bytes.slice();
    const n = rng.between(1, 4);
    for (let i = 0; i < n && out.length > 0; i++) out[position(out, rng)] = rng.pick(INTERESTING_BYTES);
    return out;
  },
  interestingU32(bytes, rng) {
    const out = bytes.slice();
    if (out.length < 4) return out;
    const at = Math.min(position(out, rng) & ~3, out.length - 4);
    new DataView(out.buffer).setUint32(at, rng.pick(INTERESTING_U32), rng.chance(0.5));
    return out;
  },
  truncate(bytes, rng) {
    return bytes.slice(0, rng.int(bytes.length + 1));
  },
  duplicateChunk(bytes, rng) {
    const start = position(bytes, rng);
    const end = Math.min(bytes.length, start + rng.between(1, 2048));
    const at = position(bytes, rng);
    return join(bytes.subarray(0, at), bytes.subarray(start, end), bytes.subarray(at));
  },
  deleteChunk(bytes, rng) {
    const start = position(bytes, rng);
    const end = Math.min(bytes.length, start + rng.between(1, 2048));
    return join(bytes.subarray(0, start), bytes.subarray(end));
  },
  insertRandom(bytes, rng) {
    const at = position(bytes, rng);
    const junk = Uint8Array.from({ length: rng.between(1, 64) }, () => rng.int(256));
    return join(bytes.subarray(0, at), junk, bytes.subarray(at));
  },
  spliceOther(bytes, rng, other) {
    // The head of this file with the tail of another seed of the same format.
    return join(bytes.subarray(0, position(bytes, rng)), other.subarray(position(other, rng)));
  },
  appendJunk(bytes, rng) {
    return join(
      bytes,
      Uint8Array.from({ length: rng.between(1, 600) }, () => rng.int(256)),
    );
  },
};

export const BYTE_MUTATION_NAMES: readonly string[] = Object.keys(BYTE_MUTATIONS);

/** One to three stacked byte mutations; returns the bytes and the names applied (for reports). */
export function mutateBytes(bytes: Uint8Array, rng: Random, other: Uint8Array): { bytes: Uint8Array; how: string[] } {
  let out = bytes;
  const how: string[] = [];
  const rounds = rng.chance(0.7) ? 1 : rng.between(2, 3);
  for (let i = 0; i < rounds; i++) {
    const name = rng.pick(BYTE_MUTATION_NAMES);
    out = BYTE_MUTATIONS[name]!(out, rng, other);
    how.push(name);
  }
  return { bytes: out, how };
}

export { join as joinBytes };
