/**
 * A real training run of the lecture's MNIST CNN in the page: the engine's createCpuModel and
 * Trainer on a held-out split of the embedded digits. The Trainer yields to the event loop every
 * ~30 ms, so the page stays responsive while it runs. It reports every step; the points are
 * collected in a ref and handed to React at most every 200 ms (a re-render per step would cost
 * more than the step). Start / Pause / Step / Reset map onto run, pause/resume, stepOnce and
 * cancel-and-rebuild. Unmounting cancels the run.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createCpuModel } from '../../engine/cpu/model';
import { splitDataset, subsetDataset } from '../../engine/data/batch';
import type { Dataset } from '../../engine/data/dataset';
import { PRESETS } from '../../engine/spec/presets';
import type { OptimizerConfig } from '../../engine/train/optimizers';
import { Trainer, type TrainerStatus } from '../../engine/train/trainer';

export const TRAIN_SIZE = 4000;
export const VALIDATION_SIZE = 500;
export const BATCH_SIZE = 32;
export const EPOCHS = 3;
const SEED = 1;

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
  readonly status: TrainerStatus;
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

interface Splits {
  readonly train: Dataset;
  readonly validation: Dataset;
}

function makeSplits(dataset: Dataset): Splits {
  const { train, validation } = splitDataset(dataset, VALIDATION_SIZE, 7);
  const first = Array.from({ length: Math.min(TRAIN_SIZE, train.count) }, (_, i) => i);
  return { train: subsetDataset(train, first, 'mnist-lesson-train'), validation };
}

export function useTraining(dataset: Dataset | null, optimizer: OptimizerConfig, lr: number): TrainingControls {
  const splits = useRef<Splits | null>(null);
  const trainer = useRef<Trainer | null>(null);
  const started = useRef(false);
  const points = useRef<TrainingPoint[]>([]);
  const epochs = useRef<EpochPoint[]>([]);
  const flushTimer = useRef<number | null>(null);
  const [view, setView] = useState<TrainingView>(emptyView(0));

  const flush = useCallback(() => {
    flushTimer.current = null;
    const t = trainer.current;
    if (!t) return;
    setView({
      status: t.status,
      message: t.result().message,
      points: [...points.current],
      epochs: [...epochs.current],
      stepsPerEpoch: t.stepsPerEpoch,
      totalSteps: t.totalSteps,
    });
  }, []);
  const scheduleFlush = useCallback(() => {
    flushTimer.current ??= window.setTimeout(flush, 200);
  }, [flush]);

  const build = useCallback(() => {
    trainer.current?.cancel();
    if (!dataset) return;
    splits.current ??= makeSplits(dataset);
    const model = createCpuModel(PRESETS['lecture-mnist']!.spec, { seed: SEED });
    const t = new Trainer(model, splits.current, {
      epochs: EPOCHS,
      batchSize: BATCH_SIZE,
      learningRate: lr,
      optimizer,
      seed: SEED,
      progressEvery: 1,
    });
    points.current = [];
    epochs.current = [];
    started.current = false;
    t.subscribe((event) => {
      if (trainer.current !== t) return; // a cancelled run's last events
      if (event.type === 'progress') points.current.push({ step: event.progress.step, loss: event.progress.loss });
      if (event.type === 'epoch' && event.validation) {
        epochs.current.push({ epoch: event.epoch, accuracy: event.validation.accuracy, loss: event.validation.loss });
      }
      if (event.type === 'status') flush();
      else scheduleFlush();
    });
    trainer.current = t;
    setView(emptyView(t.totalSteps, t.stepsPerEpoch));
  }, [dataset, optimizer, lr, flush, scheduleFlush]);

  useEffect(() => {
    build();
    return () => {
      trainer.current?.cancel();
      trainer.current = null;
      if (flushTimer.current !== null) window.clearTimeout(flushTimer.current);
    };
  }, [build]);

  const launch = (t: Trainer): void => {
    if (started.current) return;
    started.current = true;
    void t.run().then(flush);
  };

  return {
    view,
    start: () => {
      const t = trainer.current;
      if (!t) return;
      if (t.status === 'paused') t.resume();
      launch(t);
    },
    pause: () => trainer.current?.pause(),
    step: () => {
      const t = trainer.current;
      if (!t) return;
      t.stepOnce();
      launch(t);
    },
    reset: build,
  };
}

function emptyView(totalSteps: number, stepsPerEpoch = 0): TrainingView {
  return { status: 'idle', message: null, points: [], epochs: [], stepsPerEpoch, totalSteps };
}
