/**
 * One CpuLayer per layer of a summarized spec: the glue between the model (which owns the
 * graph, the parameters and the gradient buffers) and the op kernels (which only see arrays).
 * A layer remembers what its backward pass needs from the last forward (its input, output,
 * pooling switches, dropout mask, batchnorm statistics) and nothing else. The array work goes
 * through a kernel provider (engine/cpu/kernels.ts): the TypeScript reference by default, or the
 * wasm engine's, which also decides where outputs and scratch live.
 *
 * CPU_LAYERS is the CPU half of the layer registry: one factory per layer type.
 */
import type { ActivationKind, LayerSummary, LayerType, ResolvedLayerOf } from '../spec/types';
import type { Rng } from '../tensor/rng';
import { sizeOf, type Tensor } from '../tensor/tensor';
import type { Param, ParamRole } from '../train/model';
import { defaultAlpha } from './activations';
import { addForward } from './add';
import { type BatchNormCache, batchNormBackward, batchNormForward } from './batchnorm';
import { concatBackward, concatForward } from './concat';
import { dropoutBackward, dropoutForward } from './dropout';
import { type ConvGeometry, convGeometry } from './geometry';
import { globalAvgPoolBackward, globalAvgPoolForward } from './globalavgpool';
import { type CpuKernels, Grow, tsKernels } from './kernels';
import { type LrnParams, lrnBackward, lrnForward } from './lrn';
import { softmaxBackward, softmaxForward } from './softmax';

export interface LayerContext {
  readonly training: boolean;
  readonly rng: Rng;
  /** Shared scratch (grow-only, contents undefined on entry) in numbered slots. */
  scratch(slot: number, length: number): Float32Array;
}

export interface CpuLayer {
  forward(inputs: readonly Tensor[], ctx: LayerContext): Tensor;
  /**
   * g = dL/d(this layer's output) for the last forward, which backward may overwrite. Writes
   * dL/d(input k) into dInputs[k] (overwriting; null = not needed) and the params' grads.
   */
  backward(g: Float32Array, dInputs: readonly (Float32Array | null)[], ctx: LayerContext): void;
}

export interface LayerParams {
  readonly weight?: Param;
  readonly bias?: Param;
  readonly gamma?: Param;
  readonly beta?: Param;
  readonly runningMean?: Float32Array;
  readonly runningVar?: Float32Array;
}

export { Grow };

const shapeOf = (batch: number, sample: readonly number[]): number[] => [batch, ...sample];

/** What a layer type's CPU factory is given: its summary (shapes, resolved settings), params and kernels. */
export interface CpuLayerInput<T extends LayerType> {
  readonly layer: LayerSummary;
  readonly r: ResolvedLayerOf<T>;
  readonly params: LayerParams;
  readonly k: CpuKernels;
}

export type CpuLayerFactory<T extends LayerType> = (input: CpuLayerInput<T>) => CpuLayer;

/** What a layer type's parameter rule creates its parameters and state with (engine/cpu/model.ts). */
export interface ParamMaker {
  /** The layer's weight of `shape`, regularised, initialised by the model's scheme (fans from shape and groups). */
  weight(shape: number[], groups: number): Param;
  /** Another parameter (a bias, gamma, beta), filled with `fill`. */
  param(role: ParamRole, shape: number[], fill: number, regularized: boolean): Param;
  /** A state buffer that is saved with the model but not trained (batchnorm's running statistics). */
  buffer(name: string, length: number, fill: number): Float32Array;
}

/** One layer type's CPU contract: its parameters (none when absent) and its layer. */
export interface CpuLayerType<T extends LayerType> {
  /** Creates its parameters in a fixed order: initialisation draws from the model's seed in it. */
  readonly params?: (layer: LayerSummary, r: ResolvedLayerOf<T>, make: ParamMaker) => LayerParams;
  readonly create: CpuLayerFactory<T>;
}

/**
 * The CPU half of the layer registry: one contract per layer type, keyed as the spec's registry
 * (engine/spec/layer-rules.ts). TypeScript refuses a layer type without an entry.
 */
