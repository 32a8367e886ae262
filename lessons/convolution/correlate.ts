/**
 * The lesson's one bridge to the engine: a single-channel image and a single square kernel in,
 * the engine's conv2d (cross-correlation, stride 1, no padding, optional bias and activation) out. Output sizes come from
 * engine/spec/arithmetic, so every number the lesson shows is the engine's. `flipKernel` turns
 * cross-correlation into textbook convolution: rotating the kernel by 180° is exactly the
 * difference between the two.
 */

import { activate } from '../../engine/cpu/activations';
import { conv2d } from '../../engine/cpu/conv2d';
import type { ActivationKind } from '../../engine/spec';
import { outputSize } from '../../engine/spec/arithmetic';
import { tensor } from '../../engine/tensor/tensor';

export interface Plane {
  readonly rows: number;
  readonly cols: number;
  /** rows * cols values, row-major. */
  readonly values: ArrayLike<number>;
}

/** Valid (unpadded, stride 1) output size of a k-wide kernel over n pixels; 0 if it does not fit. */
export function validSize(n: number, k: number): number {
  const result = outputSize({ size: n, kernel: k });
  return result.ok ? result.value : 0;
}

/**
 * Cross-correlates `image` with the k x k `kernel` using the engine, adds `bias` and applies the
 * optional activation (the engine's own); empty when the kernel is too big.
 */
export function correlate(
  image: Plane,
  kernel: readonly number[],
  k: number,
  bias = 0,
  activation: ActivationKind | null = null,
): Plane {
  const rows = validSize(image.rows, k);
  const cols = validSize(image.cols, k);
  if (rows === 0 || cols === 0) return { rows: 0, cols: 0, values: new Float32Array(0) };
  const x = tensor([1, 1, image.rows, image.cols], image.values);
  const w = tensor([1, 1, k, k], kernel);
  const z = conv2d(x, w, bias === 0 ? null : tensor([1], [bias]));
  const y = activation ? activate(activation, z) : z;
  return { rows: y.shape[2]!, cols: y.shape[3]!, values: y.data };
}

/** The kernel rotated by 180° (flipped along both axes): what true convolution slides. */
export function flipKernel(kernel: readonly number[]): number[] {
  return [...kernel].reverse();
}

/** The k x k patch of `image` whose top-left corner is (row, col), row-major. */
export function patchAt(image: Plane, k: number, row: number, col: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) out.push(image.values[(row + r) * image.cols + col + c] ?? 0);
  }
  return out;
}
