/**
 * Loading datasets over HTTP with `fetch` only, so it works in the page and in a Web Worker (and
 * in Node 20+). The files are those `npm run fetch-data` puts under public/data/ and the build
 * script writes to public/data/mnist-embedded.bin.gz.
 *
 * A file that is not there must not look damaged: dev and preview servers answer a missing file
 * with the app's index.html (status 200), others with a 404 or an empty body. All of those become
 * a DatasetMissingError that says how to get the data, before any parser sees the bytes.
 */
import { cifar10FromTarGz } from './cifar10';
import { type Dataset, DatasetError, type DatasetSplits, MNIST_CLASSES } from './dataset';
import { decodeDatasetFile } from './embedded';
import { DEFAULT_MAX_DOWNLOAD_BYTES, formatBytes } from './limits';
import { mnistFromFiles } from './mnist-idx';
import type { ProgressCallback } from './progress';
import { CIFAR10_DIR, CIFAR10_FILE, EMBEDDED_MNIST_GZ_FILE, MNIST_DIR, MNIST_FILES } from './sources';

/** The dataset is simply not on the server (as opposed to a download that failed or is corrupt). */
export class DatasetMissingError extends DatasetError {}

export const MNIST_MISSING =
  'Full MNIST is not downloaded yet: run `npm run fetch-data` or drop the files on this page.';
export const CIFAR10_MISSING =
  'CIFAR-10 is not downloaded yet: run `npm run fetch-data` or drop the files on this page.';
export const EMBEDDED_MISSING = `The embedded MNIST digits (${EMBEDDED_MNIST_GZ_FILE}) are not on the server yet: run \`npm install\`, which builds them.`;

/** Statuses that mean "no such file here" rather than "the server failed". */
const MISSING_STATUS = new Set([404, 410]);

/** True when the first bytes are an HTML page (after any byte-order mark and whitespace). */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<!doctype') || head.startsWith('<html');
}

/**
 * Downloads `url` into one buffer, reporting progress as bytes arrive. Failures are DatasetErrors;
 * a 404/410, an HTML page or an empty body is a DatasetMissingError with the `missing` message.
 */
export async function fetchBytes(
  url: string,
  onProgress?: ProgressCallback,
  signal?: AbortSignal,
  missing?: string,
  /** Refuses a larger file (by its header, or as bytes arrive); the largest dataset is 163 MiB. */
  maxBytes = DEFAULT_MAX_DOWNLOAD_BYTES,
): Promise<Uint8Array> {
  const file = url.slice(url.lastIndexOf('/') + 1) || url;
  const notThere = (): DatasetMissingError =>
    new DatasetMissingError(missing ?? `${file} is not on the server. Run \`npm run fetch-data\` to download it.`);
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DatasetError(
      `Could not download ${file} from ${url}: ${(error as Error).message}. Check the connection.`,
    );
  }
  if (MISSING_STATUS.has(response.status)) {
    await response.body?.cancel().catch(() => undefined);
    throw notThere();
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new DatasetError(
      `Could not download ${file}: the server answered ${response.status} ${response.statusText}. Try again later.`,
    );
  }
  if ((response.headers.get('content-type') ?? '').toLowerCase().includes('text/html')) {
    await response.body?.cancel().catch(() => undefined);
    throw notThere();
  }
  const header = response.headers.get('content-length');
  // With Content-Encoding the header counts compressed bytes, so treat it only as a hint.
  const declared = header && !response.headers.get('content-encoding') ? Number(header) : Number.NaN;
  const total = Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
  const tooBig = (): DatasetError =>
    new DatasetError(
      `${file} is larger than ${formatBytes(maxBytes)}, far more than this dataset should be; it is not the expected file, so the download was stopped.`,
    );
  if (total !== undefined && total > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooBig();
  }
  if (!response.body) return checkedBody(new Uint8Array(await response.arrayBuffer()), notThere);
  const reader = response.body.getReader();
  // Preallocate from the header (already checked against the cap), else start small and grow.
  let buffer = new Uint8Array(total ?? 1 << 20);
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (loaded + value.length > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooBig();
      }
      if (loaded + value.length > buffer.length) {
        const grown = new Uint8Array(Math.min(maxBytes, Math.max(buffer.length * 2, loaded + value.length)));
        grown.set(buffer.subarray(0, loaded));
        buffer = grown;
      }
      buffer.set(value, loaded);
      loaded += value.length;
      onProgress?.(
        total === undefined ? { phase: 'download', file, loaded } : { phase: 'download', file, loaded, total },
      );
    }
  } catch (error) {
    if (signal?.aborted || error instanceof DatasetError) throw error;
    throw new DatasetError(`The download of ${file} was interrupted: ${(error as Error).message}. Try again.`);
  }
  if (total !== undefined && loaded !== total) {
    throw new DatasetError(`The download of ${file} stopped after ${loaded} of ${total} bytes. Try again.`);
  }
  return checkedBody(loaded === buffer.length ? buffer : buffer.slice(0, loaded), notThere);
}

/** An empty body or an HTML page (served without an HTML content type) is a missing file. */
function checkedBody(bytes: Uint8Array, notThere: () => DatasetMissingError): Uint8Array {
  if (bytes.length === 0 || looksLikeHtml(bytes)) throw notThere();
  return bytes;
}

/** The embedded 10,000-digit MNIST subset (CLDS format, gzipped or not). */
export async function loadEmbeddedMnist(
  url = `/data/${EMBEDDED_MNIST_GZ_FILE}`,
  onProgress?: ProgressCallback,
): Promise<Dataset> {
  const bytes = await fetchBytes(url, onProgress, undefined, EMBEDDED_MISSING);
  return decodeDatasetFile(bytes, 'mnist-embedded', MNIST_CLASSES);
}

/** fetchBytes's shape, so a caller can put a cache (engine/data/kept-fetch.ts) in front of it. */
export type FetchBytes = (
  url: string,
  onProgress?: ProgressCallback,
  signal?: AbortSignal,
  missing?: string,
) => Promise<Uint8Array>;

/** Full MNIST from a folder URL holding the four official .gz files (default: what fetch-data serves). */
export async function loadMnistFromUrls(
  base = `/data/${MNIST_DIR}/`,
  onProgress?: ProgressCallback,
  fetcher: FetchBytes = fetchBytes,
): Promise<DatasetSplits> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all([
    fetcher(root + MNIST_FILES.trainImages, onProgress, undefined, MNIST_MISSING),
    fetcher(root + MNIST_FILES.trainLabels, onProgress, undefined, MNIST_MISSING),
    fetcher(root + MNIST_FILES.testImages, onProgress, undefined, MNIST_MISSING),
    fetcher(root + MNIST_FILES.testLabels, onProgress, undefined, MNIST_MISSING),
  ]);
  return mnistFromFiles({ trainImages, trainLabels, testImages, testLabels });
}

/** Full CIFAR-10 from the official cifar-10-binary.tar.gz (default: what fetch-data serves). */
export async function loadCifar10FromUrl(
  url = `/data/${CIFAR10_DIR}/${CIFAR10_FILE}`,
  onProgress?: ProgressCallback,
  fetcher: FetchBytes = fetchBytes,
): Promise<DatasetSplits> {
  const bytes = await fetcher(url, onProgress, undefined, CIFAR10_MISSING);
  return cifar10FromTarGz(bytes, onProgress, url.slice(url.lastIndexOf('/') + 1) || CIFAR10_FILE);
}