export const CPU_LAYERS: { readonly [T in LayerType]: CpuLayerType<T> } = {
  input: {
    create: () => {
      throw new Error('createLayer: the input layer has no CpuLayer');
    },
  },
  conv2d: {
    params: (layer, r, make) => {
      const weight = make.weight([r.filters, layer.inputShape[0]! / r.groups, r.kernel[0], r.kernel[1]], r.groups);
      return r.bias ? { weight, bias: make.param('bias', [r.filters], 0, false) } : { weight };
    },
    create: convLayer,
  },
  dense: {
    params: (layer, r, make) => {
      const weight = make.weight([r.units, sizeOf(layer.inputShape)], 1);
      return r.bias ? { weight, bias: make.param('bias', [r.units], 0, false) } : { weight };
    },
    create: denseLayer,
  },
  maxpool: { create: poolLayer },
  avgpool: { create: poolLayer },
  globalavgpool: { create: ({ layer, k }) => globalAvgPoolLayer(layer.inputShape, layer.outputShape, k) },
  flatten: { create: ({ layer }) => flattenLayer(layer.outputShape) },
  activation: { create: ({ r, k }) => activationLayer(r.kind, r.alpha, k) },
  dropout: { create: ({ r, k }) => dropoutLayer(r.rate, k) },
  batchnorm: {
    params: (layer, _r, make) => {
      const channels = layer.inputShape[0]!;
      return {
        gamma: make.param('gamma', [channels], 1, false),
        beta: make.param('beta', [channels], 0, false),
        runningMean: make.buffer('runningMean', channels, 0),
        runningVar: make.buffer('runningVar', channels, 1),
      };
    },
    create: ({ layer, r, params, k }) => batchNormLayer(layer.inputShape, r.momentum, r.epsilon, params, k),
  },
  add: { create: ({ k }) => addLayer(k) },
  concat: { create: ({ layer, k }) => concatLayer(layer.outputShape, k) },
  lrn: { create: ({ layer, r, k }) => lrnLayer(layer.inputShape, r, k) },
  softmax: { create: ({ layer, k }) => softmaxLayer(sizeOf(layer.outputShape), k) },
};

/** The contract of `layer`'s type. */
export function cpuLayerType(layer: LayerSummary): CpuLayerType<LayerType> {
  // TypeScript cannot pair a union's member with its own entry of a mapped record; the record's
  // type guarantees each entry takes the resolved settings of its own type, which r.type selects.
  return CPU_LAYERS[layer.resolved.type] as CpuLayerType<LayerType>;
}

export function createLayer(layer: LayerSummary, params: LayerParams, kernels: CpuKernels = tsKernels): CpuLayer {
  return cpuLayerType(layer).create({ layer, r: layer.resolved, params, k: kernels });
}

function convLayer({ layer, r, params, k }: CpuLayerInput<'conv2d'>): CpuLayer {
  const out = k.output();
  const inShape = layer.inputShape;
  const outShape = layer.outputShape;
  const outSize = sizeOf(outShape);
  let geo: ConvGeometry | null = null;
  let x: Float32Array = new Float32Array(0);
  let y: Float32Array = new Float32Array(0);
  const w = params.weight!;
  const b = params.bias;
  const act = r.activation ? { kind: r.activation, alpha: defaultAlpha(r.activation) } : null;
  return {
    forward([input], ctx) {
      const batch = input!.shape[0]!;
      if (geo?.batch !== batch) {
        geo = convGeometry(shapeOf(batch, inShape), r.filters, r.kernel, r);
      }
      x = input!.data;
      y = out.get(batch * outSize);
      k.conv2dForward(geo, x, w.value, b ? b.value : null, y, act, ctx.scratch(0, k.conv2dScratchSize(geo)));
      return { shape: shapeOf(batch, outShape), data: y };
    },
    backward(g, [dx], ctx) {
      if (act) k.activationBackward(act.kind, act.alpha, y, g, g);
      const size = k.conv2dScratchSize(geo!);
      const grads = { dx: dx ?? null, dw: w.grad, db: b ? b.grad : null };
      k.conv2dBackward(geo!, x, w.value, g, grads, ctx.scratch(0, size), ctx.scratch(1, size));
    },
  };
}

