/**
 * Training the linear classifier f(x; W) = Wx + b in the page, without React: one dense layer on
 * the flattened pixels (the presets linear-cifar10 / linear-mnist), softmax cross-entropy, Adam.
 * Progress events carry a copy of W so the widget can redraw the ten class templates as they
 * form; each epoch ends with the engine's evaluation on the test images (per-class accuracy).
 */

import { createCpuModel } from '../../engine/cpu/model';
import type { DatasetSplits } from '../../engine/data/dataset';
import { PRESETS } from '../../engine/spec/presets';
import type { Metrics } from '../../engine/train/metrics';
import { Trainer, type TrainerStatus } from '../../engine/train/trainer';

export interface LinearListener {
  readonly onProgress: (step: number, totalSteps: number, loss: number, weights: Float32Array) => void;
  readonly onEpoch: (epoch: number, test: Metrics) => void;
  readonly onStatus: (status: TrainerStatus, message: string | null) => void;
}

export const LINEAR_BATCH = 100;

export class LinearRun {
  private trainer: Trainer | null = null;

  constructor(
    private readonly splits: DatasetSplits,
    private readonly epochs: number,
    private readonly listener: LinearListener,
  ) {}

  async run(): Promise<void> {
    const colour = this.splits.train.shape[0] === 3;
    const spec = PRESETS[colour ? 'linear-cifar10' : 'linear-mnist']!.spec;
    // Tiny initial weights, so what the rows show as templates is what training put there.
    const model = createCpuModel(spec, { seed: 3, init: { normal: 0.001 }, inputGradient: false });
    const weights = model.params.find((p) => p.role === 'weight')!;
    const trainer = new Trainer(
      model,
      { train: this.splits.train, validation: this.splits.test },
      {
        epochs: this.epochs,
        batchSize: LINEAR_BATCH,
        // Measured: MNIST reaches ~88% in one epoch at 0.005; CIFAR-10 overshoots there (~30%) and
        // does best near 0.001 (~39% after two epochs).
        learningRate: colour ? 0.001 : 0.005,
        optimizer: { kind: 'adam' },
        // A light L2 penalty keeps the templates smooth enough to recognise.
        regularization: { l1: 0, l2: 1e-4 },
        seed: 3,
        progressEvery: 10,
      },
    );
    this.trainer = trainer;
    trainer.subscribe((event) => {
      if (event.type === 'progress') {
        const p = event.progress;
        this.listener.onProgress(p.step, p.totalSteps, p.loss, weights.value.slice());
      } else if (event.type === 'epoch' && event.validation) {
        this.listener.onEpoch(event.epoch, event.validation);
      } else if (event.type === 'status') {
        this.listener.onStatus(event.status, event.message);
      }
    });
    await trainer.run();
  }

  stop(): void {
    this.trainer?.cancel();
  }
}
