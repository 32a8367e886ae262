/**
 * The GPU model: the same parameters as engine/cpu/model.ts (names such as "conv2d_1.weight" and
 * "batchnorm_2.runningMean", layouts [F, C/groups, kh, kw] and [units, in], initial values), held
 * in GPU buffers, with plans (forward and backward ops) built once per batch size and mode.
 *
 * It is built FROM a CPU model, which fixes the parameter list, its order and the seeded
 * initialisation in one place: a GPU run starts from exactly the weights a CPU run would.
 */

import { createCpuModel, loadWeights } from '../cpu/model';
import { softmaxForward } from '../cpu/softmax';
import type { ModelSpec, ModelSummary } from '../spec/types';
import { sizeOf, type Tensor } from '../tensor/tensor';
import type { InitScheme } from '../train/initializers';
import type { Model, ParamRole } from '../train/model';
import { writeBytes } from './buffers';
import type { GpuLayerParams } from './layers';
import type { GpuContext } from './op';
import { buildPlan, type Plan } from './plan';
import { type Range, readRanges } from './readback';

export type NamedArrays = Record<string, Float32Array>;

export interface GpuParam {
  readonly name: string;
  readonly layer: number;
  readonly role: ParamRole;
  readonly shape: readonly number[];
  readonly count: number;
  /** Whether L1/L2 regularisation applies (weights yes; biases and batchnorm no). */
  readonly regularized: boolean;
  /** False in a frozen layer: no update op, no optimiser state, no penalty (engine/gpu/train-step.ts). */
  readonly trainable: boolean;
  readonly value: GPUBuffer;
  /** Overwritten by every backward pass. */
  readonly grad: GPUBuffer;
}

/** Non-trainable saved state (batchnorm running statistics): a range of a GPU buffer. */
export interface GpuState {
  readonly name: string;
  readonly buffer: GPUBuffer;
  readonly offset: number;
  readonly count: number;
}

export interface GpuModelOptions {
  readonly seed: number;
  readonly init?: InitScheme;
  /** Start from these named values (as getWeights gives) instead of a fresh initialisation. */
  readonly weights?: Readonly<Record<string, ArrayLike<number>>>;
}

/** Why this summary cannot run on the GPU backend, in words; null when it can. */
export function gpuUnsupportedReason(summary: ModelSummary): string | null {
  const last = summary.layers.length - 1;
  const inner = summary.layers.find((l) => l.type === 'softmax' && l.index !== last);
  return inner
    ? `The WebGPU backend runs softmax only as the last layer, but "${inner.id}" is layer ${inner.index}.`
    : null;
}

export function createGpuModel(ctx: GpuContext, spec: ModelSpec, options: GpuModelOptions): GpuModel {
  const template = createCpuModel(spec, { seed: options.seed, init: options.init, inputGradient: false });
  if (options.weights) loadWeights(template, options.weights);
  return new GpuModel(ctx, template);
}

export class GpuModel {
  readonly summary: ModelSummary;
  readonly logitsLayer: number;
  readonly params: readonly GpuParam[];
  readonly states: readonly GpuState[];
  readonly layerParams: readonly GpuLayerParams[];
  private readonly plans = new Map<string, Plan>();
  /** Param grads for input-gradient plans: one scratch sink, so probing never overwrites `grad`. */
  private probeParams: readonly GpuLayerParams[] | null = null;

  constructor(
    readonly ctx: GpuContext,
    template: Model,
  ) {
    this.summary = template.summary;
    const reason = gpuUnsupportedReason(this.summary);
    if (reason) throw new RangeError(reason);
    this.logitsLayer = template.logitsLayer;
    this.params = template.params.map((p) => ({
      name: p.name,
      layer: p.layer,
      role: p.role,
      shape: p.shape,
      count: p.value.length,
      regularized: p.regularized,
      trainable: p.trainable,
      value: ctx.pool.upload(p.name, p.value),
      grad: ctx.pool.storage(`${p.name} grad`, p.value.length * 4),
    }));
    const states: GpuState[] = [];
    this.layerParams = this.summary.layers.map((layer) => {
      const mine = this.params.filter((p) => p.layer === layer.index);
      const entry: Record<string, GpuParam | GPUBuffer> = {};
      for (const p of mine) entry[p.role] = p;
      if (layer.type === 'batchnorm') {
        const mean = template.buffers.find((b) => b.name === `${layer.id}.runningMean`)!.value;
        const variance = template.buffers.find((b) => b.name === `${layer.id}.runningVar`)!.value;
        const running = new Float32Array(mean.length * 2);
        running.set(mean);
        running.set(variance, mean.length);
        const buffer = ctx.pool.upload(`${layer.id}.running`, running);
        states.push({ name: `${layer.id}.runningMean`, buffer, offset: 0, count: mean.length });
        states.push({ name: `${layer.id}.runningVar`, buffer, offset: mean.length * 4, count: mean.length });
        entry.running = buffer;
      }
      return entry as GpuLayerParams;
    });
    this.states = states;
  }

  get device(): GPUDevice {
    return this.ctx.device;
  }

