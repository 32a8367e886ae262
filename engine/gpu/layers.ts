/**
 * One GpuLayer per layer of a summarized spec, for one batch size and mode: its output buffer,
 * the ops of its forward pass and a builder for its backward ops. This mirrors
 * engine/cpu/layers.ts op for op; everything is created here, once per plan, and a step only
 * encodes. A backward returns the buffers holding dL/d(input k): often new buffers, sometimes
 * the incoming gradient itself (flatten, add, eval dropout), since no op ever writes a gradient
 * buffer after it was produced, so aliasing is safe.
 *
 * GPU_LAYERS is the GPU half of the layer registry: one factory per layer type.
 */
import { defaultAlpha } from '../cpu/activations';
import { convGeometry } from '../cpu/geometry';
import type { LayerSummary, LayerType, ResolvedLayerOf } from '../spec/types';
import { sizeOf } from '../tensor/tensor';
import { activationBackwardOp, activationForwardOp } from './activation';
import { batchnormBackwardOp, batchnormForwardEvalOp, batchnormForwardTrainOp } from './batchnorm';
import { batchnormBackwardEvalOp } from './batchnorm-eval-backward';
import { biasBackwardOp } from './bias';
import { concatBackwardOp, concatForwardOp, concatSlices } from './concat';
import { conv2dBackwardInputOp, conv2dBackwardWeightsOp, conv2dForwardOp } from './conv2d';
import { denseBackwardInputOp, denseBackwardWeightsOp, denseForwardOp } from './dense';
import { addOp, type DropoutOp, dropoutForwardOp, multiplyOp } from './elementwise';
import { lrnBackwardOp, lrnForwardOp } from './lrn';
import type { GpuContext, Op } from './op';
import {
  avgpoolBackwardOp,
  avgpoolForwardOp,
  globalAvgPoolBackwardOp,
  globalAvgPoolForwardOp,
  maxpoolBackwardOp,
  maxpoolForwardOp,
} from './pool';

/** The GPU buffers of one layer's trainable parameters and state. */
export interface GpuLayerParams {
  readonly weight?: { readonly value: GPUBuffer; readonly grad: GPUBuffer };
  readonly bias?: { readonly value: GPUBuffer; readonly grad: GPUBuffer };
  readonly gamma?: { readonly value: GPUBuffer; readonly grad: GPUBuffer };
  readonly beta?: { readonly value: GPUBuffer; readonly grad: GPUBuffer };
  /** Batchnorm running statistics: C means then C variances. */
  readonly running?: GPUBuffer;
}

export interface LayerBackward {
  readonly ops: readonly Op[];
  /** dL/d(input k), or null where not wanted. */
  readonly dInputs: readonly (GPUBuffer | null)[];
}

export interface GpuLayer {
  readonly y: GPUBuffer;
  readonly forward: readonly Op[];
  /** The dropout op, whose seed the trainer sets every step; null otherwise. */
  readonly dropout: DropoutOp | null;
  /** Builds the backward ops from g = dL/d(y); `want[k]` says whether dL/d(input k) is needed. */
  backward(g: GPUBuffer, want: readonly boolean[]): LayerBackward;
}

/** What a layer type's GPU factory is given: the layer, its buffers, and helpers for its own. */
export interface GpuLayerInput<T extends LayerType> {
  readonly ctx: GpuContext;
  readonly layer: LayerSummary;
  readonly r: ResolvedLayerOf<T>;
  readonly p: GpuLayerParams;
  /** The buffers it reads: x = inputs[0], then an add's shortcut or a concat's other inputs. */
  readonly inputs: readonly GPUBuffer[];
  readonly x: GPUBuffer;
  /** Values per sample of each input (concat needs them to place each slice). */
  readonly inputSizes: readonly number[];
  readonly batch: number;
  readonly training: boolean;
  /** The label prefix of every GPU object it makes: layer id, batch size and mode. */
  readonly tag: string;
  /** Values in its output and in its (first) input, for the whole batch. */
  readonly outCount: number;
  readonly inCount: number;
  /** A new storage buffer of `count` floats, labelled with the tag and `what`. */
  buffer(what: string, count: number): GPUBuffer;
}

