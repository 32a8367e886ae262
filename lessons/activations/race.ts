/**
 * The side-by-side experiment, without React: the same small network (784 → 32 hidden units →
 * 10) trained on the embedded MNIST digits three times, once per hidden activation, with the same
 * seed, data order, initial-weight recipe, optimiser and learning rate, so the activation is the
 * only difference. Each network trains in its own Web Worker (app/ui/training/useWorkerRun.ts),
 * so the three run side by side and the page thread only draws their curves.
 */
import type { WorkerRunSetup } from '../../app/ui/training/useWorkerRun';
import type { ActivationKind, ModelSpec } from '../../engine/spec/types';

export const RACE_KINDS = ['sigmoid', 'tanh', 'relu'] as const;
export type RaceKind = (typeof RACE_KINDS)[number];

export interface RaceSettings {
  readonly steps: number;
  readonly learningRate: number;
}

export const BATCH_SIZE = 20;
/**
 * Steps per network a student can choose. The worker's embedded MNIST keeps 2,000 of its 10,000
 * digits as a test split and this race holds out 1,000 more, so 7,000 are left to train on: 350
 * batches of 20, each digit seen once.
 */
export const STEP_CHOICES = [100, 200, 350] as const;
/** Digits held out to report accuracy on. */
export const HELD_OUT = 1000;
/** Training loss is reported as the mean over this many batches. */
export const REPORT_EVERY = 5;
const SEED = 7;

export function raceSpec(kind: ActivationKind): ModelSpec {
  return {
    name: `MLP with ${kind}`,
    layers: [
      { type: 'input', shape: [1, 28, 28] },
      { type: 'flatten' },
      { type: 'dense', units: 32, activation: kind },
      { type: 'dense', units: 10 },
    ],
  };
}

/**
 * One network's run: one epoch over exactly `steps` batches (the training set is cut to
 * steps × BATCH_SIZE digits), plain SGD, Xavier initialisation (it suits all three activations
 * reasonably; the same recipe for each keeps it fair).
 */
export function raceSetup(kind: RaceKind, settings: RaceSettings): WorkerRunSetup {
  return {
    spec: raceSpec(kind),
    seed: SEED,
    init: 'xavier',
    trainer: {
      epochs: 1,
      batchSize: BATCH_SIZE,
      learningRate: settings.learningRate,
      optimizer: { kind: 'sgd' },
      seed: SEED,
      progressEvery: REPORT_EVERY,
    },
    data: { trainLimit: settings.steps * BATCH_SIZE, validation: HELD_OUT },
  };
}
