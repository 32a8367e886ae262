/**
 * Where the CLI finds each dataset: `--data-dir` when given, else the folders that
 * `npm run fetch-data` fills (public/data/...), else the embedded MNIST subset built at install.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DatasetSplits } from '../data/dataset';
import { decodeDataset, splitEmbedded } from '../data/embedded';
import { loadCifar10, loadMnistDir } from '../data/node/load';
import type { TrainArgs } from './args';

export async function loadDatasetForCli(args: TrainArgs): Promise<DatasetSplits> {
  const splits = await loadSplits(args);
  if (args.limit === null || args.limit >= splits.train.count) return splits;
  const [c, h, w] = splits.train.shape;
  const n = args.limit;
  const train = splits.train;
  return {
    test: splits.test,
    train: { ...train, count: n, images: train.images.subarray(0, n * c * h * w), labels: train.labels.subarray(0, n) },
  };
}

async function loadSplits(args: TrainArgs): Promise<DatasetSplits> {
  switch (args.dataset) {
    case 'mnist':
      return loadMnistDir(args.dataDir ?? resolve('public/data/mnist'));
    case 'cifar10':
      return loadCifar10(args.dataDir ?? resolve('public/data/cifar10'));
    case 'mnist-10k': {
      const file = resolve(args.dataDir ?? 'public/data', 'mnist-embedded.bin');
      return splitEmbedded(decodeDataset(new Uint8Array(await readFile(file)), 'mnist-10k'));
    }
  }
}
