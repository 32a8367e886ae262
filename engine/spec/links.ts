/**
 * Names and wiring: gives every layer an id (its own, or "<type>_<n>" counting layers of that
 * type from 1, as Keras does) and resolves `input` and `with` to layer indices. A layer may only
 * read from layers above it, so the list order is a valid evaluation order.
 */

import { SpecError } from './errors';
import { closestWord } from './schema';
import type { LayerSpec } from './types';

export interface Links {
  /** ids[i]: the given or generated id of layer i. */
  readonly ids: readonly string[];
  /**
   * inputs[i]: the layers layer i reads; [] for the input layer, [source, shortcut] for add, the
   * joined layers in order for concat.
   */
  readonly inputs: readonly (readonly number[])[];
}

function generatedIds(layers: readonly LayerSpec[]): string[] {
  const counts = new Map<string, number>();
  return layers.map((layer) => {
    const n = (counts.get(layer.type) ?? 0) + 1;
    counts.set(layer.type, n);
    return `${layer.type}_${n}`;
  });
}

function assignIds(layers: readonly LayerSpec[]): string[] {
  const generated = generatedIds(layers);
  const ids = layers.map((layer, i) => layer.id ?? generated[i]!);
  const owner = new Map<string, number>();
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || id.length === 0) {
      throw new SpecError('"id" must be a non-empty text.', i, generated[i]!);
    }
    const first = owner.get(id);
    if (first === undefined) {
      owner.set(id, i);
      return;
    }
    // Report on whichever of the two chose the name, so the fix lands on a layer the user wrote.
    const chosen = layers[i]!.id !== undefined ? i : first;
    const other = chosen === i ? first : i;
    const otherNote = layers[other]!.id === undefined ? ' (its automatic name)' : '';
    throw new SpecError(`the id "${id}" is also used by layer ${other}${otherNote}; ids must be unique.`, chosen, id);
  });
  return ids;
}

function resolve(
  ref: unknown,
  field: 'input' | 'with' | 'inputs',
  index: number,
  ids: readonly string[],
  byId: ReadonlyMap<string, number>,
): number {
  const here = ids[index]!;
  if (typeof ref !== 'string' || ref.length === 0) {
    throw new SpecError(`"${field}" must name an earlier layer by its id.`, index, here);
  }
  const target = byId.get(ref);
  if (target === undefined) {
    const earlier = ids.slice(0, index);
    const guess = closestWord(ref, earlier);
    const hint = guess ? ` Did you mean "${guess}"?` : '';
    // The nearest 20 layers are enough to find the one meant; a deep network would list hundreds.
    const listed = earlier.length > 20 ? `…, ${earlier.slice(-20).join(', ')}` : earlier.join(', ');
    const name = ref.length > 40 ? `${ref.slice(0, 40)}…` : ref;
    throw new SpecError(
      `"${field}" names "${name}", but no layer has that id.${hint} Layers above this one: ${listed}.`,
      index,
      here,
    );
  }
  if (target >= index) {
    const where = target === index ? 'this layer itself' : `layer ${target}, which comes later`;
    throw new SpecError(
      `"${field}" names "${ref}", ${where}; a layer can only read from layers above it.`,
      index,
      here,
    );
  }
  return target;
}

/** A concat's "inputs": two or more distinct earlier layers, and no "input" beside them. */
function resolveConcat(
  layer: LayerSpec,
  i: number,
  ids: readonly string[],
  byId: ReadonlyMap<string, number>,
): number[] {
  const here = ids[i]!;
  if (layer.input !== undefined) {
    throw new SpecError(
      `a concat layer reads only the layers listed in "inputs"; remove "input" and list "${String(layer.input)}" in "inputs" instead.`,
      i,
      here,
    );
  }
  const raw: unknown = (layer as { inputs?: unknown }).inputs;
  const example = i >= 2 ? `, e.g. ["${ids[i - 2]}", "${ids[i - 1]}"]` : '';
  if (!Array.isArray(raw)) {
    throw new SpecError(
      `a concat layer needs "inputs": the ids of two or more earlier layers to join${example}.`,
      i,
      here,
    );
  }
  if (raw.length < 2) {
    throw new SpecError(
      `concat joins two or more layers, but "inputs" names ${raw.length === 0 ? 'none' : 'only one'}; to pass one layer on, use "input" on the next layer instead.`,
      i,
      here,
    );
  }
  const sources = raw.map((ref: unknown) => resolve(ref, 'inputs', i, ids, byId));
  const twice = sources.find((p, k) => sources.indexOf(p) !== k);
  if (twice !== undefined) {
    throw new SpecError(`"inputs" lists "${ids[twice]}" more than once; each joined layer appears once.`, i, here);
  }
  return sources;
}

/** Assigns ids and resolves every layer's inputs; throws a SpecError on duplicate or bad references. */
export function linkLayers(layers: readonly LayerSpec[]): Links {
  const ids = assignIds(layers);
  const byId = new Map(ids.map((id, i) => [id, i] as const));
  const inputs = layers.map((layer, i): number[] => {
    if (layer.type === 'input') {
      if (layer.input !== undefined) {
        throw new SpecError('the input layer receives the data; it cannot read from another layer.', i, ids[i]!);
      }
      return [];
    }
    if (layer.type === 'concat') return resolveConcat(layer, i, ids, byId);
    const source = layer.input === undefined ? i - 1 : resolve(layer.input, 'input', i, ids, byId);
    if (layer.type !== 'add') return [source];
    const rawWith: unknown = (layer as { with?: unknown }).with;
    if (rawWith === undefined) {
      throw new SpecError('an add layer needs "with": the id of the layer to add (the shortcut).', i, ids[i]!);
    }
    return [source, resolve(rawWith, 'with', i, ids, byId)];
  });
  return { ids, inputs };
}
