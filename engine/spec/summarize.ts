/**
 * summarize: the one pass that turns a ModelSpec into a ModelSummary. It validates everything
 * (ids, references, ranks, values, window fits, shortcut shapes) and computes each layer's shapes,
 * parameters and multiply-accumulates. Backends build from the summary, never from the raw spec,
 * so a model that summarizes is a model every backend can run.
 */

import { fail, short, type Where } from './checks';
import { SpecError } from './errors';
import { inferLayer } from './layer-rules';
import { SPEC_LIMITS, valueWithinDepth } from './limits';
import { linkLayers } from './links';
import { isLayerType, LAYER_TYPES } from './schema';
import type { LayerSpec, LayerSummary, ModelSpec, ModelSummary } from './types';

function checkStructure(spec: ModelSpec): readonly LayerSpec[] {
  const layers: unknown = (spec as { layers?: unknown } | null)?.layers;
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new SpecError('a model spec needs "layers": a non-empty list starting with an input layer.');
  }
  // Limits first (limits.ts), so nothing below loops over or recurses into a hostile spec.
  if (layers.length > SPEC_LIMITS.layers) {
    throw new SpecError(
      `the spec has ${layers.length} layers; ConvLab reads at most ${SPEC_LIMITS.layers} (DenseNet-121 has 427).`,
    );
  }
  if (!valueWithinDepth(layers, SPEC_LIMITS.jsonDepth - 1)) {
    throw new SpecError(`the spec nests lists and objects more than ${SPEC_LIMITS.jsonDepth} levels deep.`);
  }
  layers.forEach((layer: unknown, i) => {
    const type: unknown = typeof layer === 'object' && layer !== null ? (layer as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !isLayerType(type)) {
      throw new SpecError(`each layer needs a known "type" (${LAYER_TYPES.join(', ')}).`, i, null);
    }
    const id: unknown = (layer as { id?: unknown }).id;
    if (typeof id === 'string' && id.length > SPEC_LIMITS.idLength) {
      throw new SpecError(`"id" is ${id.length} characters long; ids are at most ${SPEC_LIMITS.idLength}.`, i, null);
    }
  });
  const typed = layers as readonly LayerSpec[];
  if (typed[0]?.type !== 'input') {
    throw new SpecError(
      'the first layer must be {"type": "input", "shape": [channels, height, width]}, which says what one sample looks like.',
      0,
      null,
    );
  }
  const extra = typed.findIndex((layer, i) => i > 0 && layer.type === 'input');
  if (extra > 0) {
    throw new SpecError('only the first layer can be an input layer; to branch, name a layer in "input".', extra, null);
  }
  return typed;
}

/** A layer's "trainable" flag (default true); anything but true or false is a SpecError. */
function trainableOf(layer: LayerSpec, where: Where): boolean {
  const value: unknown = layer.trainable;
  if (value === undefined || typeof value === 'boolean') return value ?? true;
  return fail(
    where,
    `"trainable" must be true or false (got ${short(value)}): false freezes this layer's weights, so training leaves them as they are.`,
  );
}

/**
 * The layer's output and parameters within the documented limits; returns its parameter count.
 * Checked as each layer is inferred, so no later layer (or backend) sees a runaway size.
 */
function checkSize(shape: readonly number[], params: number, before: number, where: Where): number {
  const elements = shape.reduce((a, b) => a * b, 1);
  const n = (x: number): string => x.toLocaleString('en-US');
  if (elements > SPEC_LIMITS.tensorElements) {
    fail(
      where,
      `its output has ${n(elements)} values per sample, more than ConvLab allows (${n(SPEC_LIMITS.tensorElements)}).`,
    );
  }
  if (params > SPEC_LIMITS.layerParams) {
    fail(
      where,
      `it has ${n(params)} parameters, more than ConvLab allows in one layer (${n(SPEC_LIMITS.layerParams)}).`,
    );
  }
  if (before + params > SPEC_LIMITS.totalParams) {
    fail(
      where,
      `the model reaches ${n(before + params)} parameters here, more than ConvLab allows (${n(SPEC_LIMITS.totalParams)}).`,
    );
  }
  return params;
}

/** Validates a spec and computes every layer's shapes, params and MACs; throws a SpecError. */
export function summarize(spec: ModelSpec): ModelSummary {
  const layers = checkStructure(spec);
  const { ids, inputs } = linkLayers(layers);
  const summaries: LayerSummary[] = [];
  let total = 0;
  layers.forEach((layer, index) => {
    const where = { index, id: ids[index]! };
    const from = inputs[index]!;
    const inputShape = from.length === 0 ? [] : summaries[from[0]!]!.outputShape;
    const sources = from.map((j) => ({ shape: summaries[j]!.outputShape, id: ids[j]! }));
    const inferred = inferLayer(layer, inputShape, where, sources);
    total += checkSize(inferred.outputShape, inferred.weights + inferred.biases, total, where);
    summaries.push({
      index,
      id: ids[index]!,
      type: layer.type,
      inputs: from,
      inputShape: layer.type === 'input' ? inferred.outputShape : inputShape,
      outputShape: inferred.outputShape,
      weights: inferred.weights,
      biases: inferred.biases,
      params: inferred.weights + inferred.biases,
      trainable: trainableOf(layer, where),
      macs: inferred.macs,
      resolved: inferred.resolved,
    });
  });
  return {
    name: spec.name ?? 'model',
    layers: summaries,
    outputShape: summaries[summaries.length - 1]!.outputShape,
    totalParams: summaries.reduce((sum, l) => sum + l.params, 0),
    trainableParams: summaries.reduce((sum, l) => sum + (l.trainable ? l.params : 0), 0),
    totalMacs: summaries.reduce((sum, l) => sum + l.macs, 0),
  };
}

/** The first problem with a spec, or null if it summarizes; for UIs that validate as you type. */
export function validateSpec(spec: ModelSpec): SpecError | null {
  try {
    summarize(spec);
    return null;
  } catch (error) {
    if (error instanceof SpecError) return error;
    // A spec so malformed that a check itself failed (e.g. a layer that is not an object).
    const why = error instanceof Error ? error.message : String(error);
    return new SpecError(`the spec could not be read: ${why}`);
  }
}
