/**
 * Shuffled batches for the peer engines (TF.js, ConvNetJS), built with ConvLab's own gatherBatch so
 * every engine sees identical pixel values. ConvLab's engines use their Trainer's shuffling instead,
 * which is part of what they are measured on.
 */
import { gatherBatch } from '../engine/data/batch';
import type { Dataset } from '../engine/data/dataset';
import { createRng, permutation, type Rng } from '../engine/tensor/rng';

export interface Batch {
  readonly n: number;
  /** n x C x H x W floats in [0, 1]. */
  readonly x: Float32Array;
  readonly labels: Uint8Array;
}

export class BatchSampler {
  private readonly rng: Rng;
  private order: Uint32Array = new Uint32Array(0);
  private cursor = 0;
  private readonly x: Float32Array;
  private readonly labels: Uint8Array;

  constructor(
    private readonly dataset: Dataset,
    private readonly batchSize: number,
    seed: number,
  ) {
    this.rng = createRng(seed);
    const [c, h, w] = dataset.shape;
    this.x = new Float32Array(batchSize * c * h * w);
    this.labels = new Uint8Array(batchSize);
  }

  /** The next full batch; reshuffles at the end of each epoch (a short final batch is skipped). */
  next(): Batch {
    if (this.cursor + this.batchSize > this.order.length) {
      this.order = permutation(this.dataset.count, this.rng);
      this.cursor = 0;
    }
    const indices = this.order.subarray(this.cursor, this.cursor + this.batchSize);
    this.cursor += this.batchSize;
    gatherBatch(this.dataset, indices, this.x);
    for (let i = 0; i < indices.length; i++) this.labels[i] = this.dataset.labels[indices[i]!]!;
    return { n: this.batchSize, x: this.x, labels: this.labels };
  }
}

/** Test images [start, start + n) as floats, NCHW. */
export function testSlice(dataset: Dataset, start: number, n: number): Float32Array {
  const [c, h, w] = dataset.shape;
  const indices = new Uint32Array(n);
  for (let i = 0; i < n; i++) indices[i] = start + i;
  return gatherBatch(dataset, indices, new Float32Array(n * c * h * w));
}

/** NCHW -> NHWC, for the channels-last peers. */
export function toChannelsLast(x: Float32Array, n: number, c: number, h: number, w: number, out: Float32Array): void {
  const plane = h * w;
  for (let b = 0; b < n; b++) {
    const base = b * c * plane;
    for (let ch = 0; ch < c; ch++) {
      const src = base + ch * plane;
      for (let p = 0; p < plane; p++) out[base + p * c + ch] = x[src + p]!;
    }
  }
}

/** Index of the largest of k values at offset. */
export function argmaxAt(values: ArrayLike<number>, offset: number, k: number): number {
  let best = 0;
  for (let j = 1; j < k; j++) if (values[offset + j]! > values[offset + best]!) best = j;
  return best;
}
