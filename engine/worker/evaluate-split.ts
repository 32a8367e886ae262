/**
 * Evaluating a held-out split for the page: the host's logits of its first N images (any engine:
 * engine/backend/types.ts ModelHost.logits), then metrics and the misclassified images from those
 * same logits, so the mistakes the page shows always agree with the accuracy it shows.
 *
 * Every engine runs between training steps: the CPU engines' forward is synchronous (a step is
 * never half done when a message is handled), and the GPU's commands are queued after the steps
 * already submitted, so the weights read are those of one step boundary.
 */
import { EVAL_BATCH } from '../backend/cpu-host';
import { softmaxForward } from '../cpu/softmax';
import { gatherBatch } from '../data/batch';
import type { Dataset } from '../data/dataset';
import { metricsOfLogits } from '../train/evaluate';
import type { LossKind } from '../train/loss';
import { argmax, type Metrics } from '../train/metrics';
import type { MistakeItem } from './protocol';

/** Metrics of `count` images from their logits, exactly as engine/train/evaluate.ts computes them. */
export function metricsOf(
  logits: Float32Array,
  dataset: Dataset,
  count: number,
  classes: number,
  loss: LossKind,
): Metrics {
  return metricsOfLogits(logits, dataset, count, classes, loss, EVAL_BATCH);
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
