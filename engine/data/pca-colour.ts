/**
 * AlexNet's "PCA colour" augmentation (Krizhevsky et al. 2012, as in the lecture): find the
 * principal components of the RGB values of all pixels of a set of images, then shift every
 * pixel of one image by the same random colour
 *
 *   [p1 p2 p3] [a1·l1, a2·l2, a3·l3]^T,   a_i ~ N(0, sigma²), sigma = 0.1 in the paper,
 *
 * where p_i and l_i are the i-th eigenvector and eigenvalue of the 3x3 covariance matrix of RGB
 * pixel values. The shift follows the directions in which colours in the data actually vary
 * (mostly brighter/darker, then warmer/cooler), so it mimics changes of light without inventing
 * colours the data never has. One draw of a1..a3 per image, shared by all its pixels.
 *
 * Values are whatever the images hold; for a float batch from gatherBatch that is [0, 1], and
 * applyPcaColour clamps its result to [0, 1] like the other jitters (augment.ts).
 */
import type { Rng } from '../tensor/rng';
import type { BatchShape } from './augment';

/** A 3x3 matrix, row-major. */
export type Matrix3 = readonly [number, number, number, number, number, number, number, number, number];
export type Vector3 = readonly [number, number, number];

export interface ColourPca {
  /** Mean R, G, B over every pixel of every image. */
  readonly mean: Vector3;
  /** Covariance of (R, G, B) over every pixel (divided by the pixel count). */
  readonly covariance: Matrix3;
  /** Eigenvalues l1 >= l2 >= l3 (a covariance has none below 0; rounding noise is clipped to 0). */
  readonly eigenvalues: Vector3;
  /** Unit eigenvectors p1, p2, p3, in the eigenvalues' order; each with its largest entry positive. */
  readonly eigenvectors: readonly [Vector3, Vector3, Vector3];
}

/**
 * The RGB covariance over `count` images of 3 x height x width values (CHW, one image after
 * another), accumulated in float64 about the mean.
 */
export function rgbCovariance(
  images: ArrayLike<number>,
  shape: BatchShape,
): { readonly mean: Vector3; readonly covariance: Matrix3 } {
  const [n, c, h, w] = shape;
  if (c !== 3) throw new RangeError(`PCA colour needs 3 colour channels; these images have ${c}.`);
  const plane = h * w;
  const pixels = n * plane;
  if (pixels === 0) throw new RangeError('PCA colour needs at least one pixel.');
  const sum = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    for (let ch = 0; ch < 3; ch++) {
      const start = (i * 3 + ch) * plane;
      for (let p = 0; p < plane; p++) sum[ch]! += images[start + p]!;
    }
  }
  const mean: Vector3 = [sum[0]! / pixels, sum[1]! / pixels, sum[2]! / pixels];
  const s = [0, 0, 0, 0, 0, 0]; // rr, rg, rb, gg, gb, bb
  for (let i = 0; i < n; i++) {
    const base = i * 3 * plane;
    for (let p = 0; p < plane; p++) {
      const r = images[base + p]! - mean[0];
      const g = images[base + plane + p]! - mean[1];
      const b = images[base + 2 * plane + p]! - mean[2];
      s[0]! += r * r;
      s[1]! += r * g;
      s[2]! += r * b;
      s[3]! += g * g;
      s[4]! += g * b;
      s[5]! += b * b;
    }
  }
  const [rr, rg, rb, gg, gb, bb] = s.map((v) => v / pixels) as [number, number, number, number, number, number];
  return { mean, covariance: [rr, rg, rb, rg, gg, gb, rb, gb, bb] };
}

/**
 * Eigenvalues and unit eigenvectors of a symmetric 3x3 matrix by cyclic Jacobi rotations: each
 * rotation zeroes one off-diagonal pair; a few sweeps reach float64 precision. Returned in
 * descending order of eigenvalue, each vector with its largest-magnitude entry positive (an
 * eigenvector's sign is arbitrary; fixing it makes results comparable).
 */
