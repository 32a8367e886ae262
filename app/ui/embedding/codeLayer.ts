/**
 * Which layer's outputs to embed by default: the "CNN code" is what the classifier reads, so the
 * input of the last dense layer; a net with no dense layer gets the layer just before its output
 * (e.g. the feature maps that global average pooling turns into class scores). Trailing softmax,
 * activation and dropout layers are not the output's "real" layer, and dropout in front of the
 * code is skipped too (it is the identity when the codes are read). Pure: summary in, choice out.
 */
import type { LayerSummary, ModelSummary } from '../../../engine/spec/types';

export type CodeLayerChoice =
  | { readonly index: number; readonly reason: string }
  | { readonly index: null; readonly reason: string };

/** Layers after the scores that do not change which layer is "the output". */
const AFTER_OUTPUT = new Set(['softmax', 'activation', 'dropout']);
/** Layers in front of a code that leave it as it is when codes are read (evaluation mode). */
const IDENTITY = new Set(['dropout']);

/** The layer that `index` passes on, walking back through `skip` layers to a real one (or the input). */
function settle(layers: readonly LayerSummary[], index: number, skip: ReadonlySet<string> = IDENTITY): number {
  let i = index;
  while (i > 0 && skip.has(layers[i]!.type)) i = layers[i]!.inputs[0] ?? i - 1;
  return i;
}

export function defaultCodeLayer(summary: ModelSummary): CodeLayerChoice {
  const layers = summary.layers;
  const output = settle(layers, layers.length - 1, AFTER_OUTPUT);
  const dense = layers.findLastIndex((l) => l.type === 'dense');
  if (dense > 0) {
    const index = settle(layers, layers[dense]!.inputs[0] ?? dense - 1);
    if (index > 0) return { index, reason: `the input of the last dense layer (${layers[dense]!.id})` };
    return { index: null, reason: 'The last dense layer reads the image itself: there is no code to embed.' };
  }
  const before = output > 0 ? settle(layers, layers[output]!.inputs[0] ?? output - 1) : 0;
  if (before > 0)
    return { index: before, reason: `no dense layer: the layer before the output (${layers[output]!.id})` };
  return { index: null, reason: 'This net has no layer between the image and its output: there is no code to embed.' };
}

/** Layers whose outputs can be embedded: every layer after the input. */
export function codeLayers(summary: ModelSummary): readonly LayerSummary[] {
  return summary.layers.filter((l) => l.index > 0);
}
