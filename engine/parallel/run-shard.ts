/**
 * One shard's share of a training step, the same on the coordinator and on every replica:
 * forward in training mode, the loss (a mean over the shard's rows) and its gradient, backward.
 * The parameter gradients are left in `model.params[i].grad`; nothing is updated.
 */
import { createRng } from '../tensor/rng';
import type { Tensor } from '../tensor/tensor';
import { type LossKind, lossAndGradient } from '../train/loss';
import type { Model } from '../train/model';
import { shardSeed } from './shards';

export interface ShardInput {
  /** [rows, ...inputShape]. */
  readonly x: Tensor;
  readonly labels: ArrayLike<number>;
  readonly loss: LossKind;
  /** The run's seed, step and this shard's index: they alone decide the dropout masks. */
  readonly seed: number;
  readonly step: number;
  readonly shard: number;
}

export interface ShardOutput {
  /** Mean loss over the shard's rows; not finite when training diverged (backward was then skipped). */
  readonly loss: number;
  /** [rows, classes] logits; with the wasm engine a reused buffer, valid until the model's next forward. */
  readonly logits: Float32Array;
}

export function runShard(model: Model, input: ShardInput): ShardOutput {
  const rng = createRng(shardSeed(input.seed, input.step, input.shard));
  const outputs = model.forward(input.x, { training: true, rng });
  const logits = outputs[model.logitsLayer]!;
  const { loss, dLogits } = lossAndGradient(input.loss, logits, input.labels);
  if (Number.isFinite(loss)) model.backward(dLogits);
  return { loss, logits: logits.data };
}

/** Values in one sample of the model's input, and in one row of its logits. */
export function rowSizes(model: Model): { readonly sample: number; readonly classes: number } {
  const layers = model.summary.layers;
  const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
  return { sample: size(layers[0]!.outputShape), classes: size(layers[model.logitsLayer]!.outputShape) };
}
