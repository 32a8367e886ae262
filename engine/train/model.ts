/**
 * What the trainer needs from a backend's model: parameters with gradients, a forward pass
 * that returns every layer's output, and a backward pass from the gradient of the logits.
 * The CPU backend (engine/cpu/model.ts) implements it; the GPU backend keeps the same shape.
 */

import type { ModelSummary } from '../spec/types';
import type { Rng } from '../tensor/rng';
import type { Tensor } from '../tensor/tensor';

export type ParamRole = 'weight' | 'bias' | 'gamma' | 'beta';

export interface Param {
  /** Unique and stable, e.g. "conv2d_1.weight"; used in saved files and snapshots. */
  readonly name: string;
  /** Index of the owning layer in summary.layers. */
  readonly layer: number;
  readonly role: ParamRole;
  readonly shape: readonly number[];
  readonly value: Float32Array;
  /** Gradient of the loss for the last backward pass (overwritten, not accumulated, by backward). */
  readonly grad: Float32Array;
  /** Whether L1/L2 regularisation and weight decay apply (weights yes; biases and batchnorm no). */
  readonly regularized: boolean;
  /**
   * False when its layer is frozen ("trainable": false in the spec): optimisers neither update it
   * nor keep state for it, and regularisation leaves it out. Its grad is still written by backward.
   */
  readonly trainable: boolean;
}

/** Non-trainable state that is saved with the model (batchnorm running statistics). */
export interface Buffer {
  readonly name: string;
  readonly value: Float32Array;
}

export interface ForwardOptions {
  /** Training mode: dropout drops and batchnorm uses batch statistics (and updates running ones). */
  readonly training: boolean;
  /** Source of dropout masks; required when training with dropout. */
  readonly rng?: Rng;
}

export interface Model {
  readonly summary: ModelSummary;
  readonly params: readonly Param[];
  readonly buffers: readonly Buffer[];
  /**
   * Index of the layer whose output is the logits: the last layer, or the one before a final
   * softmax layer (losses take logits, so softmax and cross-entropy can be fused stably).
   */
  readonly logitsLayer: number;
  /** Runs a batch [N, ...inputShape]; returns the output of every layer, aligned with summary.layers. */
  forward(x: Tensor, options: ForwardOptions): readonly Tensor[];
  /**
   * Back-propagates dL/d(logits) through the layers of the last forward pass, writes each
   * param's grad and returns dL/d(input).
   */
  backward(dLogits: Tensor): Tensor;
}