function denseLayer({ layer, r, params, k }: CpuLayerInput<'dense'>): CpuLayer {
  const out = k.output();
  const inputs = sizeOf(layer.inputShape);
  let x: Float32Array = new Float32Array(0);
  let y: Float32Array = new Float32Array(0);
  let batch = 0;
  const w = params.weight!;
  const b = params.bias;
  const act = r.activation ? { kind: r.activation, alpha: defaultAlpha(r.activation) } : null;
  return {
    forward([input]) {
      batch = input!.shape[0]!;
      x = input!.data;
      y = out.get(batch * r.units);
      k.denseForward({ batch, inputs, units: r.units }, x, w.value, b ? b.value : null, y, act);
      return { shape: [batch, r.units], data: y };
    },
    backward(g, [dx]) {
      if (act) k.activationBackward(act.kind, act.alpha, y, g, g);
      const grads = { dx: dx ?? null, dw: w.grad, db: b ? b.grad : null };
      k.denseBackward({ batch, inputs, units: r.units }, x, w.value, g, grads);
    },
  };
}

function poolLayer({ layer, r, k }: CpuLayerInput<'maxpool' | 'avgpool'>): CpuLayer {
  const out = k.output();
  const inShape = layer.inputShape;
  const outSize = sizeOf(layer.outputShape);
  let geo: ConvGeometry | null = null;
  const switchBuffer = k.switches();
  let switches: Int32Array = new Int32Array(0);
  const max = r.type === 'maxpool';
  return {
    forward([input]) {
      const batch = input!.shape[0]!;
      if (geo?.batch !== batch) {
        geo = convGeometry(shapeOf(batch, inShape), inShape[0]!, r.size, r);
        switches = switchBuffer.get(max ? batch * outSize : 0);
      }
      const y = out.get(batch * outSize);
      if (max) k.maxpoolForward(geo, input!.data, y, switches);
      else k.avgpoolForward(geo, input!.data, y);
      return { shape: shapeOf(batch, layer.outputShape), data: y };
    },
    backward(g, [dx]) {
      if (!dx) return;
      if (max) k.maxpoolBackward(g, switches, dx);
      else k.avgpoolBackward(geo!, g, dx);
    },
  };
}

function globalAvgPoolLayer(inShape: readonly number[], outShape: readonly number[], k: CpuKernels): CpuLayer {
  const out = k.output();
  const size = sizeOf(inShape.slice(1));
  return {
    forward([input]) {
      const planes = input!.data.length / size;
      const y = out.get(planes);
      globalAvgPoolForward(planes, size, input!.data, y);
      return { shape: shapeOf(input!.shape[0]!, outShape), data: y };
    },
    backward(g, [dx]) {
      if (dx) globalAvgPoolBackward(g.length, size, g, dx);
    },
  };
}

/** A reshape: the output shares the input's data, and the gradient passes straight through. */
function flattenLayer(outShape: readonly number[]): CpuLayer {
  return {
    forward: ([input]) => ({ shape: shapeOf(input!.shape[0]!, outShape), data: input!.data }),
    backward(g, [dx]) {
      dx?.set(g);
    },
  };
}

function addLayer(k: CpuKernels): CpuLayer {
  const out = k.output();
  return {
    forward([a, b]) {
      const y = out.get(a!.data.length);
      addForward(a!.data, b!.data, y);
      return { shape: [...a!.shape], data: y };
    },
    backward(g, [da, db]) {
      da?.set(g);
      db?.set(g);
    },
  };
}

/** `classes` values per sample. */
function softmaxLayer(classes: number, k: CpuKernels): CpuLayer {
  const out = k.output();
  let y: Float32Array = new Float32Array(0);
  return {
    forward([input]) {
      y = out.get(input!.data.length);
      softmaxForward(input!.shape[0]!, classes, input!.data, y);
      return { shape: [...input!.shape], data: y };
    },
    backward(g, [dx]) {
      if (dx) softmaxBackward(g.length / classes, classes, y, g, dx);
    },
  };
}