  /** The plan for `batch` samples in training or evaluation mode; built on first use, then cached. */
  plan(batch: number, training: boolean): Plan {
    const key = `${training ? 'train' : 'eval'}:${batch}`;
    let plan = this.plans.get(key);
    if (!plan) {
      plan = buildPlan(this.ctx, this.summary, this.layerParams, this.logitsLayer, batch, training);
      this.plans.set(key, plan);
    }
    return plan;
  }

  /**
   * The evaluation-mode plan for `batch` samples that runs forward to layer `layer` and back from
   * it to the image (plan.inputGradient), from the gradient written into plan.dLogits
   * (engine/gpu/input-gradient.ts). Its param gradients go to a scratch sink, never to `grad`,
   * so a gradients snapshot still shows the last training step's.
   */
  inputGradientPlan(layer: number, batch: number): Plan {
    const key = `input-gradient ${layer}:${batch}`;
    let plan = this.plans.get(key);
    if (!plan) {
      this.probeParams ??= this.sinkParams();
      plan = buildPlan(this.ctx, this.summary, this.probeParams, layer, batch, false, { inputGradient: true });
      this.plans.set(key, plan);
    }
    return plan;
  }

  private sinkParams(): readonly GpuLayerParams[] {
    const largest = Math.max(1, ...this.params.map((p) => p.count));
    const sink = this.ctx.pool.storage('input-gradient param grad sink', largest * 4);
    // Each backward op writes at most one param gradient, so they can all share the sink.
    const sunk = (p: { readonly value: GPUBuffer } | undefined) => (p ? { value: p.value, grad: sink } : undefined);
    return this.layerParams.map((e) => ({
      weight: sunk(e.weight),
      bias: sunk(e.bias),
      gamma: sunk(e.gamma),
      beta: sunk(e.beta),
      running: e.running,
    }));
  }

  /** Every param and state by name, and any `extra` ranges read in the same copy (a consistent snapshot). */
  async readWeights(extra: readonly (Range & { readonly name: string })[] = []): Promise<NamedArrays> {
    const targets: (Range & { name: string })[] = [
      ...this.params.map((p) => ({ name: p.name, buffer: p.value, offset: 0, count: p.count })),
      ...this.states.map((s) => ({ ...s })),
      ...extra,
    ];
    return named(targets, await readRanges(this.device, 'read weights', targets));
  }

  /** The gradients of the last backward pass, by param name. */
  async readGradients(): Promise<NamedArrays> {
    const targets = this.params.map((p) => ({ name: p.name, buffer: p.grad, offset: 0, count: p.count }));
    return named(targets, await readRanges(this.device, 'read gradients', targets));
  }

  /**
   * Writes named values into the params and states (ordered before later submits). Every name
   * must be present with the right length, as loadWeights requires; extra names are ignored.
   */
  writeWeights(weights: Readonly<Record<string, ArrayLike<number>>>): void {
    const targets = [
      ...this.params.map((p) => ({ name: p.name, buffer: p.value, offset: 0, count: p.count })),
      ...this.states,
    ];
    for (const t of targets) {
      const source = weights[t.name];
      if (!source) throw new RangeError(`loadWeights: no values for "${t.name}"`);
      if (source.length !== t.count) {
        throw new RangeError(`loadWeights: "${t.name}" needs ${t.count} values, got ${source.length}`);
      }
    }
    for (const t of targets) writeBytes(this.device, t.buffer, Float32Array.from(weights[t.name]!), t.offset);
  }

  /**
   * Runs one sample [C, H, W] (floats) in evaluation mode and returns every layer's output as
   * [1, ...shape] tensors, aligned with summary.layers (a final softmax is applied on the host).
   */
  async forwardSample(image: Float32Array): Promise<Tensor[]> {
    const inputShape = this.summary.layers[0]!.outputShape;
    if (image.length !== sizeOf(inputShape)) {
      throw new RangeError(`forward: expected one sample of ${sizeOf(inputShape)} values, got ${image.length}`);
    }
    const plan = this.plan(1, false);
    writeBytes(this.device, plan.input, image);
    const encoder = this.device.createCommandEncoder({ label: 'forward sample' });
    const pass = encoder.beginComputePass({ label: 'forward sample' });
    for (const op of plan.forward) op.encode(pass);
    pass.end();
    this.device.queue.submit([encoder.finish()]);
    const kept = this.summary.layers.slice(0, this.logitsLayer + 1);
    const ranges = kept.map((l, i) => ({ buffer: plan.outputs[i]!, offset: 0, count: sizeOf(l.outputShape) }));
    const values = await readRanges(this.device, 'forward sample readback', ranges);
    const tensors: Tensor[] = kept.map((l, i) => ({ shape: [1, ...l.outputShape], data: values[i]! }));
    if (this.logitsLayer < this.summary.layers.length - 1) {
      const logits = values[this.logitsLayer]!;
      const p = new Float32Array(logits.length);
      softmaxForward(1, logits.length, logits, p);
      tensors.push({ shape: [1, logits.length], data: p });
    }
    return tensors;
  }

  /** Frees every buffer of the model and its plans. */
  destroy(): void {
    this.plans.clear();
    this.ctx.pool.destroy();
  }
}

function named(targets: readonly { name: string }[], values: readonly Float32Array[]): NamedArrays {
  const out: NamedArrays = {};
  targets.forEach((t, i) => {
    out[t.name] = values[i]!;
  });
  return out;
}
