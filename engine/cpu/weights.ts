/**
 * Saving and loading a model's state as named arrays: every param ("conv2d_1.weight") and
 * buffer ("batchnorm_2.runningMean") by name. Works for any Model, so a file saved from the
 * CPU backend loads into the GPU one.
 */
import type { Model } from '../train/model';

export type NamedArrays = Record<string, Float32Array>;

/** Copies of every param and buffer value, by name. */
export function getWeights(model: Model): NamedArrays {
  const out: NamedArrays = {};
  for (const p of model.params) out[p.name] = p.value.slice();
  for (const b of model.buffers) out[b.name] = b.value.slice();
  return out;
}

/**
 * Copies named arrays into the model's params and buffers. Every param and buffer must be
 * present with the right length (a mismatch throws and names it); extra names are ignored.
 */
export function loadWeights(model: Model, weights: Readonly<Record<string, ArrayLike<number>>>): void {
  const targets = [...model.params, ...model.buffers];
  for (const t of targets) {
    const source = weights[t.name];
    if (!source) throw new RangeError(`loadWeights: no values for "${t.name}"`);
    if (source.length !== t.value.length) {
      throw new RangeError(`loadWeights: "${t.name}" needs ${t.value.length} values, got ${source.length}`);
    }
  }
  for (const t of targets) t.value.set(weights[t.name]!);
}