export type GpuLayerFactory<T extends LayerType> = (input: GpuLayerInput<T>) => GpuLayer;

/** A layer with no dropout op. */
const simple = (
  y: GPUBuffer,
  forward: readonly Op[],
  backward: (g: GPUBuffer, want: readonly boolean[]) => LayerBackward,
): GpuLayer => ({ y, forward, dropout: null, backward });

/** Its output is its input (a reshape, evaluation-mode dropout): the gradient passes straight through. */
const passThrough = (x: GPUBuffer): GpuLayer => simple(x, [], (g) => ({ ops: [], dInputs: [g] }));

/** A layer whose backward is one op writing dx (skipped when dx is not wanted). */
function oneInput(
  { buffer, inCount }: GpuLayerInput<LayerType>,
  y: GPUBuffer,
  forward: readonly Op[],
  backwardOp: (dy: GPUBuffer, dx: GPUBuffer) => Op,
): GpuLayer {
  return simple(y, forward, (dy, want) => {
    if (!want[0]) return { ops: [], dInputs: [null] };
    const dx = buffer('dx', inCount);
    return { ops: [backwardOp(dy, dx)], dInputs: [dx] };
  });
}

function noGpuLayer({ layer, r }: GpuLayerInput<LayerType>): never {
  throw new Error(`${layer.id}: ${r.type} has no GPU layer (a final softmax is folded into the loss)`);
}

/**
 * The GPU half of the layer registry: one factory per layer type, keyed as the spec's registry
 * (engine/spec/layer-rules.ts). TypeScript refuses a layer type without an entry.
 */
export const GPU_LAYERS: { readonly [T in LayerType]: GpuLayerFactory<T> } = {
  input: noGpuLayer,
  conv2d: weightedLayer,
  dense: weightedLayer,
  maxpool: poolLayer,
  avgpool: poolLayer,
  globalavgpool: globalAvgPoolLayer,
  flatten: ({ x }) => passThrough(x),
  activation: activationLayer,
  dropout: dropoutLayer,
  batchnorm: batchnormLayer,
  add: addLayer,
  concat: concatLayer,
  lrn: lrnLayer,
  softmax: noGpuLayer,
};

/** `inputSizes[k]`: values per sample of input k (concat needs them to place each slice). */
export function buildLayer(
  ctx: GpuContext,
  layer: LayerSummary,
  p: GpuLayerParams,
  inputs: readonly GPUBuffer[],
  inputSizes: readonly number[],
  batch: number,
  training: boolean,
): GpuLayer {
  const tag = `${layer.id} b${batch}${training ? '' : ' eval'}`;
  const input: GpuLayerInput<LayerType> = {
    ctx,
    layer,
    r: layer.resolved,
    p,
    inputs,
    x: inputs[0]!,
    inputSizes,
    batch,
    training,
    tag,
    outCount: batch * sizeOf(layer.outputShape),
    inCount: batch * sizeOf(layer.inputShape),
    buffer: (what, count) => ctx.pool.storage(`${tag} ${what}`, count * 4),
  };
  // TypeScript cannot pair a union's member with its own entry of a mapped record; the record's
  // type guarantees each entry takes the resolved settings of its own type, which r.type selects.
  const factory = GPU_LAYERS[layer.resolved.type] as GpuLayerFactory<LayerType>;
  return factory(input);
}

