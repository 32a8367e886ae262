/**
 * The CPU model: builds parameters for a summarized spec and runs it forward and backward.
 *
 * The spec's layer list is already topologically ordered (a layer may only read layers above
 * it), so forward runs the layers in order, each reading the outputs its summary names in
 * `inputs`, and backward walks them in reverse. dL/d(output) of a layer read by two consumers
 * (a residual block's shortcut) is the SUM of what each consumer sends back: the first consumer
 * to finish writes the producer's gradient buffer, later ones add into it.
 *
 * Forward returns fresh output tensors each call (callers may keep them; with the wasm kernel
 * provider they are reused buffers instead, see CpuModelOptions.kernels); gradient buffers and
 * im2col scratch are reused between calls and grow to the largest batch seen.
 */
import { summarize } from '../spec/summarize';
import type { LayerSummary, ModelSpec } from '../spec/types';
import { createRng, type Rng } from '../tensor/rng';
import { sizeOf, type Tensor } from '../tensor/tensor';
import { fansOf, type InitScheme, initialize } from '../train/initializers';
import type { Buffer, ForwardOptions, Model, Param, ParamRole } from '../train/model';
import { type CpuKernels, type Reusable, tsKernels } from './kernels';
import {
  type CpuLayer,
  cpuLayerType,
  createLayer,
  type LayerContext,
  type LayerParams,
  type ParamMaker,
} from './layers';

export { getWeights, loadWeights } from './weights';

export interface CpuModelOptions {
  /** Seeds weight initialisation (and dropout masks when forward is given no rng). */
  readonly seed: number;
  /** Weight initialisation; default 'he' (Kaiming normal, for ReLU networks). */
  readonly init?: InitScheme;
  /**
   * Whether backward computes dL/d(input). Default true; a trainer that never looks at it can
   * turn it off and skip the first layer's input-gradient product.
   */
  readonly inputGradient?: boolean;
  /**
   * Who runs the array work and allocates the arrays: the TypeScript reference (default) or the
   * wasm engine's provider (engine/wasm/model.ts). With wasm, forward's outputs are reused buffers,
   * valid until the next forward.
   */
  readonly kernels?: CpuKernels;
}

