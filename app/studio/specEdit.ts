/**
 * Pure edits of a model spec for the architecture builder: insert, remove, move and replace a
 * layer, new layers with sensible defaults, and fitting a spec's input to a dataset. Specs are
 * immutable values, so every edit returns a new spec and the last valid one is never lost.
 */
import type { LayerSpec, LayerType, ModelSpec } from '../../engine/spec';

/** Layer types a student can add from the builder (input is fixed and always first). */
export const ADDABLE_TYPES: readonly LayerType[] = [
  'conv2d',
  'maxpool',
  'avgpool',
  'batchnorm',
  'activation',
  'dropout',
  'flatten',
  'globalavgpool',
  'dense',
  'add',
  'concat',
  'lrn',
  'softmax',
];

/**
 * A new layer of `type` with the settings the lectures start from; `earlierIds` are the ids of
 * the layers above it (add's shortcut and concat's inputs start from the nearest ones).
 */
export function defaultLayer(type: LayerType, earlierIds: readonly string[]): LayerSpec {
  const previousId = earlierIds[earlierIds.length - 1] ?? '';
  switch (type) {
    case 'input':
      return { type, shape: [1, 28, 28] };
    case 'conv2d':
      return { type, filters: 8, kernel: 3, padding: 'same', activation: 'relu' };
    case 'maxpool':
    case 'avgpool':
      return { type, size: 2 };
    case 'dense':
      return { type, units: 32, activation: 'relu' };
    case 'activation':
      return { type, kind: 'relu' };
    case 'dropout':
      return { type, rate: 0.25 };
    case 'add':
      return { type, with: previousId };
    case 'concat':
      return { type, inputs: earlierIds.slice(-2) };
    case 'batchnorm':
    case 'lrn':
    case 'flatten':
    case 'globalavgpool':
    case 'softmax':
      return { type };
  }
}

const withLayers = (spec: ModelSpec, layers: readonly LayerSpec[]): ModelSpec => ({ ...spec, layers });

export function replaceLayer(spec: ModelSpec, index: number, layer: LayerSpec): ModelSpec {
  return withLayers(
    spec,
    spec.layers.map((l, i) => (i === index ? layer : l)),
  );
}

export function removeLayer(spec: ModelSpec, index: number): ModelSpec {
  return withLayers(
    spec,
    spec.layers.filter((_, i) => i !== index),
  );
}

/** Inserts `layer` at position `index` (the input layer at 0 always stays first). */
export function insertLayer(spec: ModelSpec, index: number, layer: LayerSpec): ModelSpec {
  const at = Math.max(1, Math.min(index, spec.layers.length));
  return withLayers(spec, [...spec.layers.slice(0, at), layer, ...spec.layers.slice(at)]);
}

/** Moves layer `index` by `delta` rows, never above the input layer. */
export function moveLayer(spec: ModelSpec, index: number, delta: number): ModelSpec {
  const to = index + delta;
  if (index < 1 || to < 1 || to >= spec.layers.length) return spec;
  const layers = [...spec.layers];
  const [moved] = layers.splice(index, 1);
  layers.splice(to, 0, moved!);
  return withLayers(spec, layers);
}

/** The spec with its input layer set to the dataset's sample shape. */
export function withInputShape(spec: ModelSpec, shape: readonly [number, number, number]): ModelSpec {
  const first = spec.layers[0];
  if (first?.type !== 'input') return spec;
  return replaceLayer(spec, 0, { ...first, shape });
}

export function sameSpec(a: ModelSpec | null, b: ModelSpec | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
