/**
 * Downloading the full datasets from their canonical public homes (or a mirror) into a folder,
 * verifying md5 checksums and resuming an interrupted download. The ONE implementation behind
 * `npm run fetch-data` and the dev/preview servers' "Download" buttons (scripts/vite-datasets.ts),
 * so both fetch the same files from the same places with the same checksums.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CIFAR10_DIR,
  CIFAR10_FILE,
  CIFAR10_URL,
  KNOWN_MD5,
  MNIST_BASE_URL,
  MNIST_DIR,
  MNIST_FILES,
} from '../../engine/data/sources';

export type DatasetName = 'mnist' | 'cifar10';
export const DATASET_NAMES: readonly DatasetName[] = ['mnist', 'cifar10'];

/** Give up on a connection that delivers nothing for this long, and retry. */
const STALL_MS = 30_000;

export interface DownloadJob {
  /** Folder under the output folder ("mnist", "cifar10"). */
  readonly dir: string;
  readonly name: string;
  readonly url: string;
}

/** Bytes of one file so far, for a progress bar. `total` is unknown until the server says. */
export interface FileProgress {
  readonly job: DownloadJob;
  readonly received: number;
  readonly total: number | null;
}

export interface DownloadOptions {
  readonly outDir: string;
  readonly retries?: number;
  readonly retryDelayMs?: number;
  readonly onProgress?: (progress: FileProgress) => void;
  readonly onMessage?: (line: string) => void;
}

/** An error worth retrying (network trouble, 5xx) versus one that will not go away (404, bad checksum). */
export class FetchFailure extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

/** The files of one dataset, from the canonical locations or from `mirror`/<dir>/<name>. */
export function planDownloads(dataset: DatasetName, mirror?: string): DownloadJob[] {
  const base = mirror?.replace(/\/+$/, '');
  if (dataset === 'mnist') {
    return Object.values(MNIST_FILES).map((name) => ({
      dir: MNIST_DIR,
      name,
      url: base ? `${base}/${MNIST_DIR}/${name}` : MNIST_BASE_URL + name,
    }));
  }
  return [{ dir: CIFAR10_DIR, name: CIFAR10_FILE, url: base ? `${base}/${CIFAR10_DIR}/${CIFAR10_FILE}` : CIFAR10_URL }];
}

async function hashFile(path: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
}

export async function md5OfFile(path: string): Promise<string> {
  const hash = createHash('md5');
  await hashFile(path, hash);
  return hash.digest('hex');
}

/** True when `outDir/<dir>/<name>` exists with a known-good checksum. */
export async function isPresent(job: DownloadJob, outDir: string): Promise<boolean> {
  const dest = join(outDir, job.dir, job.name);
  return existsSync(dest) && (KNOWN_MD5[job.name] ?? []).includes(await md5OfFile(dest));
}

/**
 * One attempt: appends the body to `part` (asking for the rest with a Range header when part of
 * the file is already there) while hashing; returns the md5 of the whole file.
 */
async function attempt(job: DownloadJob, part: string, options: DownloadOptions): Promise<string> {
  const hash = createHash('md5');
  let have = existsSync(part) ? statSync(part).size : 0;
  if (have > 0) await hashFile(part, hash);
  const controller = new AbortController();
  let stall = setTimeout(() => controller.abort(), STALL_MS);
  try {
    let response: Response;
    try {
      const headers: Record<string, string> = have > 0 ? { range: `bytes=${have}-` } : {};
      response = await fetch(job.url, { signal: controller.signal, headers });
    } catch (error) {
      throw new FetchFailure(`could not connect to ${job.url} (${(error as Error).message})`, true);
    }
    if (have > 0 && response.status !== 206) {
      // The server ignored the range (or the part is stale): start again from the first byte.
      if (response.ok) {
        await response.body?.cancel().catch(() => undefined);
        rmSync(part, { force: true });
        throw new FetchFailure(`${job.url} cannot resume; starting again`, true);
      }
    }
    if (!response.ok || !response.body) {
      const transient = response.status >= 500 || response.status === 408 || response.status === 429;
      if (response.status === 416) rmSync(part, { force: true });
      throw new FetchFailure(
        `${job.url} answered HTTP ${response.status} ${response.statusText}`,
        transient || response.status === 416,
      );
    }
    const length = Number(response.headers.get('content-length'));
    const total = Number.isSafeInteger(length) && length > 0 ? have + length : null;
    let received = have;
    options.onProgress?.({ job, received, total });
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback): void {
        clearTimeout(stall);
        stall = setTimeout(() => controller.abort(), STALL_MS);
        hash.update(chunk);
        received += chunk.length;
        options.onProgress?.({ job, received, total });
        callback(null, chunk);
      },
    });
    try {
      await pipeline(
        Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
        meter,
        createWriteStream(part, { flags: have > 0 ? 'a' : 'w' }),
      );
    } catch (error) {
      throw new FetchFailure(
        `the download of ${job.dir}/${job.name} was interrupted (${(error as Error).message})`,
        true,
      );
    }
    have = received;
    if (total !== null && received !== total) {
      throw new FetchFailure(
        `the download of ${job.dir}/${job.name} stopped after ${received} of ${total} bytes`,
        true,
      );
    }
    return hash.digest('hex');
  } finally {
    clearTimeout(stall);
  }
}

/**
 * Downloads one file into outDir/<dir>/<name> unless a good copy is there. An interrupted attempt
 * leaves `<name>.part`, which the next attempt (or the next call, after a restart) resumes. A
 * checksum mismatch deletes the file and fails for good.
 */
export async function downloadFile(job: DownloadJob, options: DownloadOptions): Promise<void> {
  const say = options.onMessage ?? (() => undefined);
  const dest = join(options.outDir, job.dir, job.name);
  const known = KNOWN_MD5[job.name] ?? [];
  const label = `${job.dir}/${job.name}`;
  if (existsSync(dest)) {
    if (known.includes(await md5OfFile(dest))) {
      say(`${label} is present and its checksum is good; skipping.`);
      return;
    }
    say(`${label} is present but its checksum is wrong; downloading it again.`);
  }
  mkdirSync(dirname(dest), { recursive: true });
  const part = `${dest}.part`;
  const retries = Math.max(0, options.retries ?? 3);
  for (let tried = 0; ; tried++) {
    const resuming = existsSync(part) ? statSync(part).size : 0;
    say(`downloading ${label} from ${job.url}${resuming ? ` (resuming after ${resuming} bytes)` : ''}`);
    try {
      const md5 = await attempt(job, part, options);
      if (!known.includes(md5)) {
        rmSync(part, { force: true });
        rmSync(dest, { force: true });
        throw new FetchFailure(
          `checksum mismatch for ${label}: md5 ${md5}, expected ${known.join(' or ')}. The file was deleted; the source is serving a different or damaged file.`,
          false,
        );
      }
      renameSync(part, dest);
      say(`${label} ok (md5 ${md5}).`);
      return;
    } catch (error) {
      const failure = error instanceof FetchFailure ? error : new FetchFailure((error as Error).message, false);
      if (!failure.transient || tried >= retries) throw failure;
      const wait = (options.retryDelayMs ?? 1000) * 2 ** tried;
      say(`${failure.message}; retrying in ${wait} ms (${tried + 1}/${retries}).`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
