/**
 * Loading a dataset inside the worker from any DatasetSource, with progress, into train /
 * validation / test splits. The embedded subset has no official test split, so part of it is
 * held out as the test set.
 */

import { splitDataset, subsetDataset } from '../data/batch';
import { type BrowserStore, openBrowserStore } from '../data/browser-store';
import { cifar10FromBatches, cifar10FromTarGz } from '../data/cifar10';
import { type Dataset, DatasetError } from '../data/dataset';
import { splitEmbedded } from '../data/embedded';
import { loadCifar10FromUrl, loadEmbeddedMnist, loadMnistFromUrls } from '../data/fetch-dataset';
import { type KeepNote, keptFetch } from '../data/kept-fetch';
import { mnistFromFiles } from '../data/mnist-idx';
import { splitOwnImages } from '../data/own-images';
import type { ProgressCallback } from '../data/progress';
import type { DatasetSource } from './protocol';

export interface LoadedData {
  readonly train: Dataset;
  readonly validation: Dataset;
  readonly test: Dataset;
}

export async function loadSource(
  source: DatasetSource,
  validation: number,
  seed: number,
  onProgress: ProgressCallback,
  /** Hears whether the full dataset came from, or was kept in, the browser's storage. */
  onKeep?: (note: KeepNote) => void,
): Promise<LoadedData> {
  const splits = await loadKept(source, onProgress, onKeep);
  const { train, validation: held } = splitDataset(splits.train, validation, seed);
  return { train, validation: held, test: splits.test };
}

/**
 * Keeps only the first `limit` training images (the validation and test splits are untouched), so a
 * lesson can show what training on little data does. A limit of null, or one past the end, keeps all.
 */
export function limitTraining(data: LoadedData, limit: number | null): LoadedData {
  if (limit === null || !Number.isFinite(limit) || limit >= data.train.count) return data;
  const count = Math.max(1, Math.floor(limit));
  const first = Array.from({ length: count }, (_, i) => i);
  return { ...data, train: subsetDataset(data.train, first, `${data.train.name}-first-${count}`) };
}

/**
 * Keeps only the images whose label is one of `classes`, in every split, in their original order.
 * Labels keep their values, so a ten-way head still reads them. Null keeps everything; a list that
 * matches no training image is refused in words rather than leaving nothing to train on.
 */
export function keepClasses(data: LoadedData, classes: readonly number[] | null): LoadedData {
  if (classes === null) return data;
  const wanted = new Set(classes);
  const names = data.train.classNames;
  const bad = classes.filter((c) => !Number.isInteger(c) || c < 0 || c >= names.length);
  if (bad.length > 0 || wanted.size === 0) {
    throw new DatasetError(
      `Classes must be whole numbers from 0 to ${names.length - 1}, at least one; got [${classes.join(', ')}].`,
    );
  }
  const filter = (dataset: Dataset): Dataset => {
    const kept: number[] = [];
    for (let i = 0; i < dataset.count; i++) if (wanted.has(dataset.labels[i]!)) kept.push(i);
    if (kept.length === dataset.count) return dataset;
    const label = [...wanted].sort((a, b) => a - b).join('-');
    return subsetDataset(dataset, kept, `${dataset.name}-classes-${label}`);
  };
  const train = filter(data.train);
  if (train.count === 0) {
    throw new DatasetError(`No training image has one of the labels [${classes.join(', ')}].`);
  }
  return { train, validation: filter(data.validation), test: filter(data.test) };
}

type Splits = { train: Dataset; test: Dataset };

/**
 * Full MNIST and CIFAR-10 are read from the browser's storage when kept there, and kept after a
 * download that parsed; dropped files are kept too, as "dropped-mnist" / "dropped-cifar10", so
 * the Data tab can load them again after a reload. The embedded subset is small and cached by
 * the browser (and the service worker) already.
 */
async function loadKept(
  source: DatasetSource,
  onProgress: ProgressCallback,
  onKeep?: (note: KeepNote) => void,
): Promise<Splits> {
  if (source.kind === 'embedded-mnist') return splitEmbedded(await loadEmbeddedMnist(source.url, onProgress));
  if (source.kind === 'images') return splitOwnImages(source);
  if (source.kind === 'splits') return { train: source.train, test: source.test };
  const store = await openBrowserStore();
  if (source.kind === 'files') {
    const splits = await fromFiles(source.files, onProgress);
    const set = splits.train.shape[0] === 3 ? 'dropped-cifar10' : 'dropped-mnist';
    onKeep?.(await keepDropped(store, set, source.files));
    return splits;
  }
  const mnist = source.kind === 'mnist-urls';
  const kept = keptFetch(store, mnist ? 'mnist' : 'cifar10', mnist ? 'Full MNIST' : 'CIFAR-10');
  let splits: Splits;
  try {
    splits = mnist
      ? await loadMnistFromUrls(source.base, onProgress, kept.fetcher)
      : await loadCifar10FromUrl(source.url, onProgress, kept.fetcher);
  } catch (error) {
    if (error instanceof DatasetError) await kept.discard();
    throw error;
  }
  onKeep?.(await kept.commit());
  return splits;
}

async function keepDropped(
  store: BrowserStore | null,
  set: string,
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
): Promise<KeepNote> {
  if (!store) return { where: 'not-kept', message: 'This browser cannot keep your files between visits.' };
  await store.remove(set);
  try {
    await store.write(set, files);
  } catch (error) {
    return {
      where: 'not-kept',
      message: error instanceof DatasetError ? error.message : 'This browser could not keep your files.',
    };
  }
  return {
    where: 'kept-now',
    message: 'Your files are kept in this browser: after a reload, load them again from the Data tab.',
  };
}

async function fromFiles(
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  onProgress: ProgressCallback,
): Promise<{ train: Dataset; test: Dataset }> {
  const find = (pattern: RegExp): Uint8Array | undefined => files.find((f) => pattern.test(f.name))?.bytes;
  const tarball = find(/\.tar(\.gz)?$|\.tgz$/i);
  if (tarball) return cifar10FromTarGz(tarball, onProgress, files.find((f) => f.bytes === tarball)!.name);
  if (files.some((f) => /_batch(_\d)?\.bin$/i.test(f.name))) return cifar10FromBatches(files);
  const trainImages = find(/train-images/i);
  const trainLabels = find(/train-labels/i);
  const testImages = find(/t10k-images/i);
  const testLabels = find(/t10k-labels/i);
  if (trainImages && trainLabels && testImages && testLabels) {
    return mnistFromFiles({ trainImages, trainLabels, testImages, testLabels });
  }
  const names = files.map((f) => f.name).join(', ') || 'no files';
  throw new DatasetError(
    `Could not tell which dataset these files are (${names}). Drop all four MNIST files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) or CIFAR-10's cifar-10-binary.tar.gz.`,
  );
}
