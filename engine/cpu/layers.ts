/**
 * One CpuLayer per layer of a summarized spec: the glue between the model (which owns the
 * graph, the parameters and the gradient buffers) and the op kernels (which only see arrays).
 * A layer remembers what its backward pass needs from the last forward (its input, output,
 * pooling switches, dropout mask, batchnorm statistics) and nothing else. The array work goes
 * through a kernel provider (engine/cpu/kernels.ts): the TypeScript reference by default, or the
 * wasm engine's, which also decides where outputs and scratch live.
 */
import type { ActivationKind, LayerSummary } from '../spec/types';
import type { Rng } from '../tensor/rng';
import { sizeOf, type Tensor } from '../tensor/tensor';
import type { Param } from '../train/model';
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

export function createLayer(layer: LayerSummary, params: LayerParams, kernels: CpuKernels = tsKernels): CpuLayer {
  const r = layer.resolved;
  const k = kernels;
  const out = k.output();
  const inShape = layer.inputShape;
  const outShape = layer.outputShape;
  const outSize = sizeOf(outShape);
  switch (r.type) {
    case 'conv2d': {
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
    case 'dense': {
      const inputs = sizeOf(inShape);
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
    case 'maxpool':
    case 'avgpool': {
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
          return { shape: shapeOf(batch, outShape), data: y };
        },
        backward(g, [dx]) {
          if (!dx) return;
          if (max) k.maxpoolBackward(g, switches, dx);
          else k.avgpoolBackward(geo!, g, dx);
        },
      };
    }
    case 'globalavgpool': {
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
    case 'flatten':
      // A reshape: the output shares the input's data, and the gradient passes straight through.
      return {
        forward: ([input]) => ({ shape: shapeOf(input!.shape[0]!, outShape), data: input!.data }),
        backward(g, [dx]) {
          dx?.set(g);
        },
      };
    case 'activation':
      return activationLayer(r.kind, r.alpha, k);
    case 'dropout':
      return dropoutLayer(r.rate, k);
    case 'batchnorm':
      return batchNormLayer(inShape, r.momentum, r.epsilon, params, k);
    case 'add':
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
    case 'concat':
      return concatLayer(outShape, k);
    case 'lrn':
      return lrnLayer(inShape, r, k);
    case 'softmax': {
      let y: Float32Array = new Float32Array(0);
      return {
        forward([input]) {
          y = out.get(input!.data.length);
          softmaxForward(input!.shape[0]!, outSize, input!.data, y);
          return { shape: [...input!.shape], data: y };
        },
        backward(g, [dx]) {
          if (dx) softmaxBackward(g.length / outSize, outSize, y, g, dx);
        },
      };
    }
    case 'input':
      throw new Error('createLayer: the input layer has no CpuLayer');
  }
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
