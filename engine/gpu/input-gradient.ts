/**
 * The GPU probe: engine/inspect/probe.ts's Probe (the gradient of a class score, the loss, or one
 * unit of any layer with respect to the input image) for a model that lives on the GPU, without
 * reading its weights back. Evaluation mode, as the CPU probe: batch norm uses its running
 * statistics and dropout passes values through.
 *
 * One evaluation is two submits. The first runs the forward pass up to the probed layer (the
 * logits for a class or loss) and reads that layer's output back; the CPU probe's own readTarget
 * turns it into the number and the seed of the backward pass (one-hot, 1/positions for a channel
 * mean, softmax minus one-hot for the loss). The second writes the seed and runs the backward from
 * that layer down to the image (GpuModel.inputGradientPlan). A unit of an inner layer needs no
 * truncated model: the plan's forward and backward simply stop and start at that layer.
 *
 * Several images can go in one batch (FGSM or saliency over many images): in evaluation mode every
 * sample's gradient depends only on its own image. While a run trains on the same model, a
 * training step may land between the two submits; probe a paused or finished run.
 */
import { checkIndex, checkUnit, ProbeError, type ProbeResult, type ProbeTarget, readTarget } from '../inspect/probe';
import { sizeOf, tensor } from '../tensor/tensor';
import { writeBytes } from './buffers';
import type { GpuModel } from './model';
import type { Op } from './op';
import { readRanges } from './readback';

export interface GpuProbe {
  readonly target: ProbeTarget;
  /** [C, H, W] of the images it takes. */
  readonly inputShape: readonly number[];
  evaluate(image: Float32Array): Promise<ProbeResult>;
  /** One result per image, computed in one batch. */
  evaluateMany(images: readonly Float32Array[]): Promise<ProbeResult[]>;
}

/** Probes run one at a time per model: they share its plans' buffers. */
const queues = new WeakMap<GpuModel, Promise<unknown>>();

export function createGpuProbe(model: GpuModel, target: ProbeTarget): GpuProbe {
  const { summary, logitsLayer } = model;
  const layer = target.kind === 'unit' ? checkUnit(summary, target) : logitsLayer;
  const classes = sizeOf(summary.layers[logitsLayer]!.outputShape);
  if (target.kind === 'class') checkIndex(target.classIndex, classes, 'class');
  if (target.kind === 'loss') checkIndex(target.label, classes, 'label');
  const inputShape = summary.layers[0]!.outputShape;
  const outputShape = summary.layers[layer]!.outputShape;
  const imageSize = sizeOf(inputShape);
  const outSize = sizeOf(outputShape);

  /** One forward to the probed layer, the seed from its output, one backward to the image. */
  const probeBatch = async (images: readonly Float32Array[]): Promise<ProbeResult[]> => {
    const batch = images.length;
    const plan = model.inputGradientPlan(layer, batch);
    const x = new Float32Array(batch * imageSize);
    for (const [i, image] of images.entries()) x.set(image, i * imageSize);
    writeBytes(model.device, plan.input, x);
    submit(model, `probe ${target.kind} forward`, plan.forward);
    const [out] = await readRanges(model.device, 'probe output', [
      { buffer: plan.logits, offset: 0, count: batch * outSize },
    ]);
    const seeds = new Float32Array(batch * outSize);
    const read = images.map((_, i) => {
      const sample = tensor([1, ...outputShape], out!.slice(i * outSize, (i + 1) * outSize));
      const r = readTarget(target, sample, classes);
      seeds.set(r.seed.data, i * outSize);
      return r;
    });
    writeBytes(model.device, plan.dLogits, seeds);
    submit(model, `probe ${target.kind} backward`, plan.backward);
    const [gradient] = await readRanges(model.device, 'probe input gradient', [
      { buffer: plan.inputGradient!, offset: 0, count: batch * imageSize },
    ]);
    return read.map((r, i) => ({
      value: r.value,
      gradient: gradient!.slice(i * imageSize, (i + 1) * imageSize),
      probabilities: r.probabilities,
    }));
  };

  const evaluateMany = async (images: readonly Float32Array[]): Promise<ProbeResult[]> => {
    for (const image of images) {
      if (image.length !== imageSize) {
        throw new ProbeError(`The image has ${image.length} values; this model takes ${inputShape.join('×')}.`);
      }
    }
    if (images.length === 0) return [];
    const previous = queues.get(model) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => probeBatch(images));
    queues.set(model, run);
    return run;
  };
  return {
    target,
    inputShape,
    evaluateMany,
    async evaluate(image) {
      const [result] = await evaluateMany([image]);
      return result!;
    },
  };
}

function submit(model: GpuModel, label: string, ops: readonly Op[]): void {
  const encoder = model.device.createCommandEncoder({ label });
  const pass = encoder.beginComputePass({ label });
  for (const op of ops) op.encode(pass);
  pass.end();
  model.device.queue.submit([encoder.finish()]);
}
