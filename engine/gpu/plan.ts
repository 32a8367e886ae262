/**
 * A Plan is a model's whole forward (and, for training, backward) pass for one batch size, as
 * ops bound to buffers made once. The spec's layer list is a topological order, so forward runs
 * layers in order and backward walks them in reverse, exactly as engine/cpu/model.ts. Where a
 * layer's output feeds two consumers (a residual shortcut), its gradient is the SUM of what each
 * sends back: the first becomes the producer's gradient buffer, later ones are added into a new
 * buffer, so no buffer is ever read and written by the same dispatch.
 */
import type { ModelSummary } from '../spec/types';
import { sizeOf } from '../tensor/tensor';
import { addOp, type DropoutOp } from './elementwise';
import { buildLayer, type GpuLayerParams } from './layers';
import type { GpuContext, Op } from './op';

export interface Plan {
  readonly batch: number;
  readonly training: boolean;
  /** x [batch, ...inputShape]: the gather kernel (or an upload) writes it. */
  readonly input: GPUBuffer;
  /** Every layer's output, aligned with summary.layers (outputs[0] = input); null after the logits. */
  readonly outputs: readonly (GPUBuffer | null)[];
  readonly logits: GPUBuffer;
  /** dL/d(logits), written by the loss kernel (training plans; a scratch buffer in eval plans). */
  readonly dLogits: GPUBuffer;
  readonly forward: readonly Op[];
  readonly backward: readonly Op[];
  readonly dropouts: readonly DropoutOp[];
  /**
   * dL/d(input) [batch, ...inputShape] after the backward ops, in plans built with
   * `inputGradient` (engine/gpu/input-gradient.ts); null otherwise (training skips it).
   */
  readonly inputGradient: GPUBuffer | null;
}

export interface PlanOptions {
  /**
   * Also build a backward in evaluation mode, and keep the image's gradient (inputGradient). The
   * backward starts at layer `logitsLayer` (any layer: the probed one) from the gradient written
   * into dLogits. Param gradients are still written, into whatever `params` name as their grads.
   */
  readonly inputGradient?: boolean;
}

export function buildPlan(
  ctx: GpuContext,
  summary: ModelSummary,
  params: readonly GpuLayerParams[],
  logitsLayer: number,
  batch: number,
  training: boolean,
  options: PlanOptions = {},
): Plan {
  const keepInput = options.inputGradient === true;
  const mode = training ? 'train' : 'eval';
  const input = ctx.pool.storage(`input b${batch} ${mode}`, batch * sizeOf(summary.layers[0]!.outputShape) * 4);
  const outputs: (GPUBuffer | null)[] = summary.layers.map(() => null);
  outputs[0] = input;
  const layers = summary.layers.map((layer, i) => {
    if (i === 0 || i > logitsLayer) return null;
    const built = buildLayer(
      ctx,
      layer,
      params[i]!,
      layer.inputs.map((j) => outputs[j]!),
      layer.inputs.map((j) => sizeOf(summary.layers[j]!.outputShape)),
      batch,
      training,
    );
    outputs[i] = built.y;
    return built;
  });
  const forward = layers.flatMap((l) => l?.forward ?? []);
  const dropouts = layers.flatMap((l) => (l?.dropout ? [l.dropout] : []));
  const logits = outputs[logitsLayer]!;
  const classes = sizeOf(summary.layers[logitsLayer]!.outputShape);
  const dLogits = ctx.pool.storage(`dLogits b${batch} ${mode}`, batch * classes * 4);
  const backward: Op[] = [];
  let inputGradient: GPUBuffer | null = null;
  if (training || keepInput) {
    const grads: (GPUBuffer | null)[] = summary.layers.map(() => null);
    grads[logitsLayer] = dLogits;
    for (let i = logitsLayer; i >= 1; i--) {
      const g = grads[i];
      // A layer whose output does not reach the logits gets no gradient; its params' grads stay 0.
      if (!g) continue;
      const layer = summary.layers[i]!;
      // Training needs no dL/d(image): skip the first layer's input-gradient product.
      const result = layers[i]!.backward(
        g,
        layer.inputs.map((p) => p !== 0 || keepInput),
      );
      backward.push(...result.ops);
      layer.inputs.forEach((p, k) => {
        const d = result.dInputs[k];
        if (!d || (p === 0 && !keepInput)) return;
        const previous = grads[p];
        if (!previous) {
          grads[p] = d;
          return;
        }
        const count = batch * sizeOf(summary.layers[p]!.outputShape);
        const sum = ctx.pool.storage(`${summary.layers[p]!.id} b${batch} grad sum ${i}`, count * 4);
        backward.push(
          addOp(ctx, `${summary.layers[p]!.id} b${batch} gradient sum`, count, { a: previous, b: d, c: sum }),
        );
        grads[p] = sum;
      });
    }
    if (keepInput) inputGradient = grads[0] ?? null;
  }
  return { batch, training, input, outputs, logits, dLogits, forward, backward, dropouts, inputGradient };
}
