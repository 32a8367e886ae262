/**
 * Shape, parameter and multiply-accumulate rules, one layer at a time. Conv and pooling live in
 * infer-spatial.ts, concat and lrn in infer-channels.ts; the rest is here. Each rule checks its own
 * values and its input's rank. layer-rules.ts maps each layer type to its rule.
 *
 * Counting conventions (see docs/model-spec.md):
 * - weights: conv filters·(C/groups)·kh·kw, dense in·units; biases: one per filter or unit.
 * - batchnorm: gamma and beta, 2·C, both reported as biases (neither is regularised), so totals
 *   match Keras's and PyTorch's trainable counts. Running statistics are not parameters.
 * - MACs: conv outH·outW·filters·(C/groups)·kh·kw, dense in·units, every other layer 0.
 */

import { fail, finiteNumber, optionalBoolean, positiveInt, product, shapeText, short, type Where } from './checks';
import { SPEC_LIMITS } from './limits';
import { isActivationKind } from './schema';
import type { LayerSpec, ResolvedLayer, SampleShape } from './types';

export interface Inferred {
  readonly outputShape: SampleShape;
  readonly weights: number;
  readonly biases: number;
  readonly macs: number;
  readonly resolved: ResolvedLayer;
}

/** A layer another reads from (an add's shortcut, a concat's inputs): its output shape and id. */
export interface Shortcut {
  readonly shape: SampleShape;
  readonly id: string;
}

/** The result of a rule for a layer without parameters or multiply-adds. */
export const free = (outputShape: SampleShape, resolved: ResolvedLayer): Inferred => ({
  outputShape,
  weights: 0,
  biases: 0,
  macs: 0,
  resolved,
});

export function inferInput(shape: unknown, where: Where): Inferred {
  if (!Array.isArray(shape) || shape.length !== 3) {
    fail(where, `the input "shape" must be [channels, height, width], e.g. [1, 28, 28] (got ${short(shape)}).`);
  }
  const names = ['channels', 'height', 'width'];
  const limits = [SPEC_LIMITS.channels, SPEC_LIMITS.spatial, SPEC_LIMITS.spatial];
  const clean = shape.map((n, i) => positiveInt(n, `shape[${i}] (${names[i]})`, where, limits[i]));
  return free(clean, { type: 'input' });
}

export function inferDense(layer: Extract<LayerSpec, { type: 'dense' }>, input: SampleShape, where: Where): Inferred {
  if (input.length !== 1) {
    const pooled = input.length === 3 ? `, or a globalavgpool layer (giving ${input[0]})` : '';
    fail(
      where,
      `dense needs a vector input, but its input is ${shapeText(input)}. ` +
        `Add a flatten layer before it (giving ${product(input)} features)${pooled}.`,
    );
  }
  const units = positiveInt(layer.units, 'units', where);
  const bias = optionalBoolean(layer.bias, true, 'bias', where);
  if (layer.activation !== undefined && !isActivationKind(layer.activation)) {
    fail(where, `unknown activation ${short(layer.activation)}.`);
  }
  const inFeatures = input[0]!;
  return {
    outputShape: [units],
    weights: inFeatures * units,
    biases: bias ? units : 0,
    macs: inFeatures * units,
    resolved: { type: 'dense', units, bias, activation: layer.activation ?? null },
  };
}

/** Default alpha: the leaky slope 0.01 or the ELU scale 1; unused (0) by the other kinds. */
function defaultAlpha(kind: string): number {
  if (kind === 'leakyRelu') return 0.01;
  if (kind === 'elu') return 1;
  return 0;
}

export function inferActivation(
  layer: Extract<LayerSpec, { type: 'activation' }>,
  input: SampleShape,
  where: Where,
): Inferred {
  if (!isActivationKind(layer.kind)) fail(where, `unknown activation kind ${short(layer.kind)}.`);
  const alpha = finiteNumber(layer.alpha, defaultAlpha(layer.kind), 'alpha', where);
  return free(input, { type: 'activation', kind: layer.kind, alpha });
}

export function inferDropout(rate: unknown, input: SampleShape, where: Where): Inferred {
  if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) {
    fail(where, `dropout "rate" is the probability of dropping a unit: at least 0 and below 1 (got ${short(rate)}).`);
  }
  return free(input, { type: 'dropout', rate });
}

export function inferBatchNorm(
  layer: Extract<LayerSpec, { type: 'batchnorm' }>,
  input: SampleShape,
  where: Where,
): Inferred {
  const momentum = finiteNumber(layer.momentum, 0.1, 'momentum', where);
  const epsilon = finiteNumber(layer.epsilon, 1e-5, 'epsilon', where);
  if (momentum < 0 || momentum > 1) fail(where, `"momentum" must be between 0 and 1 (got ${momentum}).`);
  if (epsilon <= 0)
    fail(where, `"epsilon" must be above 0 (got ${epsilon}); it keeps the division by the spread safe.`);
  // One gamma and one beta per channel (per feature for vectors).
  const channels = input[0]!;
  return { ...free(input, { type: 'batchnorm', momentum, epsilon }), biases: 2 * channels };
}

/** Smallest stride s with ceil(from / s) = to, for a 1x1 'same' projection suggestion. */
function projectionStride(from: number, to: number): number | null {
  for (let s = 1; s <= from; s++) if (Math.ceil(from / s) === to) return s;
  return null;
}

export function inferAdd(input: SampleShape, shortcut: Shortcut, where: Where): Inferred {
  const same = input.length === shortcut.shape.length && input.every((n, i) => n === shortcut.shape[i]);
  if (same) return free(input, { type: 'add' });
  let fix = 'Both inputs of add must have the same shape.';
  if (input.length === 3 && shortcut.shape.length === 3) {
    const s = projectionStride(shortcut.shape[1]!, input[1]!);
    if (s !== null && projectionStride(shortcut.shape[2]!, input[2]!) === s) {
      fix +=
        ` Project the shortcut first: {"type": "conv2d", "input": "${shortcut.id}", "filters": ${input[0]}, ` +
        `"kernel": 1, "stride": ${s}, "padding": "same"}, and add with that layer instead.`;
    }
  }
  fail(where, `cannot add ${shapeText(shortcut.shape)} from "${shortcut.id}" to its input ${shapeText(input)}. ${fix}`);
}

export function inferGlobalAvgPool(input: SampleShape, where: Where): Inferred {
  if (input.length !== 3)
    fail(where, `globalavgpool averages each channel's map, but its input is ${shapeText(input)}.`);
  return free([input[0]!], { type: 'globalavgpool' });
}

export function inferFlatten(input: SampleShape): Inferred {
  return free([product(input)], { type: 'flatten' });
}

export function inferSoftmax(input: SampleShape, where: Where): Inferred {
  if (input.length !== 1) {
    fail(
      where,
      `softmax turns a vector of scores into probabilities, but its input is ${shapeText(input)}. Add a flatten (and a dense) layer before it.`,
    );
  }
  return free(input, { type: 'softmax' });
}
