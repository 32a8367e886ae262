/**
 * The two networks of the live experiment, identical except for the shortcuts. Both: a 3×3
 * stride-2 convolution and a 2×2 max pool take the 28×28 digit to 16×7×7 (cheap, so 20 layers
 * train in a browser tab), then nine blocks of two 3×3 convolutions at 16 channels, then a dense
 * layer to the ten classes: 20 weight layers, 49,770 parameters and about 2.1 million
 * multiply-adds per image. In the residual net each block's input is added to its output before
 * the block's last ReLU (`add` with `with`); the plain net skips that addition.
 *
 * Both start from the same seed with Xavier (Glorot) initialisation and no batch norm, and train
 * with the same plain SGD: the one difference the student sees is the shortcut. The measured
 * outcome of this exact set-up is recorded in the lesson's report and checked by the e2e test.
 */
import type { WorkerRunSetup } from '../../app/ui/training/useWorkerRun';
import type { LayerSpec, ModelSpec } from '../../engine/spec';

export const BLOCKS = 9;
export const CHANNELS = 16;
export const SEED = 1;
export const TRAIN_LIMIT = 4000;
export const VALIDATION = 500;
export const BATCH_SIZE = 32;
export const EPOCHS = 2;
export const LEARNING_RATE = 0.1;
/** A progress point (and a gradient-norm reading) every step, so "Step both" shows each step. */
export const PROGRESS_EVERY = 1;

export function deepNet(residual: boolean): ModelSpec {
  const layers: LayerSpec[] = [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', id: 'stem', filters: CHANNELS, kernel: 3, stride: 2, padding: 'same', activation: 'relu' },
    { type: 'maxpool', id: 'stem_pool', size: 2 },
  ];
  let previous = 'stem_pool';
  for (let b = 1; b <= BLOCKS; b++) {
    layers.push(
      { type: 'conv2d', id: `b${b}a`, filters: CHANNELS, kernel: 3, padding: 'same', activation: 'relu' },
      { type: 'conv2d', id: `b${b}b`, filters: CHANNELS, kernel: 3, padding: 'same' },
    );
    if (residual) layers.push({ type: 'add', id: `b${b}_add`, with: previous });
    layers.push({ type: 'activation', id: `b${b}_out`, kind: 'relu' });
    previous = `b${b}_out`;
  }
  layers.push({ type: 'flatten', id: 'flatten' }, { type: 'dense', id: 'fc', units: 10 });
  return { name: residual ? '20-layer residual net' : '20-layer plain net', layers };
}

function setup(residual: boolean): WorkerRunSetup {
  return {
    spec: deepNet(residual),
    seed: SEED,
    init: 'xavier',
    trainer: {
      epochs: EPOCHS,
      batchSize: BATCH_SIZE,
      learningRate: LEARNING_RATE,
      optimizer: { kind: 'sgd' },
      progressEvery: PROGRESS_EVERY,
    },
    data: { trainLimit: TRAIN_LIMIT, validation: VALIDATION },
    gradientNorms: true,
  };
}

/** Module constants, so the hooks see the same setup on every render and never rebuild by accident. */
export const PLAIN_SETUP = setup(false);
export const RESIDUAL_SETUP = setup(true);
