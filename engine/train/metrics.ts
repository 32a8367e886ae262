/**
 * Classification metrics accumulated batch by batch: mean loss, accuracy, per-class accuracy
 * and the confusion matrix (rows = true class, columns = predicted class).
 */
export interface Metrics {
  readonly count: number;
  readonly loss: number;
  readonly accuracy: number;
  /** Accuracy per true class; NaN for a class with no samples. */
  readonly perClassAccuracy: readonly number[];
  /** classes x classes counts, row-major: confusion[true * classes + predicted]. */
  readonly confusion: Uint32Array;
}

export class MetricsAccumulator {
  private lossSum = 0;
  private count = 0;
  private correct = 0;
  private readonly confusion: Uint32Array;

  constructor(readonly classes: number) {
    this.confusion = new Uint32Array(classes * classes);
  }

  /** Adds a batch: `logits` is [n, classes] row-major; `meanLoss` the batch's mean data loss. */
  addBatch(logits: Float32Array, labels: ArrayLike<number>, n: number, meanLoss: number): void {
    const k = this.classes;
    for (let i = 0; i < n; i++) {
      const predicted = argmax(logits, i * k, k);
      const truth = labels[i]!;
      this.confusion[truth * k + predicted]!++;
      if (predicted === truth) this.correct++;
    }
    this.lossSum += meanLoss * n;
    this.count += n;
  }

  result(): Metrics {
    const k = this.classes;
    const perClassAccuracy: number[] = [];
    for (let c = 0; c < k; c++) {
      let row = 0;
      for (let p = 0; p < k; p++) row += this.confusion[c * k + p]!;
      perClassAccuracy.push(row === 0 ? Number.NaN : this.confusion[c * k + c]! / row);
    }
    return {
      count: this.count,
      loss: this.count === 0 ? Number.NaN : this.lossSum / this.count,
      accuracy: this.count === 0 ? Number.NaN : this.correct / this.count,
      perClassAccuracy,
      confusion: this.confusion.slice(),
    };
  }
}

/** Index of the largest of `length` values starting at `offset` (first one wins ties). */
export function argmax(values: ArrayLike<number>, offset: number, length: number): number {
  let best = 0;
  let bestValue = values[offset]!;
  for (let j = 1; j < length; j++) {
    const v = values[offset + j]!;
    if (v > bestValue) {
      bestValue = v;
      best = j;
    }
  }
  return best;
}

/** How many of `n` rows of [n, classes] logits have their largest value at the true label. */
export function countCorrect(logits: Float32Array, labels: ArrayLike<number>, n: number, classes: number): number {
  let correct = 0;
  for (let i = 0; i < n; i++) if (argmax(logits, i * classes, classes) === labels[i]) correct++;
  return correct;
}
