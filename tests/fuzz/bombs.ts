/**
 * Gzip bombs for the fuzzer: many small members of zeros (each 1 MiB unpacked, about 1 KB packed)
 * or one large member of repeated blocks, so neither the bomb nor its maker ever holds the
 * unpacked size in memory.
 */
import { constants, deflateRawSync, gzipSync } from 'node:zlib';
import { joinBytes } from './mutate-bytes';

const MiB = 1 << 20;

/** `mebibytes` gzip members of 1 MiB of zeros each: a valid multi-member gzip file. */
export function multiMemberBomb(mebibytes: number): Uint8Array {
  const member = new Uint8Array(gzipSync(new Uint8Array(MiB)));
  return joinBytes(...Array.from({ length: mebibytes }, () => member));
}

/**
 * A bomb a tar reader can neither stop early nor refuse by a header: unwanted entries, each
 * declaring `entryMiB` MiB (the reader skips their data, never keeps it) and holding zeros, one
 * after another, so only the output cap ends it. `header(i)` writes entry i's 512-byte header.
 */
export function tarBomb(entryMiB: number, entries: number, header: (i: number) => Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const zeros = new Uint8Array(gzipSync(new Uint8Array(MiB)));
  for (let i = 0; i < entries; i++) {
    // Header and data fill exactly entryMiB MiB, so the next header follows with no zero block between.
    const first = new Uint8Array(MiB);
    first.set(header(i));
    parts.push(new Uint8Array(gzipSync(first)));
    for (let m = 1; m < entryMiB; m++) parts.push(zeros);
  }
  return joinBytes(...parts);
}

/**
 * One gzip member of about `megabytes` MB that unpacks to about 1,000 times as much: the deflate
 * block for 1 MiB of zeros, ended by a full flush so it depends on nothing before it, repeated.
 * The trailer's CRC is left 0 (computing it over gigabytes would be the slow part); a decoder
 * must refuse the output cap long before it gets there.
 */
export function singleMemberBomb(megabytes: number): Uint8Array {
  const block = new Uint8Array(deflateRawSync(new Uint8Array(MiB), { finishFlush: constants.Z_FULL_FLUSH }));
  const count = Math.floor((megabytes * 1e6) / block.length);
  const trailer = new Uint8Array(8);
  new DataView(trailer.buffer).setUint32(4, (count * MiB) >>> 0, true);
  const header = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
  const last = new Uint8Array(deflateRawSync(new Uint8Array(0)));
  return joinBytes(header, ...Array.from({ length: count }, () => block), last, trailer);
}
