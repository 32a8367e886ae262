/**
 * Hostile dataset files: gzip bombs (one member, many members) on the one-pass path and on the
 * member-by-member fallback browsers need, tar headers declaring huge entries, IDX headers
 * claiming billions of images, and truncated files. Each must end in a DatasetError in words,
 * having handed the consumer no more than the cap (never a RangeError or an out-of-memory).
 */
import { gunzipSync, gzipSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cifar10FromTarGz } from '../../engine/data/cifar10';
import { DatasetError } from '../../engine/data/dataset';
import { type GunzipOptions, gunzip, gunzipChunks } from '../../engine/data/gunzip';
import { decodeIdxImages, decodeIdxLabels } from '../../engine/data/mnist-idx';
import { readTar, TarReader } from '../../engine/data/tar';

const MiB = 1 << 20;

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
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  return (error as Error).message;
}

function syncDatasetError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return (error as Error).message;
  }
  throw new Error('expected a DatasetError, but nothing was thrown');
}

/**
 * A decompressor that behaves like Chromium's: one gzip member, an error for anything after it,
 * output handed on in 64 KiB pieces. Counts how many were made, so a test can tell the fallback
 * stopped at the cap instead of trying every member.
 */
function singleMemberDecompressor(): { make: NonNullable<GunzipOptions['decompressor']>; made: () => number } {
  let made = 0;
  const make = (): TransformStream<BufferSource, Uint8Array> => {
    made++;
    const chunks: Uint8Array[] = [];
    return new TransformStream<BufferSource, Uint8Array>({
      transform(chunk): void {
        chunks.push(new Uint8Array(chunk as ArrayBuffer));
      },
      flush(controller): void {
        const all = concat(...chunks);
        // Test members have a plain 10-byte header; zlib's engine says how much deflate data it read.
        const info = inflateRawSync(all.subarray(10), { info: true }) as unknown as {
          engine: { bytesWritten: number };
        };
        if (10 + info.engine.bytesWritten + 8 < all.length)
          throw new TypeError('Junk found after end of compressed data.');
        const out = new Uint8Array(gunzipSync(all));
        for (let i = 0; i < out.length; i += 64 << 10) controller.enqueue(out.slice(i, i + (64 << 10)));
      },
    });
  };
  return { make, made: () => made };
}

/** The platform's DecompressionStream with a tap counting every byte it produced and we read. */
function tappedDecompressor(): { make: NonNullable<GunzipOptions['decompressor']>; inflated: () => number } {
  let inflated = 0;
  const make = (): ReadableWritablePair<Uint8Array, BufferSource> => {
    const inner = new DecompressionStream('gzip');
    const tap = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller): void {
        inflated += chunk.length;
        controller.enqueue(chunk);
      },
    });
    return { writable: inner.writable, readable: inner.readable.pipeThrough(tap) };
  };
  return { make, inflated: () => inflated };
}

/** Decompresses through gunzipChunks, recording how many bytes the consumer was handed. */
async function unpackCounting(
  bytes: Uint8Array,
  options: GunzipOptions,
): Promise<{ message: string; delivered: number }> {
  let delivered = 0;
  const message = await datasetError(gunzipChunks(bytes, (chunk) => (delivered += chunk.length), options));
  return { message, delivered };
}

