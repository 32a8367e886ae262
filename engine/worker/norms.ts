/**
 * Per-parameter L2 norms of the weights and of their latest gradients, computed in the worker so
 * the page's norm views (the studio's NormsView, a lesson's gradient-norm chart) receive a few
 * numbers per layer instead of every weight and gradient. The CPU engines sum their arrays in
 * place (here); on WebGPU the sums of squares are reduced on the device (engine/gpu/param-norms.ts,
 * called by engine/gpu/host.ts) and only two small partial-sum arrays are read back.
 */

import type { Model } from '../train/model';

/** One parameter's norms. `layer` is the layer id (everything before the last dot of `param`). */
export interface ParamNorm {
  readonly layer: string;
  /** The parameter's name, e.g. "conv2d_1.weight". */
  readonly param: string;
  readonly weightNorm: number;
  readonly gradNorm: number;
}

/** Σ v² in double precision (a float32 running sum loses digits over millions of weights). */
export function sumOfSquares(data: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += data[i]! * data[i]!;
  return sum;
}

/** The layer id of a parameter name `${layerId}.${role}` (engine/cpu/model.ts). */
export function layerOfParam(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export function normOf(param: string, weightSquares: number, gradSquares: number): ParamNorm {
  return { layer: layerOfParam(param), param, weightNorm: Math.sqrt(weightSquares), gradNorm: Math.sqrt(gradSquares) };
}

/** Norms of every param of a CPU model, in the model's param order. */
export function cpuParamNorms(model: Model): ParamNorm[] {
  return model.params.map((p) => normOf(p.name, sumOfSquares(p.value), sumOfSquares(p.grad)));
}
