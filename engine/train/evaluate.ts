/**
 * Evaluation: the model in inference mode over a whole dataset, batch by batch.
 */
import { gatherBatch } from '../data/batch';
import type { Dataset } from '../data/dataset';
import { type LossKind, lossAndGradient } from './loss';
import { type Metrics, MetricsAccumulator } from './metrics';
import type { Model } from './model';

export function evaluate(model: Model, dataset: Dataset, batchSize: number, loss: LossKind): Metrics {
  const [c, h, w] = dataset.shape;
  const sample = c * h * w;
  const acc = new MetricsAccumulator(dataset.classNames.length);
  const buffer = new Float32Array(batchSize * sample);
  const indices = new Uint32Array(batchSize);
  for (let start = 0; start < dataset.count; start += batchSize) {
    const n = Math.min(batchSize, dataset.count - start);
    for (let i = 0; i < n; i++) indices[i] = start + i;
    const x = { shape: [n, c, h, w], data: buffer.subarray(0, n * sample) };
    gatherBatch(dataset, indices.subarray(0, n), x.data);
    const logits = model.forward(x, { training: false })[model.logitsLayer]!;
    const labels = dataset.labels.subarray(start, start + n);
    acc.addBatch(logits.data, labels, n, lossAndGradient(loss, logits, labels).loss);
  }
  return acc.result();
}