export function createCpuModel(spec: ModelSpec, options: CpuModelOptions): Model {
  const summary = summarize(spec);
  const rng = createRng(options.seed);
  const init = options.init ?? 'he';
  const kernels = options.kernels ?? tsKernels;
  const params: Param[] = [];
  const buffers: Buffer[] = [];

  const layers: (CpuLayer | null)[] = summary.layers.map((layer) => {
    if (layer.type === 'input') return null;
    return createLayer(layer, buildParams(layer, init, rng, params, buffers, kernels), kernels);
  });
  const dropoutRng = rng.fork();
  const count = summary.layers.length;
  const last = summary.layers[count - 1]!;
  // Losses take logits, so a final softmax is left out of training (cross-entropy fuses it).
  const logits = last.type === 'softmax' ? count - 2 : count - 1;
  const inputShape = summary.layers[0]!.outputShape;

  const scratch: Reusable[] = [];
  const grads = summary.layers.map(() => kernels.scratch());
  const input = kernels.scratch();
  const makeContext = (training: boolean, forwardRng: Rng): LayerContext => ({
    training,
    rng: forwardRng,
    scratch(slot, length) {
      while (scratch.length <= slot) scratch.push(kernels.scratch());
      return scratch[slot]!.get(length);
    },
  });
  let context = makeContext(false, dropoutRng);
  let batch = 0;

  return {
    summary,
    params,
    buffers,
    logitsLayer: logits,
    forward(x: Tensor, forwardOptions: ForwardOptions): readonly Tensor[] {
      checkInput(x, inputShape);
      batch = x.shape[0]!;
      context = makeContext(forwardOptions.training, forwardOptions.rng ?? dropoutRng);
      // The wasm provider copies the batch into its memory once, rather than once per kernel that reads it.
      const outputs: Tensor[] = [kernels === tsKernels ? x : { shape: x.shape, data: copyInto(input, x.data) }];
      for (let i = 1; i < count; i++) {
        const from = summary.layers[i]!.inputs.map((j) => outputs[j]!);
        outputs.push(layers[i]!.forward(from, context));
      }
      return outputs;
    },
    backward(dLogits: Tensor): Tensor {
      if (batch === 0) throw new Error('backward: run forward first');
      const dims = summary.layers.map((l) => batch * sizeOf(l.outputShape));
      if (dLogits.data.length !== dims[logits]) {
        throw new RangeError(`backward: dLogits has ${dLogits.data.length} values, the logits have ${dims[logits]}`);
      }
      const written = new Array<boolean>(count).fill(false);
      grads[logits]!.get(dims[logits]!).set(dLogits.data);
      written[logits] = true;
      for (let i = logits; i >= 1; i--) {
        const layer = summary.layers[i]!;
        const g = grads[i]!.get(dims[i]!);
        if (!written[i]) g.fill(0); // not an ancestor of the logits: its output does not affect the loss
        const targets = gradientTargets(layer, written, dims, options.inputGradient ?? true);
        layers[i]!.backward(g, targets.arrays, context);
        targets.finish();
      }
      const dx = new Float32Array(batch * sizeOf(inputShape));
      if (written[0]) dx.set(grads[0]!.get(dims[0]!));
      return { shape: [batch, ...inputShape], data: dx };
    },
  };

  /**
   * Where layer's backward writes dL/d(input k): straight into the producer's gradient buffer if
   * nothing has written it yet, else into a temporary that `finish` adds in.
   */
  function gradientTargets(
    layer: LayerSummary,
    written: boolean[],
    dims: readonly number[],
    inputGradient: boolean,
  ): { arrays: (Float32Array | null)[]; finish: () => void } {
    const adds: [Float32Array, Float32Array][] = [];
    const direct: number[] = [];
    const arrays = layer.inputs.map((p, k): Float32Array | null => {
      const skippable = layer.type === 'conv2d' || layer.type === 'dense';
      if (p === 0 && !inputGradient && skippable) return null;
      const size = dims[p]!;
      if (!written[p] && !direct.includes(p)) {
        direct.push(p);
        return grads[p]!.get(size);
      }
      const temp = context.scratch(3 + k, size);
      adds.push([grads[p]!.get(size), temp]);
      return temp;
    });
    return {
      arrays,
      finish() {
        for (const p of direct) written[p] = true;
        for (const [sum, part] of adds) for (let i = 0; i < sum.length; i++) sum[i]! += part[i]!;
      },
    };
  }
}

function copyInto(buffer: Reusable, data: Float32Array): Float32Array {
  const copy = buffer.get(data.length);
  copy.set(data);
  return copy;
}

function checkInput(x: Tensor, inputShape: readonly number[]): void {
  const ok = x.shape.length === inputShape.length + 1 && inputShape.every((d, i) => x.shape[i + 1] === d);
  if (!ok || x.data.length !== sizeOf(x.shape)) {
    throw new RangeError(`forward: expected a batch [N, ${inputShape.join(', ')}], got [${x.shape.join(', ')}]`);
  }
}

/** Creates (and registers) the params and buffers of one layer by its type's rule, initialised in layer order. */
function buildParams(
  layer: LayerSummary,
  init: InitScheme,
  rng: Rng,
  params: Param[],
  buffers: Buffer[],
  kernels: CpuKernels,
): LayerParams {
  const add = (role: ParamRole, shape: number[], fill: number, regularized: boolean): Param => {
    const n = sizeOf(shape);
    const param: Param = {
      name: `${layer.id}.${role}`,
      layer: layer.index,
      role,
      shape,
      value: kernels.persistent(n).fill(fill),
      grad: kernels.persistent(n),
      regularized,
      trainable: layer.trainable,
    };
    params.push(param);
    return param;
  };
  const buffer = (name: string, n: number, fill: number): Float32Array => {
    const value = kernels.persistent(n).fill(fill);
    buffers.push({ name: `${layer.id}.${name}`, value });
    return value;
  };
  const make: ParamMaker = {
    weight(shape, groups) {
      const weight = add('weight', shape, 0, true);
      initialize(weight.value, init, fansOf(shape, groups), rng);
      return weight;
    },
    param: add,
    buffer,
  };
  return cpuLayerType(layer).params?.(layer, layer.resolved, make) ?? {};
}
