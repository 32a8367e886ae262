/**
 * Weight transfer between two networks that share a trunk, by parameter name. The worker names
 * every parameter and buffer `<layer id>.<name>` ("conv1.weight", "bn1.runningMean"), so layers
 * with the same id and shape carry over and a layer given a new id (a fresh head) keeps its fresh
 * initialisation. Framework-free: WorkerRun uses overlayWeights after a build; lessons use the rest
 * to pick what to copy and what to freeze.
 */
import type { LayerSpec, ModelSpec } from '../../../engine/spec/types';

export type Weights = Readonly<Record<string, Float32Array>>;

/** The layer id a weight entry belongs to: everything before the last dot. */
export function layerOfWeight(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

/** The entries of `weights` that belong to the layers `layerIds` (e.g. the pretrained conv trunk). */
export function pickLayers(weights: Weights, layerIds: readonly string[]): Weights {
  const wanted = new Set(layerIds);
  const picked: Record<string, Float32Array> = {};
  for (const [name, values] of Object.entries(weights)) if (wanted.has(layerOfWeight(name))) picked[name] = values;
  return picked;
}

/**
 * `fresh` with every entry of `initial` written over it: the complete set importWeights needs.
 * Copies the given arrays, because sending weights to a worker transfers (and so empties) their
 * buffers, and the same pretrained record seeds several runs and every reset. An entry the new
 * model lacks, or one of another size, is an error that names it.
 */
export function overlayWeights(fresh: Weights, initial: Weights): Weights {
  const merged: Record<string, Float32Array> = { ...fresh };
  for (const [name, values] of Object.entries(initial)) {
    const target = fresh[name];
    if (!target) {
      throw new Error(`The new model has no parameter "${name}" to copy the pretrained weights into.`);
    }
    if (target.length !== values.length) {
      throw new Error(
        `"${name}" holds ${target.length} numbers in the new model but ${values.length} in the pretrained one: the layers differ.`,
      );
    }
    merged[name] = values.slice();
  }
  return merged;
}

/** The spec with `trainable` set on the layers named in `layerIds` (the others unchanged). */
export function withTrainable(spec: ModelSpec, layerIds: readonly string[], trainable: boolean): ModelSpec {
  const ids = new Set(layerIds);
  const layers = spec.layers.map(
    (layer): LayerSpec => (layer.id && ids.has(layer.id) ? { ...layer, trainable } : layer),
  );
  return { ...spec, layers };
}