/** conv2d and dense: a fused forward op, then activation, bias, weight and input gradients. */
function weightedLayer(input: GpuLayerInput<'conv2d' | 'dense'>): GpuLayer {
  const { ctx, layer, r, p, x, batch, tag, outCount, inCount, buffer } = input;
  const y = buffer('y', outCount);
  const act = { kind: r.activation, alpha: r.activation ? defaultAlpha(r.activation) : 0 };
  const w = p.weight!;
  const b = p.bias ?? null;
  const geo = r.type === 'conv2d' ? convGeometry([batch, ...layer.inputShape], r.filters, r.kernel, r) : null;
  const dims = { batch, inputs: sizeOf(layer.inputShape), units: r.type === 'dense' ? r.units : 0 };
  const forward = geo
    ? conv2dForwardOp(ctx, `${tag} forward`, geo, { x, w: w.value, b: b ? b.value : null, y }, act)
    : denseForwardOp(ctx, `${tag} forward`, dims, { x, w: w.value, b: b ? b.value : null, y }, act);
  return simple(y, [forward], (g, want) => {
    const ops: Op[] = [];
    let dy = g;
    if (act.kind) {
      // The fused activation's gradient, from its output y (also bound as x: the default alpha
      // is positive, so y > 0 exactly when x > 0), into the pre-activation gradient.
      dy = buffer('pre-activation grad', outCount);
      ops.push(
        activationBackwardOp(ctx, `${tag} activation backward`, act.kind, act.alpha, outCount, {
          x: y,
          y,
          dy: g,
          dx: dy,
        }),
      );
    }
    if (b) {
      const size = geo ? geo.outH * geo.outW : 1;
      const channels = geo ? geo.outC : dims.units;
      ops.push(biasBackwardOp(ctx, `${tag} bias backward`, { batch, channels, size }, { dy, db: b.grad }));
    }
    const lw = `${tag} weight backward`;
    ops.push(
      geo
        ? conv2dBackwardWeightsOp(ctx, lw, geo, { x, dy, dw: w.grad })
        : denseBackwardWeightsOp(ctx, lw, dims, { x, dy, dw: w.grad }),
    );
    if (!want[0]) return { ops, dInputs: [null] };
    const dx = buffer('dx', inCount);
    const li = `${tag} input backward`;
    ops.push(
      geo
        ? conv2dBackwardInputOp(ctx, li, geo, { dy, w: w.value, dx })
        : denseBackwardInputOp(ctx, li, dims, { dy, w: w.value, dx }),
    );
    return { ops, dInputs: [dx] };
  });
}

function poolLayer(input: GpuLayerInput<'maxpool' | 'avgpool'>): GpuLayer {
  const { ctx, layer, r, x, batch, tag, outCount, buffer } = input;
  const y = buffer('y', outCount);
  const geo = convGeometry([batch, ...layer.inputShape], layer.inputShape[0]!, r.size, r);
  const switches = r.type === 'maxpool' ? buffer('switches', outCount) : null;
  const forward = switches
    ? maxpoolForwardOp(ctx, `${tag} forward`, geo, { x, y, switches })
    : avgpoolForwardOp(ctx, `${tag} forward`, geo, { x, y });
  return oneInput(input, y, [forward], (dy, dx) =>
    switches
      ? maxpoolBackwardOp(ctx, `${tag} backward`, geo, { dy, switches, dx })
      : avgpoolBackwardOp(ctx, `${tag} backward`, geo, { dy, dx }),
  );
}

function globalAvgPoolLayer(input: GpuLayerInput<'globalavgpool'>): GpuLayer {
  const { ctx, layer, x, batch, tag, outCount, buffer } = input;
  const y = buffer('y', outCount);
  const planes = batch * layer.inputShape[0]!;
  const size = sizeOf(layer.inputShape.slice(1));
  const forward = globalAvgPoolForwardOp(ctx, `${tag} forward`, planes, size, { x, y });
  return oneInput(input, y, [forward], (dy, dx) =>
    globalAvgPoolBackwardOp(ctx, `${tag} backward`, planes, size, { dy, dx }),
  );
}

function activationLayer(input: GpuLayerInput<'activation'>): GpuLayer {
  const { ctx, r, x, tag, outCount, buffer } = input;
  const y = buffer('y', outCount);
  const forward = activationForwardOp(ctx, `${tag} forward`, r.kind, r.alpha, outCount, { x, y });
  return oneInput(input, y, [forward], (dy, dx) =>
    activationBackwardOp(ctx, `${tag} backward`, r.kind, r.alpha, outCount, { x, y, dy, dx }),
  );
}

