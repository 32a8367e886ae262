/**
 * The small net the lesson trains and then takes apart: three 3×3 convolutions (8, 16 and 32
 * filters, ReLU) with a 2×2 max pool after the first two, global average pooling, and one dense
 * layer to the ten digits. Ending in global average pooling and a single dense layer is what
 * makes class activation maps exact for it (engine/inspect/cam.ts). Small enough to train on the
 * CPU engine in a worker in well under a minute: 4 epochs over 5,000 embedded MNIST digits.
 */
import type { WorkerRunSetup } from '../../app/ui/training/useWorkerRun';
import type { ModelSpec } from '../../engine/spec';

export const TRAIN_LIMIT = 5000;
/** Held-out digits: the images the views pick from and the top-9 search ranks. */
export const VALIDATION = 500;
export const BATCH_SIZE = 32;
export const EPOCHS = 4;

export const NET: ModelSpec = {
  name: 'GAP net for visualisation',
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', id: 'conv1', filters: 8, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'maxpool', id: 'pool1', size: 2 },
    { type: 'conv2d', id: 'conv2', filters: 16, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'maxpool', id: 'pool2', size: 2 },
    { type: 'conv2d', id: 'conv3', filters: 32, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'globalavgpool', id: 'gap' },
    { type: 'dense', id: 'fc', units: 10 },
  ],
};

/** Module constant, so the hook sees the same setup on every render and never rebuilds by accident. */
export const SETUP: WorkerRunSetup = {
  spec: NET,
  seed: 7,
  trainer: {
    epochs: EPOCHS,
    batchSize: BATCH_SIZE,
    learningRate: 0.005,
    optimizer: { kind: 'adam' },
    progressEvery: 5,
  },
  data: { trainLimit: TRAIN_LIMIT, validation: VALIDATION },
};

export const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
