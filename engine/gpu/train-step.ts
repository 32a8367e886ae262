/**
 * One training step on the GPU, recorded into one command encoder: gather the batch from the
 * uploaded dataset by shuffled index (and augment it, when the run asks), forward, fused loss +
 * gradient + metrics (and the L1/L2 penalty, when regularised), backward, and one optimiser
 * update per trainable parameter tensor (a frozen layer's params get no update op, no optimiser
 * state and no penalty, as on the CPU). Nothing is read back. Per step, only Params uniforms change
 * (batch offset, dropout seeds, learning rate), and the augmentation choices when augmenting,
 * written through the queue so each lands before the submit that uses it.
 */
import type { AugmentOptions, ImageAugment } from '../data/augment';
import { sizeOf } from '../tensor/tensor';
import type { LossKind } from '../train/loss';
import type { OptimizerConfig } from '../train/optimizers';
import type { Regularization } from '../train/regularization';
import { type AugmentOp, augmentBatchOp } from './augment';
import { writeBytes } from './buffers';
import type { OptimizerState } from './checkpoint';
import { type GatherOp, type GpuDataset, gatherBatchOp } from './gather';
import { lossOp } from './loss-head';
import type { GpuModel, GpuParam } from './model';
import type { Op } from './op';
import { type UpdateOp, updateOp } from './optimizer';
import { penaltyOp } from './penalty';
import type { Plan } from './plan';
import type { Range } from './readback';

export interface StepSettings {
  readonly loss: LossKind;
  readonly optimizer: OptimizerConfig;
  readonly regularization: Regularization;
  readonly augmentation: AugmentOptions | null;
}

interface BatchOps {
  readonly plan: Plan;
  readonly gather: GatherOp;
  /** Present when the run augments: gather writes a raw batch that this turns into the input. */
  readonly augment: AugmentOp | null;
  readonly head: Op;
  /** Present with L1/L2 regularisation: reports the penalty of the weights before this step's update. */
  readonly penalty: Op | null;
}

export class GpuTrainStep {
  /** The params the optimiser updates: every param of a layer that is not frozen. */
  private readonly trainable: readonly GpuParam[];
  /** One update op per trainable param, aligned with `trainable`; their optimiser state lives here. */
  private readonly updateOps: readonly UpdateOp[];
  private readonly perBatch = new Map<number, BatchOps>();
  private readonly classes: number;
  private updatesDone = 0;

  constructor(
    private readonly model: GpuModel,
    private readonly data: GpuDataset,
    /** The epoch's shuffled order, written once per epoch. */
    private readonly indices: GPUBuffer,
    /** The metrics accumulator the loss head adds into. */
    private readonly metrics: GPUBuffer,
    private readonly settings: StepSettings,
  ) {
    const { ctx } = model;
    this.classes = sizeOf(model.summary.layers[model.logitsLayer]!.outputShape);
    this.trainable = model.params.filter((p) => p.trainable);
    this.updateOps = this.trainable.map((p) =>
      updateOp(ctx, `${p.name} update`, settings.optimizer, p.count, p.regularized ? settings.regularization : null, {
        g: p.grad,
        w: p.value,
      }),
    );
  }

  /**
   * Records one step over indices[offset, offset + batch) with learning rate `lr`; `seed()`
   * gives each dropout layer a fresh mask seed, and `augments` (one per image, required when the
   * run augments) are this batch's augmentation choices. Returns the encoder, unfinished, so the
   * caller may add a metrics capture before submitting.
   */
  record(
    batch: number,
    offset: number,
    lr: number,
    seed: () => number,
    augments: readonly ImageAugment[] | null = null,
  ): GPUCommandEncoder {
    const b = this.ops(batch);
    b.gather.setOffset(offset);
    if (b.augment) {
      if (!augments) throw new Error('An augmenting step needs its augmentation choices.');
      b.augment.setAugments(augments);
    }
    for (const d of b.plan.dropouts) d.setSeed(seed());
    this.updatesDone++;
    for (const u of this.updateOps) u.setStep(lr, this.updatesDone);
    const { device } = this.model;
    const encoder = device.createCommandEncoder({ label: `train step ${this.updatesDone}` });
    const pass = encoder.beginComputePass({ label: `train step ${this.updatesDone}` });
    b.gather.op.encode(pass);
    b.augment?.op.encode(pass);
    for (const op of b.plan.forward) op.encode(pass);
    b.head.encode(pass);
    b.penalty?.encode(pass);
    for (const op of b.plan.backward) op.encode(pass);
    for (const u of this.updateOps) u.op.encode(pass);
    pass.end();
    return encoder;
  }

  /** How many updates have run (Adam's bias correction counts them). */
  get updates(): number {
    return this.updatesDone;
  }

  /** The optimiser's state buffers as named ranges, `${param}:${slot}` (none for plain SGD or frozen params). */
  stateRanges(): (Range & { readonly name: string })[] {
    return this.trainable.flatMap((p, i) =>
      this.updateOps[i]!.state.map((s) => ({
        name: `${p.name}:${s.slot}`,
        buffer: s.buffer,
        offset: 0,
        count: p.count,
      })),
    );
  }

  /** Puts back a checkpoint's optimiser state (ordered before the next submit). */
  restoreState(state: OptimizerState): void {
    for (const range of this.stateRanges()) {
      const values = state.values[range.name];
      if (!values || values.length !== range.count) {
        throw new RangeError(`The optimiser state has no ${range.count} values for ${range.name}.`);
      }
      writeBytes(this.model.device, range.buffer, values);
    }
    this.updatesDone = state.updates;
  }

  private ops(batch: number): BatchOps {
    let b = this.perBatch.get(batch);
    if (b) return b;
    const { ctx } = this.model;
    const plan = this.model.plan(batch, true);
    const labels = ctx.pool.storage(`train labels b${batch}`, batch * 4);
    const options = this.settings.augmentation;
    const raw = options ? ctx.pool.storage(`train raw batch b${batch}`, batch * this.data.sampleSize * 4) : plan.input;
    const gather = gatherBatchOp(ctx, `train gather b${batch}`, this.data, batch, {
      indices: this.indices,
      x: raw,
      y: labels,
    });
    const augment = options
      ? augmentBatchOp(ctx, `train augment b${batch}`, batch, this.data.shape, options, { raw, out: plan.input })
      : null;
    const head = lossOp(ctx, this.settings.loss, `train loss b${batch}`, batch, this.classes, {
      logits: plan.logits,
      labels,
      dLogits: plan.dLogits,
      metrics: this.metrics,
    });
    const weights = this.trainable.filter((p) => p.regularized);
    const penalty = penaltyOp(
      ctx,
      `train penalty b${batch}`,
      this.settings.regularization,
      batch,
      weights,
      this.metrics,
    );
    b = { plan, gather, augment, head, penalty };
    this.perBatch.set(batch, b);
    return b;
  }
}
