/**
 * Evaluation on the GPU, two ways. `gpuLogits`: a split's logits for the host (the worker's
 * evaluate and mistakes, the CLI's test set), from which engine/train/evaluate.ts computes the
 * metrics exactly as on the CPU engines. `GpuEvaluator`: the trainer's own validation, with the
 * dataset uploaded once and loss and metrics summed on the GPU and read back once at the end (one
 * submit per batch, because each batch rewrites the gather offset uniform).
 */
import { gatherBatch } from '../data/batch';
import type { Dataset } from '../data/dataset';
import { sizeOf } from '../tensor/tensor';
import type { LossKind } from '../train/loss';
import type { Metrics } from '../train/metrics';
import { readU32, writeBytes } from './buffers';
import { type GatherOp, type GpuDataset, gatherBatchOp, uploadDataset } from './gather';
import { metricsWords } from './loss';
import { lossOp } from './loss-head';
import type { GpuMetrics } from './metrics';
import { toMetrics } from './metrics-sum';
import type { GpuModel } from './model';
import type { Op } from './op';
import { readRanges } from './readback';

/**
 * Logits [count, classes] of a dataset's first `count` images: each batch is gathered on the host,
 * written to the evaluation plan's input and run forward; its logits are copied into one buffer
 * that is read back once at the end. The commands queue after the training steps already
 * submitted, so the weights read are those of one step boundary.
 */
export async function gpuLogits(
  model: GpuModel,
  dataset: Dataset,
  count: number,
  batch: number,
): Promise<Float32Array> {
  if (count === 0) return new Float32Array(0);
  const classes = sizeOf(model.summary.layers[model.logitsLayer]!.outputShape);
  const { device } = model;
  const [c, h, w] = dataset.shape;
  const sample = c * h * w;
  const batchSize = Math.min(batch, count);
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
}

interface EvalBatch {
  readonly batch: number;
  readonly gather: GatherOp;
  readonly ops: readonly Op[];
}

export class GpuEvaluator {
  private readonly data: GpuDataset;
  private readonly metrics: GPUBuffer;
  private readonly classes: number;
  private readonly batches = new Map<number, EvalBatch>();
  private readonly indices: GPUBuffer;

  constructor(
    private readonly model: GpuModel,
    private readonly dataset: Dataset,
    private readonly batchSize: number,
    private readonly loss: LossKind,
  ) {
    const { ctx } = model;
    this.data = uploadDataset(ctx, dataset);
    this.indices = ctx.pool.upload(
      `${dataset.name} identity order`,
      Uint32Array.from({ length: dataset.count }, (_, i) => i),
    );
    this.classes = sizeOf(model.summary.layers[model.logitsLayer]!.outputShape);
    this.metrics = ctx.pool.storage(`${dataset.name} eval metrics`, metricsWords(this.classes) * 4);
  }

  async run(): Promise<Metrics> {
    const { device } = this.model;
    for (let start = 0; start < this.dataset.count; start += this.batchSize) {
      const b = this.ops(Math.min(this.batchSize, this.dataset.count - start));
      b.gather.setOffset(start);
      const encoder = device.createCommandEncoder({ label: `evaluate ${this.dataset.name} from ${start}` });
      const pass = encoder.beginComputePass({ label: `evaluate ${this.dataset.name}` });
      for (const op of b.ops) op.encode(pass);
      pass.end();
      device.queue.submit([encoder.finish()]);
    }
    const words = await readU32(device, this.metrics, metricsWords(this.classes));
    const encoder = device.createCommandEncoder({ label: `${this.dataset.name} eval metrics clear` });
    encoder.clearBuffer(this.metrics);
    device.queue.submit([encoder.finish()]);
    const m: GpuMetrics = {
      lossSum: new Float32Array(words.buffer, 0, 1)[0]!,
      // Evaluation reports the data loss alone, as the CPU engine does.
      penaltySum: 0,
      correct: words[1]!,
      count: words[2]!,
      confusion: words.slice(4),
    };
    return toMetrics(m, this.classes);
  }

  private ops(batch: number): EvalBatch {
    let b = this.batches.get(batch);
    if (b) return b;
    const { ctx } = this.model;
    const plan = this.model.plan(batch, false);
    const labels = ctx.pool.storage(`${this.dataset.name} eval labels b${batch}`, batch * 4);
    const gather = gatherBatchOp(ctx, `${this.dataset.name} eval gather b${batch}`, this.data, batch, {
      indices: this.indices,
      x: plan.input,
      y: labels,
    });
    const head = lossOp(ctx, this.loss, `${this.dataset.name} eval loss b${batch}`, batch, this.classes, {
      logits: plan.logits,
      labels,
      dLogits: plan.dLogits,
      metrics: this.metrics,
    });
    b = { batch, gather, ops: [gather.op, ...plan.forward, head] };
    this.batches.set(batch, b);
    return b;
  }
}
