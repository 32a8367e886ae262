/**
 * Evaluation: the model in inference mode over a dataset, batch by batch. Every engine evaluates
 * the same way: its logits of the images in index order (`modelLogits` here for the CPU model,
 * which the TypeScript and wasm engines share; engine/gpu/evaluate.ts gpuLogits on WebGPU), then
 * `metricsOfLogits`, so a split's accuracy cannot depend on which engine computed it.
 */
import { gatherBatch } from '../data/batch';
import type { Dataset } from '../data/dataset';
import { sizeOf } from '../tensor/tensor';
import { type LossKind, lossAndGradient } from './loss';
import { type Metrics, MetricsAccumulator } from './metrics';
import type { Model } from './model';

/** Logits [count, classes] of a dataset's first `count` images, `batchSize` at a time. */
export function modelLogits(model: Model, dataset: Dataset, count: number, batchSize: number): Float32Array {
  const classes = sizeOf(model.summary.layers[model.logitsLayer]!.outputShape);
  const [c, h, w] = dataset.shape;
  const sample = c * h * w;
  const out = new Float32Array(count * classes);
  const buffer = new Float32Array(Math.min(batchSize, count) * sample);
  const indices = new Uint32Array(batchSize);
  for (let start = 0; start < count; start += batchSize) {
    const n = Math.min(batchSize, count - start);
    for (let i = 0; i < n; i++) indices[i] = start + i;
    const x = { shape: [n, c, h, w], data: buffer.subarray(0, n * sample) };
    gatherBatch(dataset, indices.subarray(0, n), x.data);
    const logits = model.forward(x, { training: false })[model.logitsLayer]!;
    // The wasm engine's outputs are reused buffers: copy before the next forward.
    out.set(logits.data.subarray(0, n * classes), start * classes);
  }
  return out;
}

/**
 * Metrics of a dataset's first `count` images from their logits. The loss is averaged per batch
 * of `batchSize` (as training reports it), so the same logits give the same numbers everywhere.
 */
export function metricsOfLogits(
  logits: Float32Array,
  dataset: Dataset,
  count: number,
  classes: number,
  loss: LossKind,
  batchSize: number,
): Metrics {
  const acc = new MetricsAccumulator(classes);
  for (let start = 0; start < count; start += batchSize) {
    const n = Math.min(batchSize, count - start);
    const rows = logits.subarray(start * classes, (start + n) * classes);
    const labels = dataset.labels.subarray(start, start + n);
    acc.addBatch(rows, labels, n, lossAndGradient(loss, { shape: [n, classes], data: rows }, labels).loss);
  }
  return acc.result();
}

export function evaluate(model: Model, dataset: Dataset, batchSize: number, loss: LossKind): Metrics {
  const logits = modelLogits(model, dataset, dataset.count, batchSize);
  return metricsOfLogits(logits, dataset, dataset.count, dataset.classNames.length, loss, batchSize);
}
