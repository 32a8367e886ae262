/**
 * One training step on one batch: forward, loss, backward, regularisation, update.
 * The loss is checked before the update so a diverging run keeps its last finite weights.
 */
import type { Rng } from '../tensor/rng';
import type { Tensor } from '../tensor/tensor';
import { type LossKind, lossAndGradient } from './loss';
import type { Model } from './model';
import type { Optimizer } from './optimizers';
import { applyRegularization, type Regularization } from './regularization';

export interface StepResult {
  /** Data loss plus regularisation penalty, averaged over the batch. */
  readonly loss: number;
  readonly dataLoss: number;
  /** [n, classes] logits of this batch, before the update. */
  readonly logits: Float32Array;
  /** False when the loss was not finite; the parameters were then left untouched. */
  readonly finite: boolean;
}

export interface StepInput {
  readonly x: Tensor;
  readonly labels: ArrayLike<number>;
  readonly lr: number;
  readonly loss: LossKind;
  readonly regularization: Regularization;
  readonly rng: Rng;
  /** Which step of the run this is (0-based; the trainer fills it in), for steps that seed per step. */
  readonly step?: number;
}

/**
 * How a trainer takes one step: the CPU `Trainer` calls `trainStep` below unless it is given
 * another (engine/parallel's data-parallel step splits the batch across workers). It may be
 * asynchronous; the loop awaits it before the next step. It must leave the parameters untouched
 * and return `finite: false` when the loss is not finite, as `trainStep` does.
 */
export type StepFn = (model: Model, optimizer: Optimizer, input: StepInput) => StepResult | Promise<StepResult>;

export function trainStep(model: Model, optimizer: Optimizer, input: StepInput): StepResult {
  const outputs = model.forward(input.x, { training: true, rng: input.rng });
  const logits = outputs[model.logitsLayer]!;
  const { loss: dataLoss, dLogits } = lossAndGradient(input.loss, logits, input.labels);
  if (!Number.isFinite(dataLoss)) return { loss: dataLoss, dataLoss, logits: logits.data, finite: false };
  model.backward(dLogits);
  const penalty = applyRegularization(model.params, input.regularization);
  const loss = dataLoss + penalty;
  if (!Number.isFinite(loss)) return { loss, dataLoss, logits: logits.data, finite: false };
  optimizer.step(model.params, input.lr);
  return { loss, dataLoss, logits: logits.data, finite: true };
}
