/**
 * The download core behind `npm run fetch-data` and the page's Download buttons resumes an
 * interrupted file with a Range request, restarts when a server ignores ranges, and still checks
 * the whole file's md5. A local node:http server serves the real t10k labels file.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MNIST_DIR, MNIST_FILES } from '../../engine/data/sources';
import { downloadFile, md5OfFile, planDownloads } from '../../scripts/datasets/download';

const SOURCE = resolve(process.cwd(), '../shared/datasets/mnist', MNIST_FILES.testLabels);
const FILE = MNIST_FILES.testLabels;

describe.runIf(existsSync(SOURCE))('resuming a dataset download', () => {
  const bytes = existsSync(SOURCE) ? readFileSync(SOURCE) : Buffer.alloc(0);
  const ranges: (string | undefined)[] = [];
  let honourRanges = true;
  let server: Server;
  let mirror = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      ranges.push(req.headers.range);
      const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      if (match && honourRanges) {
        const from = Number(match[1]);
        res.writeHead(206, { 'content-length': bytes.length - from });
        res.end(bytes.subarray(from));
        return;
      }
      res.writeHead(200, { 'content-length': bytes.length });
      res.end(bytes);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const job = () => planDownloads('mnist', mirror).find((j) => j.name === FILE)!;

  function withPart(keep: number): string {
    const out = mkdtempSync(join(tmpdir(), 'convlab-resume-'));
    mkdirSync(join(out, MNIST_DIR));
    writeFileSync(join(out, MNIST_DIR, `${FILE}.part`), bytes.subarray(0, keep));
    return out;
  }

  it('asks for the rest of a half-downloaded file and ends with the right checksum', async () => {
    const out = withPart(2000);
    ranges.length = 0;
    await downloadFile(job(), { outDir: out, retries: 0 });
    expect(ranges).toEqual(['bytes=2000-']);
    expect(readFileSync(join(out, MNIST_DIR, FILE)).equals(bytes)).toBe(true);
    expect(existsSync(join(out, MNIST_DIR, `${FILE}.part`))).toBe(false);
    expect(await md5OfFile(join(out, MNIST_DIR, FILE))).toBe('ec29112dd5afa0611ce80d1b7f02629c');
    rmSync(out, { recursive: true });
  });

  it('starts again from the first byte when the server ignores the range', async () => {
    const out = withPart(2000);
    ranges.length = 0;
    honourRanges = false;
    try {
      await downloadFile(job(), { outDir: out, retries: 1, retryDelayMs: 0 });
    } finally {
      honourRanges = true;
    }
    expect(ranges).toEqual(['bytes=2000-', undefined]);
    expect(readFileSync(join(out, MNIST_DIR, FILE)).equals(bytes)).toBe(true);
    rmSync(out, { recursive: true });
  });

  it('a resumed file whose first part was damaged fails its checksum and is deleted', async () => {
    const out = withPart(2000);
    const part = join(out, MNIST_DIR, `${FILE}.part`);
    const damaged = Buffer.from(bytes.subarray(0, 2000));
    damaged[100] = damaged[100]! ^ 0xff;
    writeFileSync(part, damaged);
    await expect(downloadFile(job(), { outDir: out, retries: 0 })).rejects.toThrow(/checksum mismatch/);
    expect(existsSync(part)).toBe(false);
    expect(existsSync(join(out, MNIST_DIR, FILE))).toBe(false);
    rmSync(out, { recursive: true });
  });
});