function activationLayer(kind: ActivationKind, alpha: number, k: CpuKernels): CpuLayer {
  const out = k.output();
  let x: Float32Array = new Float32Array(0);
  let y: Float32Array = new Float32Array(0);
  return {
    forward([input]) {
      // Kept (not copied: no op writes a forward output later) for the derivative's branch.
      x = input!.data;
      y = out.get(input!.data.length);
      k.activationForward(kind, alpha, input!.data, y);
      return { shape: [...input!.shape], data: y };
    },
    backward(g, [dx]) {
      if (dx) k.activationBackwardFromInput(kind, alpha, x, y, g, dx);
    },
  };
}

/** Joins its inputs' samples end to end; backward hands each input its slice of the gradient. */
function concatLayer(outShape: readonly number[], k: CpuKernels): CpuLayer {
  const out = k.output();
  let sizes: number[] = [];
  let batch = 0;
  return {
    forward(inputs) {
      batch = inputs[0]!.shape[0]!;
      sizes = inputs.map((t) => t.data.length / batch);
      const y = out.get(batch * sizeOf(outShape));
      concatForward(
        batch,
        sizes,
        inputs.map((t) => t.data),
        y,
      );
      return { shape: shapeOf(batch, outShape), data: y };
    },
    backward(g, dInputs) {
      concatBackward(batch, sizes, g, dInputs);
    },
  };
}

function lrnLayer(inShape: readonly number[], p: LrnParams, k: CpuKernels): CpuLayer {
  const scale = k.scratch();
  const out = k.output();
  let x: Float32Array = new Float32Array(0);
  let dims = { batch: 0, channels: inShape[0]!, spatial: sizeOf(inShape.slice(1)) };
  return {
    forward([input]) {
      x = input!.data;
      dims = { ...dims, batch: input!.shape[0]! };
      const y = out.get(x.length);
      lrnForward(dims, p, x, y, scale.get(x.length));
      return { shape: [...input!.shape], data: y };
    },
    backward(g, [dx]) {
      if (dx) lrnBackward(dims, p, x, scale.get(x.length), g, dx);
    },
  };
}

function dropoutLayer(rate: number, k: CpuKernels): CpuLayer {
  const mask = k.scratch();
  const out = k.output();
  let dropped = false;
  return {
    forward([input], ctx) {
      const y = out.get(input!.data.length);
      dropped = ctx.training && rate > 0;
      if (dropped) dropoutForward(rate, input!.data, y, mask.get(y.length), ctx.rng);
      else y.set(input!.data);
      return { shape: [...input!.shape], data: y };
    },
    backward(g, [dx]) {
      if (!dx) return;
      if (dropped) dropoutBackward(mask.get(g.length), g, dx);
      else dx.set(g);
    },
  };
}

function batchNormLayer(
  inShape: readonly number[],
  momentum: number,
  epsilon: number,
  params: LayerParams,
  k: CpuKernels,
): CpuLayer {
  const output = k.output();
  const channels = inShape[0]!;
  const size = sizeOf(inShape.slice(1));
  const gamma = params.gamma!;
  const beta = params.beta!;
  const state = {
    gamma: gamma.value,
    beta: beta.value,
    runningMean: params.runningMean!,
    runningVar: params.runningVar!,
    momentum,
    epsilon,
  };
  const xhat = k.scratch();
  const invStd = new Float32Array(channels);
  let cache: BatchNormCache = { xhat: xhat.get(0), invStd };
  let training = false;
  let batch = 0;
  return {
    forward([input], ctx) {
      batch = input!.shape[0]!;
      training = ctx.training;
      const y = output.get(input!.data.length);
      cache = { xhat: xhat.get(y.length), invStd };
      batchNormForward({ batch, channels, size }, state, training, input!.data, y, cache);
      return { shape: [...input!.shape], data: y };
    },
    backward(g, [dx], ctx) {
      const out = dx ?? ctx.scratch(2, g.length);
      batchNormBackward({ batch, channels, size }, gamma.value, training, cache, g, out, gamma.grad, beta.grad);
    },
  };
}
