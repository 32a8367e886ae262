/**
 * The two networks of the live experiment, identical except for the shortcuts. Both: a 3×3
 * stride-2 convolution and a 2×2 max pool take the 28×28 digit to 16×7×7 (cheap, so 20 layers
 * train in a browser tab), then nine blocks of two 3×3 convolutions at 16 channels, then a dense
 * layer to the ten classes: 20 weight layers and about 2.1 million multiply-adds per image. As in
 * the ResNet paper every convolution is followed by batch norm (so the convolutions have no bias),
 * and in the residual net each block's input is added to its batch-normed output before the
 * block's last ReLU (`add` with `with`); the plain net skips that addition. One more batch norm
 * before the dense layer keeps the residual net's growing sum from starting with huge logits.
 *
 * Both start from the same seed with He initialisation and train with the same plain SGD at
 * learning rate 0.05: the one difference is the shortcut. Measured on the CPU engine with this
 * exact set-up (seed 1; mean loss of steps 1-10 / 51-60 / 121-130, held-out accuracy after epoch
 * 1): plain 3.02 / 1.02 / 0.61, 79.0%; residual 2.21 / 0.41 / 0.28, 91.8%. Seed 2: plain 3.56 /
 * 2.19 / 0.88, 69.6%; residual 2.00 / 0.37 / 0.23, 89.8%. Seed 3: plain 3.02 / 1.24 / 0.57, 76.2%;
 * residual 1.85 / 0.38 / 0.24, 91.0%. The e2e test checks that both losses fall and that the
 * residual one ends lower. First-layer and last-layer gradient norms are of the same order in both
 * nets (batch norm keeps the plain net's gradients alive, as the paper reports).
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
export const LEARNING_RATE = 0.05;
/** A progress point (and a gradient-norm reading) every step, so "Step both" shows each step. */
export const PROGRESS_EVERY = 1;

export function deepNet(residual: boolean): ModelSpec {
  const layers: LayerSpec[] = [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', id: 'stem', filters: CHANNELS, kernel: 3, stride: 2, padding: 'same', bias: false },
    { type: 'batchnorm', id: 'stem_bn' },
    { type: 'activation', id: 'stem_relu', kind: 'relu' },
    { type: 'maxpool', id: 'stem_pool', size: 2 },
  ];
  let previous = 'stem_pool';
  for (let b = 1; b <= BLOCKS; b++) {
    layers.push(
      { type: 'conv2d', id: `b${b}a`, filters: CHANNELS, kernel: 3, padding: 'same', bias: false },
      { type: 'batchnorm', id: `b${b}a_bn` },
      { type: 'activation', id: `b${b}a_relu`, kind: 'relu' },
      { type: 'conv2d', id: `b${b}b`, filters: CHANNELS, kernel: 3, padding: 'same', bias: false },
      { type: 'batchnorm', id: `b${b}b_bn` },
    );
    if (residual) layers.push({ type: 'add', id: `b${b}_add`, with: previous });
    layers.push({ type: 'activation', id: `b${b}_out`, kind: 'relu' });
    previous = `b${b}_out`;
  }
  layers.push(
    { type: 'batchnorm', id: 'head_bn' },
    { type: 'flatten', id: 'flatten' },
    { type: 'dense', id: 'fc', units: 10 },
  );
  return { name: residual ? '20-layer residual net' : '20-layer plain net', layers };
}

function setup(residual: boolean): WorkerRunSetup {
  return {
    spec: deepNet(residual),
    seed: SEED,
    init: 'he',
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