function dropoutLayer({ ctx, r, x, training, tag, outCount, inCount, buffer }: GpuLayerInput<'dropout'>): GpuLayer {
  // Evaluation passes values through unchanged, as the CPU does (inverted dropout).
  if (!training) return passThrough(x);
  const y = buffer('y', outCount);
  const mask = buffer('mask', outCount);
  const dropout = dropoutForwardOp(ctx, `${tag} forward`, r.rate, outCount, { x, y, mask });
  return {
    y,
    forward: [dropout.op],
    dropout,
    backward(dy, want) {
      if (!want[0]) return { ops: [], dInputs: [null] };
      const dx = buffer('dx', inCount);
      return { ops: [multiplyOp(ctx, `${tag} backward`, outCount, { a: dy, b: mask, c: dx })], dInputs: [dx] };
    },
  };
}

function batchnormLayer(input: GpuLayerInput<'batchnorm'>): GpuLayer {
  const { ctx, layer, r, p, x, batch, training, tag, outCount, inCount, buffer } = input;
  const y = buffer('y', outCount);
  const dims = { batch, channels: layer.inputShape[0]!, size: sizeOf(layer.inputShape.slice(1)) };
  const h = { momentum: r.momentum, epsilon: r.epsilon };
  const [gamma, beta, running] = [p.gamma!, p.beta!, p.running!];
  const common = { x, gamma: gamma.value, beta: beta.value, y, running };
  if (!training) {
    // Evaluation-mode backward (gradients with respect to the image): a per-channel scale.
    const forward = batchnormForwardEvalOp(ctx, `${tag} forward`, dims, h, common);
    return oneInput(input, y, [forward], (dy, dx) =>
      batchnormBackwardEvalOp(ctx, `${tag} backward`, dims, h.epsilon, { dy, gamma: gamma.value, running, dx }),
    );
  }
  const xhat = buffer('xhat', outCount);
  const invStd = buffer('invStd', dims.channels);
  const forward = batchnormForwardTrainOp(ctx, `${tag} forward`, dims, h, { ...common, xhat, invStd });
  return simple(y, [forward], (dy) => {
    // Always run: it also writes dgamma and dbeta.
    const dx = buffer('dx', inCount);
    const b = { dy, xhat, gamma: gamma.value, invStd, dx, dgamma: gamma.grad, dbeta: beta.grad };
    return { ops: [batchnormBackwardOp(ctx, `${tag} backward`, dims, b)], dInputs: [dx] };
  });
}

function addLayer({ ctx, inputs, x, tag, outCount, buffer }: GpuLayerInput<'add'>): GpuLayer {
  const y = buffer('y', outCount);
  const forward = addOp(ctx, `${tag} forward`, outCount, { a: x, b: inputs[1]!, c: y });
  return simple(y, [forward], (g) => ({ ops: [], dInputs: [g, g] }));
}

function concatLayer({ ctx, inputs, inputSizes, batch, tag, outCount, buffer }: GpuLayerInput<'concat'>): GpuLayer {
  const y = buffer('y', outCount);
  const slices = concatSlices(batch, inputSizes);
  const forward = slices.map((s, k) => concatForwardOp(ctx, `${tag} forward ${k}`, s, { x: inputs[k]!, y }));
  return simple(y, forward, (dy, want) => {
    const ops: Op[] = [];
    const dInputs = slices.map((s, k) => {
      if (!want[k]) return null;
      const dx = buffer(`dx ${k}`, s.batch * s.size);
      ops.push(concatBackwardOp(ctx, `${tag} backward ${k}`, s, { dy, dx }));
      return dx;
    });
    return { ops, dInputs };
  });
}

function lrnLayer(input: GpuLayerInput<'lrn'>): GpuLayer {
  const { ctx, layer, r, x, batch, tag, outCount, buffer } = input;
  const y = buffer('y', outCount);
  const scale = buffer('scale', outCount);
  const dims = { batch, channels: layer.inputShape[0]!, spatial: sizeOf(layer.inputShape.slice(1)) };
  const forward = lrnForwardOp(ctx, `${tag} forward`, dims, r, { x, y, scale });
  return oneInput(input, y, [forward], (dy, dx) =>
    lrnBackwardOp(ctx, `${tag} backward`, dims, r, { x, scale, dy, dx }),
  );
}
