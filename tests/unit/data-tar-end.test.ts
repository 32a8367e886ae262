/**
 * A tar.gz is read only as far as it matters: once the tar reader has seen its end-of-archive
 * marker gunzip stops inflating (so zeros or junk after it, a gzip bomb included, cost nothing),
 * and the entries the CIFAR-10 reader skips share a small budget checked at each header (so a
 * 1 TiB skipped entry, or a run of large ones, is refused before its data is inflated), as is a
 * batch listed twice. The most a CIFAR-10 archive can make us inflate is six batches and that budget.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cifar10FromTarGz } from '../../engine/data/cifar10';
import { DatasetError } from '../../engine/data/dataset';
import { gunzipChunks } from '../../engine/data/gunzip';
import { TarReader } from '../../engine/data/tar';
import { multiMemberBomb } from '../fuzz/bombs';
import { joinBytes } from '../fuzz/mutate-bytes';
import { cifarSeed, fixTarChecksum, tarHeader } from '../fuzz/seeds';

const MiB = 1 << 20;

describe('gunzip stops when the tar reader is done', () => {
  it('inflates none of a 200 MiB bomb that follows the end-of-archive marker', async () => {
    const archive = joinBytes(new Uint8Array(gzipSync(cifarSeed().tar)), multiMemberBomb(200));
    let delivered = 0;
    const reader = new TarReader('c.tar.gz', () => undefined);
    await gunzipChunks(
      archive,
      (chunk) => {
        delivered += chunk.length;
        reader.push(chunk);
      },
      { name: 'c.tar.gz', done: () => reader.finished, maxOutputBytes: 64 * MiB },
    );
    expect(reader.finished).toBe(true);
    // The archive itself is about 14 KB; at most one more output chunk arrives before the check.
    expect(delivered).toBeLessThan(2 * MiB);
    // The same bytes read to the end would pass the 64 MiB cap.
    await expect(gunzipChunks(archive, () => undefined, { maxOutputBytes: 64 * MiB })).rejects.toThrow(/64 MiB/);
  });

  it('member by member too, and the CIFAR-10 reader keeps its batches', async () => {
    const archive = joinBytes(new Uint8Array(gzipSync(cifarSeed().tar)), multiMemberBomb(100));
    const reader = new TarReader('c.tar.gz', () => undefined);
    let delivered = 0;
    await gunzipChunks(
      archive,
      (chunk) => {
        delivered += chunk.length;
        reader.push(chunk);
      },
      { path: 'members', done: () => reader.finished, maxOutputBytes: 64 * MiB },
    );
    expect(delivered).toBeLessThan(2 * MiB);
    const splits = await cifar10FromTarGz(archive);
    expect([splits.train.count, splits.test.count]).toEqual([10, 2]);
  });
});

describe('what an archive may hold besides the entries needed is bounded', () => {
  const huge = (name: string, size: bigint): Uint8Array => {
    const h = tarHeader(name, 0);
    h.fill(0, 124, 136);
    h[124] = 0x80;
    for (let i = 135, v = size; i > 124; i--, v >>= 8n) h[i] = Number(v & 0xffn);
    fixTarChecksum(h);
    return h;
  };
  const refusal = (bytes: Uint8Array): Promise<string> =>
    cifar10FromTarGz(bytes, undefined, 'c.tar.gz').then(
      () => 'accepted',
      (e: unknown) => (e instanceof DatasetError ? e.message : `untyped: ${String(e)}`),
    );

  it('refuses a skipped entry declaring 1 TiB at its header', async () => {
    const bytes = new Uint8Array(gzipSync(joinBytes(huge('junk.bin', 1n << 40n), new Uint8Array(4096))));
    expect(await refusal(bytes)).toBe(
      'c.tar.gz: "junk.bin" declares an entry of 1 TiB, more than the 16 MiB a CIFAR-10 archive holds besides its six batches. The archive is damaged or it is not the expected file.',
    );
  });

  it('adds up skipped entries: the third 6 MiB one is refused at its header', async () => {
    const entry = (i: number): Uint8Array => joinBytes(tarHeader(`junk${i}.bin`, 6 * MiB), new Uint8Array(6 * MiB));
    const bytes = new Uint8Array(gzipSync(joinBytes(entry(1), entry(2), tarHeader('junk3.bin', 6 * MiB))));
    expect(await refusal(bytes)).toBe(
      'c.tar.gz: "junk3.bin" declares an entry of 6 MiB, 18 MiB with the other files not needed here, more than the 16 MiB a CIFAR-10 archive holds besides its six batches. The archive is damaged or it is not the expected file.',
    );
  });

  it('refuses a batch that appears twice before keeping its second copy', async () => {
    const batch = joinBytes(tarHeader('cifar-10-batches-bin/data_batch_1.bin', 3073), new Uint8Array(3584));
    expect(await refusal(new Uint8Array(gzipSync(joinBytes(batch, batch))))).toBe(
      'c.tar.gz: it holds data_batch_1.bin twice, but the CIFAR-10 archive has each batch once. The archive is damaged or it is not the expected file.',
    );
  });

  it('still skips entries within the budget, and a reader without one skips any size', () => {
    const seen: string[] = [];
    const capped = new TarReader(
      'a.tar',
      (e) => seen.push(e.name),
      (h) => h.name === 'x.txt',
      { maxBytes: MiB, what: 'a file can be', skippedBytes: 4 * MiB },
    );
    // 3 MiB is past what a kept file may be but within the skipped budget: skipped, not refused.
    capped.push(joinBytes(tarHeader('big.bin', 3 * MiB), new Uint8Array(3 * MiB), tarHeader('x.txt', 1)));
    capped.push(new Uint8Array(512 + 1024));
    capped.end();
    expect(seen).toEqual(['x.txt']);
    const uncapped = new TarReader(
      'a.tar',
      () => undefined,
      () => false,
    );
    expect(() => uncapped.push(huge('junk.bin', 1n << 40n))).not.toThrow();
  });
});
