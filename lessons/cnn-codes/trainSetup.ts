/**
 * The small MNIST net both "CNN codes" and "Fooling a CNN" train before they look inside it:
 * two 3×3 convolutions with 2×2 max pools (28 → 14 → 7), a 32-unit dense layer whose output is the
 * image's "code", and a dense layer to the ten classes: 26,698 parameters. Three thousand digits
 * for two epochs (188 steps of 32) with Adam is enough for about 90% validation accuracy on the
 * CPU engine, and the run is bounded so it finishes in a lecture.
 */
import type { WorkerRunSetup } from '../../app/ui/training/useWorkerRun';
import type { ModelSpec } from '../../engine/spec/types';

/** The id of the layer whose outputs are the codes. */
export const CODE_LAYER = 'code';
export const CODE_UNITS = 32;
export const TRAIN_IMAGES = 3000;
/** Validation images: the codes lesson embeds up to this many. */
export const VALIDATION_IMAGES = 2000;

export const codeNet: ModelSpec = {
  name: 'small MNIST net with a 32-d code',
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', id: 'conv1', filters: 8, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'maxpool', id: 'pool1', size: 2 },
    { type: 'conv2d', id: 'conv2', filters: 16, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'maxpool', id: 'pool2', size: 2 },
    { type: 'flatten', id: 'flatten' },
    { type: 'dense', id: CODE_LAYER, units: CODE_UNITS, activation: 'relu' },
    { type: 'dense', id: 'logits', units: 10 },
  ],
};

/** Index of a layer in the summary (the input is 0): the same as its place in `codeNet.layers`. */
export function layerIndex(id: string): number {
  return codeNet.layers.findIndex((l) => l.id === id);
}

export function codeNetSetup(seed: number): WorkerRunSetup {
  return {
    spec: codeNet,
    seed,
    trainer: {
      epochs: 2,
      batchSize: 32,
      learningRate: 0.005,
      optimizer: { kind: 'adam' },
      progressEvery: 4,
    },
    data: { trainLimit: TRAIN_IMAGES, validation: VALIDATION_IMAGES },
  };
}
