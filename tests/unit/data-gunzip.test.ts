/** gunzip (incl. multi-member, also as browsers decode it) and the tar reader, on in-memory data. */
import { gunzipSync, gzipSync, inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatasetError } from '../../engine/data/dataset';
import { gunzip, isGzip } from '../../engine/data/gunzip';
import { readTar, TarReader } from '../../engine/data/tar';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const bytesOf = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};

async function datasetError(promise: Promise<unknown>): Promise<string> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('hung')), 5000));
  const error = await Promise.race([promise, timeout]).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  return (error as Error).message;
}

/**
 * Decodes like Chromium's DecompressionStream: one gzip member only, and an error for any bytes
 * after it ("Junk found after end of compressed data"). Node's own decodes every member.
 */
class SingleMemberDecompressionStream extends TransformStream<BufferSource, Uint8Array> {
  constructor() {
    const chunks: Uint8Array[] = [];
    super({
      transform(chunk): void {
        chunks.push(new Uint8Array(chunk as ArrayBuffer));
      },
      flush(controller): void {
        const all = concat(...chunks);
        // Test members have a plain 10-byte header; the deflate data says where it ends.
        // With `info`, zlib also returns the engine, whose bytesWritten is the input it consumed.
        const info = inflateRawSync(all.subarray(10), { info: true }) as unknown as {
          engine: { bytesWritten: number };
        };
        const consumed = info.engine.bytesWritten;
        const end = 10 + consumed + 8;
        if (end < all.length) throw new TypeError('Junk found after end of compressed data.');
        controller.enqueue(new Uint8Array(gunzipSync(all)));
      },
    });
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('gunzip', () => {
  it('passes raw bytes through and detects gzip by magic', async () => {
    const raw = bytesOf('not compressed');
    expect(isGzip(raw)).toBe(false);
    expect(await gunzip(raw)).toBe(raw);
    expect(isGzip(gzipSync(raw))).toBe(true);
  });

  it('decompresses, reporting progress up to the whole input', async () => {
    const payload = new Uint8Array(3_000_000).map((_, i) => (i * 7) % 251);
    const gz = gzipSync(payload);
    const progress: [number, number][] = [];
    const out = await gunzip(gz, { onProgress: (i, o) => progress.push([i, o]) });
    // Buffer.compare: vitest's deep equality is very slow on megabyte arrays.
    expect(Buffer.compare(out, payload)).toBe(0);
    expect(progress.at(-1)).toEqual([gz.length, payload.length]);
    for (let k = 1; k < progress.length; k++) expect(progress[k]![1]).toBeGreaterThanOrEqual(progress[k - 1]![1]);
  });

  it('decodes multi-member files (Node decodes them natively)', async () => {
    const gz = concat(gzipSync(bytesOf('hello ')), gzipSync(bytesOf('big ')), gzipSync(bytesOf('world')));
    expect(text(await gunzip(gz))).toBe('hello big world');
  });

  it('decodes multi-member files where the platform stops after one member (browsers)', async () => {
    vi.stubGlobal('DecompressionStream', SingleMemberDecompressionStream);
    // A stored (level 0) member whose data contains a fake member header: a false boundary.
    const decoy = concat(bytesOf('a'), Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0), bytesOf('b'.repeat(40)));
    const gz = concat(gzipSync(decoy, { level: 0 }), gzipSync(bytesOf('second')), gzipSync(bytesOf(' third')));
    expect(await gunzip(gz)).toEqual(concat(decoy, bytesOf('second third')));
    expect(text(await gunzip(gzipSync(bytesOf('single'))))).toBe('single');
  });

  it('rejects a damaged multi-member file on browsers too', async () => {
    vi.stubGlobal('DecompressionStream', SingleMemberDecompressionStream);
    const second = gzipSync(bytesOf('second member'));
    second[second.length - 6]! ^= 0xff; // its CRC
    expect(await datasetError(gunzip(concat(gzipSync(bytesOf('first')), second), { name: 'x.gz' }))).toMatch(
      /x\.gz: the gzip data is corrupt or incomplete/,
    );
  });

  it('rejects trailing garbage, truncation and corruption with a DatasetError', async () => {
    const gz = gzipSync(bytesOf('some text '.repeat(100)));
    expect(await datasetError(gunzip(concat(gz, bytesOf('garbage'))))).toMatch(/corrupt or incomplete/);
    expect(await datasetError(gunzip(gz.subarray(0, gz.length - 1)))).toMatch(/corrupt or incomplete/);
    const flipped = gz.slice();
    flipped[15]! ^= 0x55;
    expect(await datasetError(gunzip(flipped))).toMatch(/corrupt or incomplete/);
  });

  it('stops at the size cap', async () => {
    const bomb = gzipSync(new Uint8Array(5_000_000));
    expect(await datasetError(gunzip(bomb, { name: 'bomb.gz', maxOutputBytes: 1 << 20 }))).toMatch(
      /bomb\.gz: unpacks to more than 1 MiB/,
    );
  });
});

/** A tar header block (ustar) with a correct checksum. */
function header(name: string, size: number, type = '0'): Uint8Array {
  const h = new Uint8Array(512);
  h.set(bytesOf(name.slice(0, 100)), 0);
  h.set(bytesOf(`${size.toString(8).padStart(11, '0')}\0`), 124);
  h.set(bytesOf('        '), 148);
  h.set(bytesOf(type), 156);
  h.set(bytesOf('ustar\u000000'), 257);
  h.set(
    bytesOf(
      `${h
        .reduce((a, b) => a + b, 0)
        .toString(8)
        .padStart(6, '0')}\0 `,
    ),
    148,
  );
  return h;
}
const padded = (data: Uint8Array): Uint8Array => concat(data, new Uint8Array((512 - (data.length % 512)) % 512));

describe('tar', () => {
  const longName = `${'deep/'.repeat(30)}file.bin`;
  const pax = bytesOf(`${`path=pax/name.bin`.length + 4} path=pax/name.bin\n`);
  const archive = concat(
    header('dir/', 0, '5'),
    header('dir/a.txt', 5),
    padded(bytesOf('hello')),
    header('././@LongLink', longName.length + 1, 'L'),
    padded(bytesOf(`${longName}\0`)),
    header('truncated-name', 3),
    padded(bytesOf('abc')),
    header('PaxHeaders/x', pax.length, 'x'),
    padded(pax),
    header('short', 600),
    padded(new Uint8Array(600).fill(9)),
    new Uint8Array(1024),
  );

  it('reads files, GNU long names and pax paths; skips directories', () => {
    const entries = readTar(archive, 'test.tar');
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ['dir/a.txt', 5],
      [longName, 3],
      ['pax/name.bin', 600],
    ]);
    expect(text(entries[0]!.data)).toBe('hello');
    expect(entries[2]!.data.every((b) => b === 9)).toBe(true);
  });

  it('gives the same entries when fed in tiny chunks', () => {
    const names: string[] = [];
    const reader = new TarReader('test.tar', (e) => names.push(`${e.name}:${e.data.length}`));
    for (let i = 0; i < archive.length; i += 37) reader.push(archive.subarray(i, i + 37));
    reader.end();
    expect(names).toEqual(['dir/a.txt:5', `${longName}:3`, 'pax/name.bin:600']);
  });

  it('collects only wanted entries', () => {
    expect(readTar(archive, 't', (h) => h.name.endsWith('.txt')).map((e) => e.name)).toEqual(['dir/a.txt']);
  });

  it('reports truncation inside an entry or a header, and bad checksums', () => {
    expect(() => readTar(archive.subarray(0, 512 * 2 + 3), 'cut.tar')).toThrow(
      /cut\.tar: the archive is incomplete: it is truncated \(it ends inside "dir\/a\.txt"\)/,
    );
    expect(() => readTar(archive.subarray(0, 512 + 100), 'cut.tar')).toThrow(/inside an entry header/);
    const bad = archive.slice();
    bad[512 + 1]! ^= 1;
    expect(() => readTar(bad, 'bad.tar')).toThrow(DatasetError);
  });
});
