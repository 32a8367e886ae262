/**
 * The side-by-side experiment, without React: the same small network (784 → 32 hidden units →
 * 10) trained on the embedded MNIST digits three times, once per hidden activation, with the same
 * seed, data order, initial-weight recipe, optimiser and learning rate, so the activation is the
 * only difference. The runs go one after another in the page; the engine's Trainer yields to the
 * event loop every ~30 ms, so the page stays responsive while it trains.
 */

import { createCpuModel } from '../../engine/cpu/model';
import { splitDataset, subsetDataset } from '../../engine/data/batch';
import type { Dataset } from '../../engine/data/dataset';
import type { ActivationKind, ModelSpec } from '../../engine/spec/types';
import { Trainer } from '../../engine/train/trainer';

export const RACE_KINDS = ['sigmoid', 'tanh', 'relu'] as const;
export type RaceKind = (typeof RACE_KINDS)[number];

export interface RaceSettings {
  readonly steps: number;
  readonly learningRate: number;
}

export const BATCH_SIZE = 20;
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

export interface RaceListener {
  readonly onLoss: (kind: RaceKind, step: number, loss: number) => void;
  readonly onDone: (kind: RaceKind, validationAccuracy: number | null) => void;
  readonly onPhase: (kind: RaceKind | null) => void;
}

/** Runs the three trainings in turn; `stop()` cancels the current one and skips the rest. */
export class Race {
  private current: Trainer | null = null;
  private stopped = false;

  constructor(
    private readonly digits: Dataset,
    private readonly settings: RaceSettings,
    private readonly listener: RaceListener,
  ) {}

  async run(): Promise<void> {
    // 1,000 digits held out to report accuracy on; the training set is cut to exactly `steps` batches.
    const split = splitDataset(this.digits, 1000, SEED);
    const take = Math.min(split.train.count, this.settings.steps * BATCH_SIZE);
    const train = subsetDataset(
      split.train,
      Uint32Array.from({ length: take }, (_, i) => i),
      'race-train',
    );
    for (const kind of RACE_KINDS) {
      if (this.stopped) break;
      this.listener.onPhase(kind);
      // Xavier initialisation suits all three activations reasonably; the same recipe for each keeps it fair.
      const model = createCpuModel(raceSpec(kind), { seed: SEED, init: 'xavier', inputGradient: false });
      const trainer = new Trainer(
        model,
        { train, validation: split.validation },
        {
          epochs: 1,
          batchSize: BATCH_SIZE,
          learningRate: this.settings.learningRate,
          optimizer: { kind: 'sgd' },
          seed: SEED,
          progressEvery: 5,
        },
      );
      let accuracy: number | null = null;
      trainer.subscribe((event) => {
        if (event.type === 'progress') this.listener.onLoss(kind, event.progress.step, event.progress.loss);
        if (event.type === 'epoch') accuracy = event.validation?.accuracy ?? null;
      });
      this.current = trainer;
      const result = await trainer.run();
      this.current = null;
      if (result.status === 'done') this.listener.onDone(kind, accuracy);
    }
    this.listener.onPhase(null);
  }

  stop(): void {
    this.stopped = true;
    this.current?.cancel();
  }
}
