/**
 * The spec's half of the layer registry: for every layer type, the rule that checks its settings
 * and infers its output shape, parameter and multiply-add counts and resolved settings. Adding a
 * layer type means a variant in types.ts and an entry here (TypeScript refuses a type without
 * one), then its CPU entry (engine/cpu/layers.ts) and GPU entry (engine/gpu/layers.ts), keyed by
 * the same type. (Its JSON fields are the type's entry in schema.ts LAYER_FIELDS, also exhaustive.)
 * The spec stays free of backend code: the backends import it, never the reverse.
 */
import { fail, short, type Where } from './checks';
import {
  type Inferred,
  inferActivation,
  inferAdd,
  inferBatchNorm,
  inferDense,
  inferDropout,
  inferFlatten,
  inferGlobalAvgPool,
  inferInput,
  inferSoftmax,
  type Shortcut,
} from './infer';
import { inferConcat, inferLrn } from './infer-channels';
import { inferConv2d, inferPool } from './infer-spatial';
import { isLayerType } from './schema';
import type { LayerSpec, LayerType, SampleShape } from './types';

/** The spec of a layer of type T. */
export type LayerSpecOf<T extends LayerType> = LayerSpec & { readonly type: T };

/**
 * One layer type's rule: its spec, the shape it reads, where it is (for errors) and every layer it
 * reads (sources, in the order of its summary's inputs: [source, shortcut] for add).
 */
export type LayerRule<T extends LayerType> = (
  layer: LayerSpecOf<T>,
  input: SampleShape,
  where: Where,
  sources: readonly Shortcut[],
) => Inferred;

export const LAYER_RULES: { readonly [T in LayerType]: LayerRule<T> } = {
  input: (layer, _input, where) => inferInput(layer.shape, where),
  conv2d: (layer, input, where) => inferConv2d(layer, input, where),
  maxpool: (layer, input, where) => inferPool(layer, input, where),
  avgpool: (layer, input, where) => inferPool(layer, input, where),
  globalavgpool: (_layer, input, where) => inferGlobalAvgPool(input, where),
  flatten: (_layer, input) => inferFlatten(input),
  dense: (layer, input, where) => inferDense(layer, input, where),
  activation: (layer, input, where) => inferActivation(layer, input, where),
  dropout: (layer, input, where) => inferDropout(layer.rate, input, where),
  batchnorm: (layer, input, where) => inferBatchNorm(layer, input, where),
  add: (_layer, input, where, sources) => {
    const shortcut = sources[1];
    if (shortcut === undefined) fail(where, 'an add layer needs "with": the id of the layer to add.');
    return inferAdd(input, shortcut, where);
  },
  concat: (_layer, _input, where, sources) => inferConcat(sources, where),
  lrn: (layer, input, where) => inferLrn(layer, input, where),
  softmax: (_layer, input, where) => inferSoftmax(input, where),
};

/**
 * Output shape, parameters, MACs and resolved settings of one layer, given its input shape and
 * every layer it reads (sources, in the order of its summary's inputs).
 */
export function inferLayer(
  layer: LayerSpec,
  input: SampleShape,
  where: Where,
  sources: readonly Shortcut[] = [],
): Inferred {
  if (typeof layer.type !== 'string' || !isLayerType(layer.type))
    return fail(where, `unknown layer type ${short(layer.type)}.`);
  // TypeScript cannot pair a union's member with its own entry of a mapped record; the record's
  // type guarantees each entry takes the spec of its own type, which is what layer.type selects.
  const rule = LAYER_RULES[layer.type] as LayerRule<LayerType>;
  return rule(layer, input, where, sources);
}
