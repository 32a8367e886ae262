/**
 * From the studio's hyperparameter form to the trainer's config fields (the 'configure' message),
 * in one place so the form, the Reset action and the tests agree on what each control means.
 */
import type { AugmentOptions } from '../../engine/data/augment';
import type { InitScheme } from '../../engine/train/initializers';
import type { OptimizerConfig, OptimizerKind } from '../../engine/train/optimizers';
import { scheduleOf } from '../../engine/train/schedules';
import type { HyperParameters } from '../../engine/worker/protocol';
import type { StudioHyper, StudioInit } from '../stores/studio';

function optimizer(kind: OptimizerKind): OptimizerConfig {
  // 0.9 is the momentum every textbook (and the lecture) starts from.
  return kind === 'momentum' ? { kind, momentum: 0.9 } : { kind };
}

/** Crop padding scales with the image: 2 pixels on 28x28 digits, 4 on 32x32 CIFAR images. */
function augmentation(h: StudioHyper, imageSize: number): AugmentOptions | null {
  if (!h.flip && !h.crop && !h.jitter) return null;
  return {
    flip: h.flip,
    cropPadding: h.crop ? Math.max(1, Math.round(imageSize / 8)) : 0,
    brightness: h.jitter ? 0.1 : 0,
    contrast: h.jitter ? 0.1 : 0,
  };
}

/** The form's choice as the engine's initialiser (σ = 0.01: the classic "small random numbers"). */
export function initScheme(init: StudioInit): InitScheme {
  return init === 'normal' ? { normal: 0.01 } : init;
}

/** Validation subset checks per epoch and the subset's size (the curves' legend names them). */
export const VALIDATION_CHECKS = 8;
export const VALIDATION_SUBSET = 500;

export function trainerConfig(h: StudioHyper, imageSize: number): HyperParameters {
  return {
    epochs: h.epochs,
    batchSize: h.batchSize,
    learningRate: h.learningRate,
    optimizer: optimizer(h.optimizer),
    schedule: scheduleOf(h.schedule),
    regularization: { l1: 0, l2: h.l2 },
    augmentation: augmentation(h, imageSize),
    seed: h.seed,
    // A point on the curves every 10 batches: smooth enough to watch, cheap to send.
    progressEvery: 10,
    // Validation on a fixed 500-image subset 8 times an epoch (the full pass at each epoch's end
    // stays): the validation curve moves inside the first epoch for about 1/8 of a pass's cost.
    validationChecks: VALIDATION_CHECKS,
    validationSubset: VALIDATION_SUBSET,
  };
}
