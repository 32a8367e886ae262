/**
 * Loading datasets over HTTP with `fetch` only, so it works in the page and in a Web Worker (and
 * in Node 20+). The files are those `npm run fetch-data` puts under public/data/ and the build
 * script writes to public/data/mnist-embedded.bin.
 */
import { cifar10FromTarGz } from './cifar10';
import { type Dataset, DatasetError, type DatasetSplits, MNIST_CLASSES } from './dataset';
import { decodeDataset } from './embedded';
import { mnistFromFiles } from './mnist-idx';
import type { ProgressCallback } from './progress';
import { CIFAR10_DIR, CIFAR10_FILE, EMBEDDED_MNIST_FILE, MNIST_DIR, MNIST_FILES } from './sources';

/** Downloads `url` into one buffer, reporting progress as bytes arrive. Failures are DatasetErrors. */
export async function fetchBytes(
  url: string,
  onProgress?: ProgressCallback,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const file = url.slice(url.lastIndexOf('/') + 1) || url;
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DatasetError(
      `Could not download ${file} from ${url}: ${(error as Error).message}. Check the connection.`,
    );
  }
  if (!response.ok) {
    const hint = response.status === 404 ? ' Run `npm run fetch-data` to download the full datasets.' : '';
    throw new DatasetError(
      `Could not download ${file}: the server answered ${response.status} ${response.statusText}.${hint}`,
    );
  }
  const header = response.headers.get('content-length');
  // With Content-Encoding the header counts compressed bytes, so treat it only as a hint.
  const total = header && !response.headers.get('content-encoding') ? Number(header) : undefined;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  // Preallocate from the header, but never trust it with more than 512 MB up front.
  let buffer = new Uint8Array(total !== undefined && total <= 1 << 29 ? total : 1 << 20);
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (loaded + value.length > buffer.length) {
        const grown = new Uint8Array(Math.max(buffer.length * 2, loaded + value.length));
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
    if (signal?.aborted) throw error;
    throw new DatasetError(`The download of ${file} was interrupted: ${(error as Error).message}. Try again.`);
  }
  if (total !== undefined && loaded !== total) {
    throw new DatasetError(`The download of ${file} stopped after ${loaded} of ${total} bytes. Try again.`);
  }
  return loaded === buffer.length ? buffer : buffer.slice(0, loaded);
}

/** The embedded 10,000-digit MNIST subset (CLDS format). */
export async function loadEmbeddedMnist(
  url = `/data/${EMBEDDED_MNIST_FILE}`,
  onProgress?: ProgressCallback,
): Promise<Dataset> {
  return decodeDataset(await fetchBytes(url, onProgress), 'mnist-embedded', MNIST_CLASSES);
}

/** Full MNIST from a folder URL holding the four official .gz files (default: what fetch-data serves). */
export async function loadMnistFromUrls(
  base = `/data/${MNIST_DIR}/`,
  onProgress?: ProgressCallback,
): Promise<DatasetSplits> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all([
    fetchBytes(root + MNIST_FILES.trainImages, onProgress),
    fetchBytes(root + MNIST_FILES.trainLabels, onProgress),
    fetchBytes(root + MNIST_FILES.testImages, onProgress),
    fetchBytes(root + MNIST_FILES.testLabels, onProgress),
  ]);
  return mnistFromFiles({ trainImages, trainLabels, testImages, testLabels });
}

/** Full CIFAR-10 from the official cifar-10-binary.tar.gz (default: what fetch-data serves). */
export async function loadCifar10FromUrl(
  url = `/data/${CIFAR10_DIR}/${CIFAR10_FILE}`,
  onProgress?: ProgressCallback,
): Promise<DatasetSplits> {
  const bytes = await fetchBytes(url, onProgress);
  return cifar10FromTarGz(bytes, onProgress, url.slice(url.lastIndexOf('/') + 1) || CIFAR10_FILE);
}
