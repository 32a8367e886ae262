/**
 * A real training run of the lecture's MNIST CNN in a Web Worker (app/ui/training/useWorkerRun.ts):
 * the engine's trainer on the first 4,000 training digits of the embedded MNIST subset, with 500
 * held out for validation. The worker loads the digits itself, so the page thread only draws the
 * curve the worker's progress points describe. Start / Pause / Step / Reset map onto the worker
 * run's controls; unmounting ends the worker.
 */
import { useMemo } from 'react';
import { type RunView, useWorkerRun, type WorkerRunSetup } from '../../app/ui/training/useWorkerRun';
import { PRESETS } from '../../engine/spec/presets';
import type { OptimizerConfig } from '../../engine/train/optimizers';

export const TRAIN_SIZE = 4000;
export const VALIDATION_SIZE = 500;
export const BATCH_SIZE = 32;
export const EPOCHS = 3;
const SEED = 1;

/** 'idle': built and waiting for Start or Step (the worker run's 'ready'). */
export type TrainingStatus = 'loading' | 'idle' | 'running' | 'paused' | 'done' | 'diverged' | 'error';

export interface TrainingPoint {
  readonly step: number;
  readonly loss: number;
}

export interface EpochPoint {
  readonly epoch: number;
  readonly accuracy: number;
  readonly loss: number;
}

export interface TrainingView {
  readonly status: TrainingStatus;
  readonly message: string | null;
  readonly points: readonly TrainingPoint[];
  readonly epochs: readonly EpochPoint[];
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
}

export interface TrainingControls {
  readonly view: TrainingView;
  readonly start: () => void;
  readonly pause: () => void;
  readonly step: () => void;
  readonly reset: () => void;
}

/** The worker run's setup for one optimiser and learning rate. */
export function trainingSetup(optimizer: OptimizerConfig, lr: number): WorkerRunSetup {
  return {
    spec: PRESETS['lecture-mnist']!.spec,
    seed: SEED,
    trainer: { epochs: EPOCHS, batchSize: BATCH_SIZE, learningRate: lr, optimizer, seed: SEED, progressEvery: 1 },
    data: { trainLimit: TRAIN_SIZE, validation: VALIDATION_SIZE },
  };
}

/** The lesson's view of the worker run's view. */
export function trainingView(run: RunView): TrainingView {
  return {
    status: run.status === 'ready' ? 'idle' : run.status,
    message: run.message,
    points: run.points.map((p) => ({ step: p.step, loss: p.loss })),
    epochs: run.epochs.flatMap((e) =>
      e.valAccuracy === null || e.valLoss === null
        ? []
        : [{ epoch: e.epoch, accuracy: e.valAccuracy, loss: e.valLoss }],
    ),
    stepsPerEpoch: run.totalSteps / EPOCHS,
    totalSteps: run.totalSteps,
  };
}

export function useTraining(optimizer: OptimizerConfig, lr: number): TrainingControls {
  const setup = useMemo(() => trainingSetup(optimizer, lr), [optimizer, lr]);
  const { view, start, pause, step, reset } = useWorkerRun(setup);
  return { view: useMemo(() => trainingView(view), [view]), start, pause, step, reset };
}
