/**
 * `npm run fetch-data [-- --only mnist|cifar10] [--base-url URL] [--out DIR] [--retries N]`
 *
 * Downloads full MNIST (the four official gzip files) and CIFAR-10 (cifar-10-binary.tar.gz) into
 * public/data/mnist/ and public/data/cifar10/ (gitignored; the app serves them), verifying md5
 * checksums. Files already present with a known-good checksum are skipped, so it is safe to rerun.
 * --base-url points at a mirror laid out as URL/mnist/<name> and URL/cifar10/<name>.
 * Progress goes to stderr; the exit status is non-zero if any file failed.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  CIFAR10_DIR,
  CIFAR10_FILE,
  CIFAR10_URL,
  KNOWN_MD5,
  MNIST_BASE_URL,
  MNIST_DIR,
  MNIST_FILES,
} from '../engine/data/sources';

/** Give up on a connection that delivers nothing for this long, and retry. */
const STALL_MS = 30_000;

interface Job {
  readonly dir: string;
  readonly name: string;
  readonly url: string;
}

/** An error worth retrying (network trouble, 5xx) versus one that will not go away (404, bad checksum). */
class FetchFailure extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    'base-url': { type: 'string' },
    out: { type: 'string' },
    retries: { type: 'string', default: '3' },
    'retry-delay-ms': { type: 'string', default: '1000' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  console.log('usage: npm run fetch-data -- [--only mnist|cifar10] [--base-url URL] [--out DIR] [--retries N]');
  process.exit(0);
}
if (args.only !== undefined && args.only !== 'mnist' && args.only !== 'cifar10') {
  console.error(`fetch-data: --only must be "mnist" or "cifar10", not "${args.only}".`);
  process.exit(2);
}
const outDir = resolve(args.out ?? join(root, 'public', 'data'));
const retries = Math.max(0, Number(args.retries) || 0);
const retryDelayMs = Math.max(0, Number(args['retry-delay-ms']) || 0);
const mirror = args['base-url']?.replace(/\/+$/, '');

function plan(): Job[] {
  const jobs: Job[] = [];
  if (args.only !== 'cifar10') {
    for (const name of Object.values(MNIST_FILES)) {
      jobs.push({ dir: MNIST_DIR, name, url: mirror ? `${mirror}/${MNIST_DIR}/${name}` : MNIST_BASE_URL + name });
    }
  }
  if (args.only !== 'mnist') {
    jobs.push({
      dir: CIFAR10_DIR,
      name: CIFAR10_FILE,
      url: mirror ? `${mirror}/${CIFAR10_DIR}/${CIFAR10_FILE}` : CIFAR10_URL,
    });
  }
  return jobs;
}

async function md5OfFile(path: string): Promise<string> {
  const hash = createHash('md5');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

function megabytes(n: number): string {
  return (n / 1e6).toFixed(1);
}

/** One attempt: streams the body to `part` while hashing; returns the md5. */
async function download(job: Job, part: string): Promise<string> {
  const controller = new AbortController();
  let stall = setTimeout(() => controller.abort(), STALL_MS);
  const label = `${job.dir}/${job.name}`;
  try {
    let response: Response;
    try {
      response = await fetch(job.url, { signal: controller.signal });
    } catch (error) {
      throw new FetchFailure(`could not connect to ${job.url} (${(error as Error).message})`, true);
    }
    if (!response.ok || !response.body) {
      const transient = response.status >= 500 || response.status === 408 || response.status === 429;
      const hint = response.status === 404 && mirror ? ` (a mirror must hold ${job.dir}/${job.name})` : '';
      throw new FetchFailure(`${job.url} answered HTTP ${response.status} ${response.statusText}${hint}`, transient);
    }
    const total = Number(response.headers.get('content-length')) || 0;
    const hash = createHash('md5');
    let received = 0;
    let lastReport = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback): void {
        clearTimeout(stall);
        stall = setTimeout(() => controller.abort(), STALL_MS);
        hash.update(chunk);
        received += chunk.length;
        const now = Date.now();
        if (now - lastReport > 1000) {
          lastReport = now;
          const pct = total ? ` ${Math.floor((100 * received) / total)}%` : '';
          process.stderr.write(`  ${label}${pct} ${megabytes(received)}${total ? `/${megabytes(total)}` : ''} MB\n`);
        }
        callback(null, chunk);
      },
    });
    try {
      await pipeline(
        Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
        meter,
        createWriteStream(part),
      );
    } catch (error) {
      throw new FetchFailure(`the download of ${label} was interrupted (${(error as Error).message})`, true);
    }
    if (total && received !== total) {
      throw new FetchFailure(`the download of ${label} stopped after ${received} of ${total} bytes`, true);
    }
    return hash.digest('hex');
  } finally {
    clearTimeout(stall);
  }
}

async function fetchJob(job: Job): Promise<void> {
  const dest = join(outDir, job.dir, job.name);
  const known = KNOWN_MD5[job.name] ?? [];
  const label = `${job.dir}/${job.name}`;
  if (existsSync(dest)) {
    if (known.includes(await md5OfFile(dest))) {
      process.stderr.write(`fetch-data: ${label} is present and its checksum is good; skipping.\n`);
      return;
    }
    process.stderr.write(`fetch-data: ${label} is present but its checksum is wrong; downloading it again.\n`);
  }
  mkdirSync(dirname(dest), { recursive: true });
  const part = `${dest}.part`;
  for (let attempt = 0; ; attempt++) {
    process.stderr.write(`fetch-data: downloading ${label} from ${job.url}\n`);
    try {
      const md5 = await download(job, part);
      if (!known.includes(md5)) {
        rmSync(part, { force: true });
        rmSync(dest, { force: true });
        throw new FetchFailure(
          `checksum mismatch for ${label}: md5 ${md5}, expected ${known.join(' or ')}. The file was deleted; the source is serving a different or damaged file.`,
          false,
        );
      }
      renameSync(part, dest);
      process.stderr.write(`fetch-data: ${label} ok (md5 ${md5}).\n`);
      return;
    } catch (error) {
      rmSync(part, { force: true });
      const failure = error instanceof FetchFailure ? error : new FetchFailure((error as Error).message, false);
      if (!failure.transient || attempt >= retries) throw failure;
      const wait = retryDelayMs * 2 ** attempt;
      process.stderr.write(`fetch-data: ${failure.message}; retrying in ${wait} ms (${attempt + 1}/${retries}).\n`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

let failed = 0;
for (const job of plan()) {
  try {
    await fetchJob(job);
  } catch (error) {
    failed++;
    process.stderr.write(`fetch-data: FAILED: ${(error as Error).message}\n`);
  }
}
if (failed > 0) {
  process.stderr.write(`fetch-data: ${failed} file(s) failed; see the messages above.\n`);
  process.exit(1);
}
console.log(`fetch-data: all files are in ${outDir}`);
