/**
 * The worker runs behind "Train": the MNIST base (pretrained here on the built-in digits when
 * transfer from MNIST is chosen) and the run on your images. Numbers follow the transfer-learning
 * lesson's measured set-up (Adam; 0.002 to pretrain, 0.01 for a head on a frozen trunk).
 */

import type { OwnImages } from '../../engine/data/own-images';
import type { ModelSpec } from '../../engine/spec/types';
import type { WorkerRunSetup } from '../ui/training/runView';
import { pickLayers, type Weights } from '../ui/training/transfer';
import { HEAD_ID, mnistBaseSpec, scratchSpec, transferSpec } from './models';

export const SEED = 7;

/** Every built-in training digit, two epochs, shifted up to 2 pixels: about a minute on a laptop's CPU. */
export const MNIST_BASE_SETUP: WorkerRunSetup = {
  spec: mnistBaseSpec(),
  seed: SEED,
  trainer: {
    epochs: 2,
    batchSize: 32,
    learningRate: 0.002,
    optimizer: { kind: 'adam' },
    augmentation: { cropPadding: 2 },
    progressEvery: 5,
  },
  data: { trainLimit: null, validation: 1000 },
};

export type Start =
  | { readonly kind: 'scratch' }
  | { readonly kind: 'transfer'; readonly base: ModelSpec; readonly weights: Weights; readonly baseName: string };

/** Enough passes that a few dozen images a class are seen about 40 times each. */
function epochsFor(count: number): number {
  return Math.max(10, Math.min(40, Math.round(2000 / Math.max(1, count))));
}

/** The spec, input shape and initial weights for a start; throws in words for an unusable base. */
export function ownNet(
  start: Start,
  classes: number,
): { spec: ModelSpec; shape: readonly [1 | 3, number, number]; initial?: Weights } {
  if (start.kind === 'scratch') return { spec: scratchSpec(classes), shape: [3, 32, 32] };
  const net = transferSpec(start.base, classes);
  return { spec: net.spec, shape: net.shape, initial: pickLayers(start.weights, net.trunk) };
}

export function ownSetup(start: Start, images: OwnImages): WorkerRunSetup {
  const { spec, initial } = ownNet(start, images.classNames.length);
  const count = images.labels.length;
  const setup: WorkerRunSetup = {
    spec,
    seed: SEED,
    trainer: {
      epochs: epochsFor(count),
      batchSize: Math.min(16, Math.max(4, Math.floor(count / 8))),
      learningRate: start.kind === 'scratch' ? 0.002 : 0.01,
      optimizer: { kind: 'adam' },
      // Photos shift and mirror; a small shift helps either way.
      augmentation: { cropPadding: 2, ...(images.shape[0] === 3 ? { flip: true } : {}) },
      progressEvery: 2,
    },
    data: { trainLimit: null, validation: 0, source: { kind: 'images', ...images } },
  };
  return initial ? { ...setup, initialWeights: initial } : setup;
}

export { HEAD_ID };
