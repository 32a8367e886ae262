/**
 * Node-only loading from disk (CLI, tests, benchmarks). This is the ONLY file under engine/data
 * that may import node: modules; everything else must run in a browser and a worker.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CIFAR_TEST_BATCH,
  CIFAR_TRAIN_BATCHES,
  type CifarBatchFile,
  cifar10FromBatches,
  cifar10FromTarGz,
} from '../cifar10';
import { DatasetError, type DatasetSplits } from '../dataset';
import { mnistFromFiles } from '../mnist-idx';
import type { ProgressCallback } from '../progress';
import { CIFAR10_FILE, MNIST_FILES } from '../sources';

/** Reads `path`, turning "not found" into a DatasetError a person can act on. */
async function read(path: string): Promise<Uint8Array> {
  try {
    const buffer = await readFile(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DatasetError(`${path} does not exist. Run \`npm run fetch-data\` to download it.`);
    throw new DatasetError(`Could not read ${path}: ${(error as Error).message}`);
  }
}

/** The official file name, or the same name without .gz when the user has unpacked it. */
function pick(dir: string, gzName: string): string {
  const gz = join(dir, gzName);
  const raw = join(dir, gzName.replace(/\.gz$/, ''));
  return existsSync(gz) || !existsSync(raw) ? gz : raw;
}

/** Full MNIST from a folder holding the four official files (.gz or unpacked). */
export async function loadMnistDir(dir: string): Promise<DatasetSplits> {
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all([
    read(pick(dir, MNIST_FILES.trainImages)),
    read(pick(dir, MNIST_FILES.trainLabels)),
    read(pick(dir, MNIST_FILES.testImages)),
    read(pick(dir, MNIST_FILES.testLabels)),
  ]);
  return mnistFromFiles({ trainImages, trainLabels, testImages, testLabels });
}

/**
 * Full CIFAR-10 from any of: the cifar-10-binary.tar.gz file (or .tar), a folder containing it,
 * or a folder of the six .bin batch files (directly or in cifar-10-batches-bin/).
 */
export async function loadCifar10(dirOrFile: string, onProgress?: ProgressCallback): Promise<DatasetSplits> {
  if (!existsSync(dirOrFile)) {
    throw new DatasetError(`${dirOrFile} does not exist. Run \`npm run fetch-data\` to download CIFAR-10.`);
  }
  if (statSync(dirOrFile).isFile()) {
    return cifar10FromTarGz(await read(dirOrFile), onProgress, dirOrFile);
  }
  const archive = join(dirOrFile, CIFAR10_FILE);
  if (existsSync(archive)) return cifar10FromTarGz(await read(archive), onProgress, archive);
  const nested = join(dirOrFile, 'cifar-10-batches-bin');
  const batchDir = existsSync(nested) ? nested : dirOrFile;
  const wanted = new Set([...CIFAR_TRAIN_BATCHES, CIFAR_TEST_BATCH]);
  const names = (await readdir(batchDir)).filter((n) => wanted.has(n));
  const files: CifarBatchFile[] = await Promise.all(
    names.map(async (name) => ({ name, bytes: await read(join(batchDir, name)) })),
  );
  return cifar10FromBatches(files, batchDir);
}
