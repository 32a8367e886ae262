/**
 * Training FLOPs per image of a ConvLab model, counted from its summary (engine/spec/summarize.ts),
 * so GFLOP/s = trainingFlopsPerImage × images/s. Only conv2d and dense layers are counted (their
 * multiply-accumulates, `macs`, are the summary's); pooling, activations, the loss and the optimiser
 * are a few percent of a step and are left out, so the figure slightly understates the work done.
 *
 * Per conv2d/dense layer with M forward MACs per image, one MAC being 2 FLOPs:
 *   forward                 2·M  (y = W·x)
 *   weight gradient         2·M  (dW = dy·xᵀ: the same products, once more)
 *   input gradient          2·M  (dx = Wᵀ·dy), except for a layer that reads the network input:
 *                                nothing needs dL/d(input) while training, and the engines skip it
 *                                (createCpuModel's inputGradient: false; the GPU trainer likewise)
 * so backward is 2× forward, less the first layer's input gradient.
 */
import type { ModelSummary } from '../engine/spec/types';

export interface TrainingFlops {
  readonly forward: number;
  readonly backward: number;
  readonly total: number;
}

export function trainingFlopsPerImage(summary: ModelSummary): TrainingFlops {
  let forward = 0;
  let backward = 0;
  for (const layer of summary.layers) {
    if (layer.macs === 0) continue;
    const readsInput = layer.inputs.includes(0);
    forward += 2 * layer.macs;
    backward += 2 * layer.macs + (readsInput ? 0 : 2 * layer.macs);
  }
  return { forward, backward, total: forward + backward };
}
