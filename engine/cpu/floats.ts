/**
 * The array type every CPU kernel reads and writes. Kernels take raw typed arrays plus their
 * dimensions (no Tensor objects in the hot loops) and accept Float64Array as well as
 * Float32Array so that gradient checks can run the very same code in double precision.
 * Sums are always accumulated in JS numbers (float64) whatever the storage type.
 */
export type Floats = Float32Array | Float64Array;

/** A new zeroed array of the same element type as `like`. */
export function floatsLike(like: Floats, length: number): Floats {
  return like instanceof Float64Array ? new Float64Array(length) : new Float32Array(length);
}
