/**
 * Getting CIFAR-10 into the page for the linear classifier: from this browser's storage when an
 * earlier visit kept it, from the server when it has the archive (the Download button or `npm run
 * fetch-data` put it under public/data/), or from files the student picks (the
 * official cifar-10-binary.tar.gz, or any of its data_batch_*.bin / test_batch.bin). Errors come
 * back as messages a student can act on.
 */

import { splitDataset } from '../../engine/data/batch';
import { openBrowserStore } from '../../engine/data/browser-store';
import { CIFAR_IMAGE_BYTES, CIFAR_RECORD_BYTES, checkCifarBatch, cifar10FromTarGz } from '../../engine/data/cifar10';
import { CIFAR10_CLASSES, type Dataset, DatasetError, type DatasetSplits } from '../../engine/data/dataset';
import { loadCifar10FromUrl } from '../../engine/data/fetch-dataset';
import { keptFetch } from '../../engine/data/kept-fetch';
import type { ProgressCallback } from '../../engine/data/progress';

export const CIFAR_URL = 'data/cifar10/cifar-10-binary.tar.gz';

/**
 * Whether the archive is on the server. A static dev server may answer a missing file with the
 * app's index.html (status 200), so an HTML answer counts as missing too.
 */
export async function cifarOnServer(): Promise<boolean> {
  try {
    const response = await fetch(new URL(CIFAR_URL, document.baseURI), { method: 'HEAD' });
    const type = response.headers.get('content-type') ?? '';
    return response.ok && !type.includes('text/html');
  } catch {
    return false;
  }
}

/** Whether this browser keeps CIFAR-10 from an earlier download (the studio's or this lesson's). */
export async function cifarInBrowser(): Promise<boolean> {
  const store = await openBrowserStore();
  return (await store?.list())?.some((set) => set.name === 'cifar10' && set.bytes > 0) ?? false;
}

/** From this browser's storage when kept there, else from the server (and then kept). */
export async function loadCifarFromServer(onProgress: ProgressCallback): Promise<DatasetSplits> {
  const kept = keptFetch(await openBrowserStore(), 'cifar10', 'CIFAR-10');
  try {
    const splits = await loadCifar10FromUrl(new URL(CIFAR_URL, document.baseURI).href, onProgress, kept.fetcher);
    await kept.commit();
    return splits;
  } catch (error) {
    if (error instanceof DatasetError) await kept.discard();
    throw error;
  }
}

/** Builds a dataset from whole CIFAR-10 batch files (already validated by checkCifarBatch). */
function concat(name: string, files: readonly { name: string; bytes: Uint8Array }[]): Dataset {
  const counts = files.map(checkCifarBatch);
  const count = counts.reduce((a, b) => a + b, 0);
  const images = new Uint8Array(count * CIFAR_IMAGE_BYTES);
  const labels = new Uint8Array(count);
  let n = 0;
  files.forEach((file, f) => {
    for (let i = 0; i < counts[f]!; i++, n++) {
      const at = i * CIFAR_RECORD_BYTES;
      labels[n] = file.bytes[at]!;
      images.set(file.bytes.subarray(at + 1, at + CIFAR_RECORD_BYTES), n * CIFAR_IMAGE_BYTES);
    }
  });
  return { name, count, shape: [3, 32, 32], images, labels, classNames: CIFAR10_CLASSES };
}

/**
 * Reads picked files: one archive, or any set of batch files. Without test_batch.bin a tenth of
 * the training images is held out for testing, so a single data_batch_1.bin is enough to learn.
 */
export async function loadCifarFromFiles(files: readonly File[], onProgress: ProgressCallback): Promise<DatasetSplits> {
  const archive = files.find((f) => /\.tar(\.gz)?$|\.tgz$/.test(f.name));
  if (archive) {
    onProgress({ phase: 'download', file: archive.name, loaded: 0, total: archive.size });
    const bytes = new Uint8Array(await archive.arrayBuffer());
    return cifar10FromTarGz(bytes, onProgress, archive.name);
  }
  const batches = await Promise.all(
    files
      .filter((f) => f.name.endsWith('.bin'))
      .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  if (batches.length === 0) {
    throw new DatasetError(
      'Pick cifar-10-binary.tar.gz, or one or more data_batch_*.bin / test_batch.bin files from it.',
    );
  }
  onProgress({ phase: 'parse', file: batches.map((b) => b.name).join(', '), loaded: 0 });
  const train = batches.filter((b) => b.name !== 'test_batch.bin');
  const test = batches.filter((b) => b.name === 'test_batch.bin');
  // With only test_batch.bin, it becomes the pool both parts are drawn from.
  const trainSet = concat('cifar10-train', train.length > 0 ? train : test);
  if (train.length > 0 && test.length > 0) return { train: trainSet, test: concat('cifar10-test', test) };
  const split = splitDataset(trainSet, 0.1, 1);
  return { train: split.train, test: split.validation };
}