export function symmetricEigen3(m: Matrix3): {
  readonly values: Vector3;
  readonly vectors: [Vector3, Vector3, Vector3];
} {
  const a = [
    [m[0], m[1], m[2]],
    [m[3], m[4], m[5]],
    [m[6], m[7], m[8]],
  ];
  const v = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  const at = (i: number, j: number): number => a[i]![j]!;
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = at(0, 1) ** 2 + at(0, 2) ** 2 + at(1, 2) ** 2;
    const scale = at(0, 0) ** 2 + at(1, 1) ** 2 + at(2, 2) ** 2 + off;
    if (off <= 1e-30 * Math.max(scale, 1e-300)) break;
    for (const [p, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      if (at(p, q) === 0) continue;
      // The rotation angle that zeroes a[p][q] (Golub & Van Loan, the symmetric Schur step).
      const theta = (at(q, q) - at(p, p)) / (2 * at(p, q));
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const cos = 1 / Math.sqrt(t * t + 1);
      const sin = t * cos;
      for (let k = 0; k < 3; k++) {
        const akp = at(k, p);
        const akq = at(k, q);
        a[k]![p] = cos * akp - sin * akq;
        a[k]![q] = sin * akp + cos * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = at(p, k);
        const aqk = at(q, k);
        a[p]![k] = cos * apk - sin * aqk;
        a[q]![k] = sin * apk + cos * aqk;
      }
      for (let k = 0; k < 3; k++) {
        const vkp = v[k]![p]!;
        const vkq = v[k]![q]!;
        v[k]![p] = cos * vkp - sin * vkq;
        v[k]![q] = sin * vkp + cos * vkq;
      }
    }
  }
  const order = [0, 1, 2].sort((i, j) => at(j, j) - at(i, i));
  const vectors = order.map((col) => {
    const vec = [v[0]![col]!, v[1]![col]!, v[2]![col]!];
    const big = vec.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
    return (big < 0 ? vec.map((x) => -x) : vec) as unknown as Vector3;
  }) as [Vector3, Vector3, Vector3];
  const values = order.map((i) => at(i, i)) as unknown as Vector3;
  return { values, vectors };
}

/** The colour PCA of a set of 3-channel images (see rgbCovariance for the layout). */
export function colourPca(images: ArrayLike<number>, shape: BatchShape): ColourPca {
  const { mean, covariance } = rgbCovariance(images, shape);
  const { values, vectors } = symmetricEigen3(covariance);
  // A covariance is positive semi-definite: a tiny negative eigenvalue is rounding, not data.
  const eigenvalues = values.map((l) => Math.max(0, l)) as unknown as Vector3;
  return { mean, covariance, eigenvalues, eigenvectors: vectors };
}

/** The colour added to every pixel for one draw a: sum_i a_i · l_i · p_i. */
export function pcaColourOffset(pca: ColourPca, alphas: Vector3): Vector3 {
  const out = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    const weight = alphas[i]! * pca.eigenvalues[i]!;
    for (let ch = 0; ch < 3; ch++) out[ch]! += pca.eigenvectors[i]![ch]! * weight;
  }
  return out as unknown as Vector3;
}

/** One image's draw a_1..a_3 ~ N(0, sigma²). */
export function drawPcaAlphas(sigma: number, rng: Rng): Vector3 {
  return [rng.normal() * sigma, rng.normal() * sigma, rng.normal() * sigma];
}

/**
 * Adds one PCA colour shift per image of a float batch [N, 3, H, W] with values in [0, 1],
 * clamped to [0, 1]. Draws every image's a_1..a_3 from `rng` in image order and returns them, so
 * a view can show the draw beside the result. Writes to `out` (may be `batch`; default a new array).
 * sigma 0 returns an unchanged copy and draws nothing.
 */
export function applyPcaColour(
  batch: Float32Array,
  shape: BatchShape,
  pca: ColourPca,
  sigma: number,
  rng: Rng,
  out: Float32Array = new Float32Array(batch.length),
): { readonly result: Float32Array; readonly alphas: readonly Vector3[] } {
  const [n, c, h, w] = shape;
  if (c !== 3) throw new RangeError(`PCA colour needs 3 colour channels; this batch has ${c}.`);
  if (out !== batch) out.set(batch);
  if (sigma === 0) return { result: out, alphas: Array.from({ length: n }, () => [0, 0, 0] as const) };
  const plane = h * w;
  const alphas: Vector3[] = [];
  for (let i = 0; i < n; i++) {
    const a = drawPcaAlphas(sigma, rng);
    alphas.push(a);
    const offset = pcaColourOffset(pca, a);
    for (let ch = 0; ch < 3; ch++) {
      const start = (i * 3 + ch) * plane;
      for (let p = start; p < start + plane; p++) out[p] = Math.min(1, Math.max(0, out[p]! + offset[ch]!));
    }
  }
  return { result: out, alphas };
}
