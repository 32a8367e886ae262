/**
 * Evaluation on the GPU: a dataset uploaded once, gathered batch by batch in index order, run
 * through the evaluation-mode plan, with loss and metrics summed on the GPU and read back once
 * at the end. One submit per batch, because each batch rewrites the gather offset uniform.
 */
import type { Dataset } from '../data/dataset';
import { sizeOf } from '../tensor/tensor';
import type { LossKind } from '../train/loss';
import type { Metrics } from '../train/metrics';
import { readU32 } from './buffers';
import { type GatherOp, type GpuDataset, gatherBatchOp, uploadDataset } from './gather';
import { metricsWords } from './loss';
import { lossOp } from './loss-head';
import type { GpuMetrics } from './metrics';
import { toMetrics } from './metrics-sum';
import type { GpuModel } from './model';
import type { Op } from './op';

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