describe('gzip bombs are refused at the cap on every path', () => {
  // 50 MB of zeros compress to about 50 KB.
  const zeros = gzipSync(new Uint8Array(50_000_000));
  // 400 members of 1 MiB zeros: 400 MiB declared in about 400 KB.
  const member = gzipSync(new Uint8Array(MiB));
  const manyMembers = concat(...Array.from({ length: 400 }, () => member));

  it('one-pass (the platform decompressor, which in Node also decodes many members)', async () => {
    const one = await unpackCounting(zeros, { name: 'zeros.gz', maxOutputBytes: 4 * MiB });
    expect(one.message).toMatch(/^zeros\.gz: unpacks to more than 4 MiB, far more than this dataset should/);
    expect(one.delivered).toBeLessThanOrEqual(4 * MiB);

    const platform = tappedDecompressor();
    const many = await unpackCounting(manyMembers, {
      name: 'many.gz',
      maxOutputBytes: 8 * MiB,
      decompressor: platform.make,
    });
    expect(many.message).toMatch(/^many\.gz: unpacks to more than 8 MiB/);
    expect(many.delivered).toBeLessThanOrEqual(8 * MiB);
    // The stream was cancelled near the cap, not inflated to the end (400 MiB).
    expect(platform.inflated()).toBeGreaterThan(8 * MiB);
    expect(platform.inflated()).toBeLessThan(16 * MiB);
  });

  it('member by member with the platform decompressor', async () => {
    // One 50 MB member: the fallback buffers a member until it is known good, so it must count
    // while buffering, or the whole 50 MB would be inflated before the cap is noticed.
    const platform = tappedDecompressor();
    const one = await unpackCounting(zeros, {
      name: 'zeros.gz',
      maxOutputBytes: 4 * MiB,
      path: 'members',
      decompressor: platform.make,
    });
    expect(one.message).toMatch(/^zeros\.gz: unpacks to more than 4 MiB/);
    expect(one.delivered).toBeLessThanOrEqual(4 * MiB);
    expect(platform.inflated()).toBeLessThan(8 * MiB);
    const many = await unpackCounting(manyMembers, { name: 'many.gz', maxOutputBytes: 8 * MiB, path: 'members' });
    expect(many.message).toMatch(/^many\.gz: unpacks to more than 8 MiB/);
    expect(many.delivered).toBeLessThanOrEqual(8 * MiB);
  });

  it('the browser fallback: a decompressor that stops after one member', async () => {
    const browser = singleMemberDecompressor();
    const many = await unpackCounting(manyMembers, {
      name: 'many.gz',
      maxOutputBytes: 8 * MiB,
      decompressor: browser.make,
    });
    expect(many.message).toMatch(/^many\.gz: unpacks to more than 8 MiB/);
    expect(many.delivered).toBeLessThanOrEqual(8 * MiB);
    // One failed one-pass attempt, then about one trial per member up to the cap, not 400.
    expect(browser.made()).toBeGreaterThan(1);
    expect(browser.made()).toBeLessThan(40);

    const single = singleMemberDecompressor();
    const one = await unpackCounting(zeros, {
      name: 'zeros.gz',
      maxOutputBytes: 4 * MiB,
      decompressor: single.make,
      path: 'members',
    });
    expect(one.message).toMatch(/^zeros\.gz: unpacks to more than 4 MiB/);
    expect(one.delivered).toBeLessThanOrEqual(4 * MiB);
  });

  it('still decodes honest multi-member files under the cap on the fallback', async () => {
    const browser = singleMemberDecompressor();
    const three = concat(member, member, gzipSync(new TextEncoder().encode('end')));
    const out = await gunzip(three, { decompressor: browser.make, maxOutputBytes: 3 * MiB });
    expect(out.length).toBe(2 * MiB + 3);
    expect(new TextDecoder().decode(out.subarray(2 * MiB))).toBe('end');
  });

  it('has a default cap when the caller names none', async () => {
    const bomb = concat(...Array.from({ length: 300 }, () => member));
    // gunzipChunks with a consumer that keeps nothing, so the test itself holds no 256 MiB.
    const { message, delivered } = await unpackCounting(bomb, { name: 'b.gz' });
    expect(message).toMatch(/^b\.gz: unpacks to more than 256 MiB/);
    expect(delivered).toBeLessThanOrEqual(256 * MiB);
  });

  it('says "incomplete" for a truncated gzip file on each path', async () => {
    const gz = gzipSync(new Uint8Array(200_000).map((_, i) => (i * 31) % 251));
    const cut = gz.subarray(0, gz.length - 50);
    const paths: GunzipOptions[] = [
      {},
      { path: 'members' },
      { decompressor: singleMemberDecompressor().make },
      { decompressor: singleMemberDecompressor().make, path: 'members' },
    ];
    for (const options of paths) {
      expect(await datasetError(gunzip(cut, { ...options, name: 'cut.gz' }))).toMatch(
        /^cut\.gz: the gzip data is corrupt or incomplete/,
      );
    }
  });
});

