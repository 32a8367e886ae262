/**
 * The overfitting experiment: the lecture's MNIST CNN (19,880 parameters) trained on only 300
 * digits, checked after every epoch on 1,000 others. Measured on the CPU engine (Node, seed 1,
 * Adam, α = 0.005, batch 32): without help it reaches 100% training accuracy by epoch 8 while
 * its validation loss bottoms out near epoch 7 (0.46) and climbs to 0.52 by epoch 20. Shifting
 * the digits by up to 2 pixels brings the epoch-20 validation loss to 0.32 (91% accuracy);
 * dropout 0.5 before the last dense layer to about 0.44; L2 with λ = 0.005 to about 0.42.
 */
import type { WorkerRunSetup } from '../../app/ui/training/useWorkerRun';
import { PRESETS } from '../../engine/spec/presets';
import type { LayerSpec, ModelSpec } from '../../engine/spec/types';

export const TRAIN_IMAGES = 300;
export const VALIDATION_IMAGES = 1000;
export const EPOCHS = 20;
export const DROP_RATE = 0.5;
export const SHIFT_PIXELS = 2;
export const L2_LAMBDA = 0.005;
export const LEARNING_RATE = 0.005;
export const BATCH_SIZE = 32;

export interface Regularisers {
  readonly dropout: boolean;
  readonly augmentation: boolean;
  readonly l2: boolean;
}

export const NONE: Regularisers = { dropout: false, augmentation: false, l2: false };

/**
 * Dropout goes in front of the last dense layer, on the 100 hidden units, as in the lecture's
 * Keras net and AlexNet (which drop units of the fully connected layers, not pixels).
 */
export function withClassifierDropout(spec: ModelSpec, rate: number): ModelSpec {
  const last = spec.layers.map((l) => l.type).lastIndexOf('dense');
  const layers: LayerSpec[] = [...spec.layers];
  layers.splice(last, 0, { type: 'dropout', rate });
  return { ...spec, layers };
}

export function overfitSetup(on: Regularisers): WorkerRunSetup {
  const base = PRESETS['lecture-mnist']!.spec;
  return {
    spec: on.dropout ? withClassifierDropout(base, DROP_RATE) : base,
    seed: 1,
    trainer: {
      epochs: EPOCHS,
      batchSize: BATCH_SIZE,
      learningRate: LEARNING_RATE,
      optimizer: { kind: 'adam' },
      regularization: { l1: 0, l2: on.l2 ? L2_LAMBDA : 0 },
      augmentation: on.augmentation ? { cropPadding: SHIFT_PIXELS } : null,
      progressEvery: 5,
    },
    data: { trainLimit: TRAIN_IMAGES, validation: VALIDATION_IMAGES },
  };
}

export function describeRegularisers(on: Regularisers): string {
  const parts = [
    on.dropout ? `dropout ${DROP_RATE}` : '',
    on.augmentation ? `shifts ±${SHIFT_PIXELS} px` : '',
    on.l2 ? `L2 λ = ${L2_LAMBDA}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' + ') : 'no regularisation';
}
