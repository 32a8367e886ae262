/**
 * Evaluating a held-out split for the page: the logits of its first N images on whichever backend
 * holds the model, then metrics and the misclassified images from those same logits, so the
 * mistakes the page shows always agree with the accuracy it shows.
 *
 * Both backends run between training steps: the CPU model's forward is synchronous (a step is
 * never half done when a message is handled), and the GPU's commands are queued after the steps
 * already submitted, so the weights read are those of one step boundary.
 */
import { softmaxForward } from '../cpu/softmax';
import { gatherBatch } from '../data/batch';
import type { Dataset } from '../data/dataset';
import { writeBytes } from '../gpu/buffers';
import type { GpuModel } from '../gpu/model';
import { readRanges } from '../gpu/readback';
import { sizeOf } from '../tensor/tensor';
import { type LossKind, lossAndGradient } from '../train/loss';
import { argmax, type Metrics, MetricsAccumulator } from '../train/metrics';
import type { Model } from '../train/model';
import type { MistakeItem } from './protocol';

/** Logits [count, classes] of a dataset's first `count` images, in evaluation mode. */
export type LogitsFn = (dataset: Dataset, count: number) => Promise<Float32Array>;

/** Images per forward pass (the batch the trainers' own validation uses). */
const EVAL_BATCH = 256;

export function cpuLogits(model: Model): LogitsFn {
  const classes = sizeOf(model.summary.layers[model.logitsLayer]!.outputShape);
  return async (dataset, count) => {
    const [c, h, w] = dataset.shape;
    const sample = c * h * w;
    const out = new Float32Array(count * classes);
    const x = new Float32Array(Math.min(EVAL_BATCH, count) * sample);
    const indices = new Uint32Array(EVAL_BATCH);
    for (let start = 0; start < count; start += EVAL_BATCH) {
      const n = Math.min(EVAL_BATCH, count - start);
      for (let i = 0; i < n; i++) indices[i] = start + i;
      const batch = x.subarray(0, n * sample);
      gatherBatch(dataset, indices.subarray(0, n), batch);
      const logits = model.forward({ shape: [n, c, h, w], data: batch }, { training: false })[model.logitsLayer]!;
      out.set(logits.data.subarray(0, n * classes), start * classes);
    }
    return out;
  };
}

/**
 * The GPU model's logits: each batch is gathered on the host, written to the evaluation plan's
 * input and run forward; its logits are copied into one buffer that is read back once at the end.
 */
export function gpuLogits(model: GpuModel): LogitsFn {
  const classes = sizeOf(model.summary.layers[model.logitsLayer]!.outputShape);
  return async (dataset, count) => {
    if (count === 0) return new Float32Array(0);
    const { device } = model;
    const [c, h, w] = dataset.shape;
    const sample = c * h * w;
    const batchSize = Math.min(EVAL_BATCH, count);
    const plan = model.plan(batchSize, false);
    const all = device.createBuffer({
      label: `${dataset.name} logits`,
      size: count * classes * 4,
      usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC,
    });
    try {
      const x = new Float32Array(batchSize * sample);
      const indices = new Uint32Array(batchSize);
      for (let start = 0; start < count; start += batchSize) {
        const n = Math.min(batchSize, count - start);
        for (let i = 0; i < n; i++) indices[i] = start + i;
        // A short last batch leaves the previous images in the tail; their logits are not copied.
        gatherBatch(dataset, indices.subarray(0, n), x.subarray(0, n * sample));
        writeBytes(device, plan.input, x);
        const encoder = device.createCommandEncoder({ label: `logits of ${dataset.name} from ${start}` });
        const pass = encoder.beginComputePass({ label: `logits of ${dataset.name}` });
        for (const op of plan.forward) op.encode(pass);
        pass.end();
        encoder.copyBufferToBuffer(plan.logits, 0, all, start * classes * 4, n * classes * 4);
        device.queue.submit([encoder.finish()]);
      }
      const [logits] = await readRanges(device, `${dataset.name} logits readback`, [
        { buffer: all, offset: 0, count: count * classes },
      ]);
      return logits!;
    } finally {
      all.destroy();
    }
  };
}

/** Metrics of `count` images from their logits, exactly as engine/train/evaluate.ts computes them. */
export function metricsOf(
  logits: Float32Array,
  dataset: Dataset,
  count: number,
  classes: number,
  loss: LossKind,
): Metrics {
  const acc = new MetricsAccumulator(classes);
  for (let start = 0; start < count; start += EVAL_BATCH) {
    const n = Math.min(EVAL_BATCH, count - start);
    const rows = logits.subarray(start * classes, (start + n) * classes);
    const labels = dataset.labels.subarray(start, start + n);
    acc.addBatch(rows, labels, n, lossAndGradient(loss, { shape: [n, classes], data: rows }, labels).loss);
  }
  return acc.result();
}

export interface MistakeQuery {
  readonly limit: number;
  /** Only mistakes whose true class is this one; null for every class. */
  readonly label: number | null;
}

/** The misclassified images among the first `count`, most confident first, at most `limit`. */
export function mistakesOf(
  logits: Float32Array,
  dataset: Dataset,
  count: number,
  classes: number,
  query: MistakeQuery,
): MistakeItem[] {
  const wrong: { index: number; predicted: number; confidence: number; probabilities: Float32Array }[] = [];
  const p = new Float32Array(classes);
  for (let i = 0; i < count; i++) {
    const label = dataset.labels[i]!;
    if (query.label !== null && label !== query.label) continue;
    const predicted = argmax(logits, i * classes, classes);
    if (predicted === label) continue;
    softmaxForward(1, classes, logits.subarray(i * classes, (i + 1) * classes), p);
    wrong.push({ index: i, predicted, confidence: p[predicted]!, probabilities: p.slice() });
  }
  // Most confident first; the index breaks ties so the order is stable.
  wrong.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  const [c, h, w] = dataset.shape;
  return wrong.slice(0, Math.max(0, query.limit)).map((m) => ({
    index: m.index,
    label: dataset.labels[m.index]!,
    predicted: m.predicted,
    probabilities: m.probabilities,
    image: {
      name: `${dataset.name}[${m.index}]`,
      shape: [1, c, h, w],
      data: gatherBatch(dataset, [m.index], new Float32Array(c * h * w)),
    },
  }));
}