/** A ustar header block; `size` as 11 octal digits, or GNU base-256 when `binarySize` is given. */
function tarHeader(name: string, size: number, type = '0', binarySize?: bigint): Uint8Array {
  const h = new Uint8Array(512);
  const put = (text: string, offset: number): void => h.set(new TextEncoder().encode(text), offset);
  put(name, 0);
  put('0000644\0', 100);
  if (binarySize === undefined) {
    put(`${size.toString(8).padStart(11, '0')}\0`, 124);
  } else {
    h[124] = 0x80;
    for (let i = 135, v = binarySize; i > 124; i--, v >>= 8n) h[i] = Number(v & 0xffn);
  }
  put('        ', 148);
  put(type, 156);
  put('ustar\0', 257);
  put('00', 263);
  const sum = h.reduce((a, b) => a + b, 0);
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

describe('tar headers declaring huge entries', () => {
  const batch = 'cifar-10-batches-bin/data_batch_1.bin';

  it('refuses a CIFAR-10 batch declaring 1 TiB or 4 GiB before any data, in words', async () => {
    const tib = concat(tarHeader(batch, 0, '0', 1n << 40n), new Uint8Array(4096));
    for (const bytes of [tib, gzipSync(tib)]) {
      expect(await datasetError(cifar10FromTarGz(bytes, undefined, 'c.tar.gz'))).toMatch(
        /^c\.tar\.gz: "cifar-10-batches-bin\/data_batch_1\.bin" declares an entry of 1 TiB, more than the 32 MiB a CIFAR-10 batch can be\./,
      );
    }
    const gib = gzipSync(concat(tarHeader(batch, 2 ** 32 + 1), new Uint8Array(4096)));
    expect(await datasetError(cifar10FromTarGz(gib, undefined, 'c.tar.gz'))).toMatch(
      /declares an entry of 4 GiB, more than the 32 MiB a CIFAR-10 batch can be/,
    );
  });

  it('refuses a kept entry past the default cap, a huge name record, and sizes past 2^53', () => {
    expect(syncDatasetError(() => readTar(tarHeader('big.bin', 100 * MiB), 'a.tar'))).toMatch(
      /^a\.tar: "big\.bin" declares an entry of 100 MiB, more than the 64 MiB a file in this archive may be/,
    );
    expect(syncDatasetError(() => readTar(tarHeader('././@LongLink', 2 ** 30, 'L'), 'a.tar'))).toMatch(
      /a file-name record declares an entry of 1 GiB, more than the 1 MiB a file-name record can be/,
    );
    expect(syncDatasetError(() => readTar(tarHeader('x', 0, '0', 1n << 80n), 'a.tar'))).toMatch(
      /^a\.tar: an entry declares .* an impossible size/,
    );
  });

  it('skips an unwanted huge entry without keeping it, and reports the archive incomplete', () => {
    const kept: string[] = [];
    const reader = new TarReader(
      'a.tar',
      (e) => kept.push(e.name),
      (h) => h.name === 'wanted',
    );
    reader.push(concat(tarHeader('skipped', 0, '0', 1n << 40n), new Uint8Array(10_000)));
    expect(syncDatasetError(() => reader.end())).toMatch(/^a\.tar: the archive is incomplete: .*inside "skipped"/);
    expect(kept).toEqual([]);
  });

  it('says "incomplete" when a declared entry is cut short', async () => {
    const cut = concat(tarHeader(batch, 30_730_000), new Uint8Array(3073));
    expect(await datasetError(cifar10FromTarGz(gzipSync(cut), undefined, 'c.tar.gz'))).toMatch(
      /^c\.tar\.gz: the archive is incomplete: it is truncated \(it ends inside "cifar-10-batches-bin\/data_batch_1\.bin"\)/,
    );
  });
});

describe('IDX headers claiming more than a file can hold', () => {
  const idx = (magic: number, dims: number[]): Uint8Array => {
    const out = new Uint8Array(4 + 4 * dims.length + 16);
    const view = new DataView(out.buffer);
    view.setUint32(0, magic, false);
    for (const [i, d] of dims.entries()) view.setUint32(4 + 4 * i, d, false);
    return out;
  };

  it('refuses 2^31 images and 2^32-1 labels by their declared size', () => {
    expect(syncDatasetError(() => decodeIdxImages(idx(2051, [2 ** 31, 28, 28]), 'imgs'))).toMatch(
      /^imgs: the header claims 2147483648 images of 28x28 pixels \(1.5 TiB\), more than the 64 MiB an MNIST images file can be/,
    );
    expect(syncDatasetError(() => decodeIdxImages(idx(2051, [1, 65535, 65535]), 'imgs'))).toMatch(
      /claims 1 images of 65535x65535 pixels \(4 GiB\)/,
    );
    expect(syncDatasetError(() => decodeIdxLabels(idx(2049, [2 ** 32 - 1]), 'lbls'))).toMatch(
      /^lbls: the header claims 4294967295 labels \(4 GiB\), more than the 64 MiB an MNIST labels file can be/,
    );
  });
});
