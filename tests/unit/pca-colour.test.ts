/**
 * AlexNet's PCA colour augmentation: the covariance, the 3x3 eigen decomposition (checked against
 * matrices built from known eigenvectors), the offset's direction, and the identities.
 */
import { describe, expect, it } from 'vitest';
import type { BatchShape } from '../../engine/data/augment';
import {
  applyPcaColour,
  colourPca,
  type Matrix3,
  pcaColourOffset,
  rgbCovariance,
  symmetricEigen3,
  type Vector3,
} from '../../engine/data/pca-colour';
import { createRng } from '../../engine/tensor/rng';

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0);

/** Q diag(l) Q^T for an orthonormal Q given by its columns. */
function fromEigen(columns: readonly Vector3[], values: Vector3): Matrix3 {
  const m = Array.from({ length: 9 }, (_, k) => {
    const [i, j] = [Math.floor(k / 3), k % 3];
    return columns.reduce((s, q, n) => s + values[n]! * q[i]! * q[j]!, 0);
  });
  return m as unknown as Matrix3;
}

/** A rotation matrix's columns from three angles: an orthonormal basis in general position. */
function rotationColumns(a: number, b: number, c: number): Vector3[] {
  const rz = [Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a), 0, 0, 0, 1];
  const ry = [Math.cos(b), 0, Math.sin(b), 0, 1, 0, -Math.sin(b), 0, Math.cos(b)];
  const rx = [1, 0, 0, 0, Math.cos(c), -Math.sin(c), 0, Math.sin(c), Math.cos(c)];
  const mul = (x: number[], y: number[]): number[] =>
    Array.from({ length: 9 }, (_, k) => {
      const [i, j] = [Math.floor(k / 3), k % 3];
      return x[i * 3]! * y[j]! + x[i * 3 + 1]! * y[3 + j]! + x[i * 3 + 2]! * y[6 + j]!;
    });
  const r = mul(mul(rz, ry), rx);
  return [0, 1, 2].map((j) => [r[j]!, r[3 + j]!, r[6 + j]!] as const);
}

function randomImages(n: number, seed: number): { data: Float32Array; shape: BatchShape } {
  const rng = createRng(seed);
  const shape: BatchShape = [n, 3, 4, 5];
  const plane = 20;
  const data = new Float32Array(n * 3 * plane);
  // Correlated channels: green follows red, blue is partly independent, as in natural photos.
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < plane; p++) {
      const r = rng.next();
      data[i * 60 + p] = r;
      data[i * 60 + plane + p] = 0.7 * r + 0.3 * rng.next();
      data[i * 60 + 2 * plane + p] = 0.2 * r + 0.6 * rng.next();
    }
  }
  return { data, shape };
}

describe('symmetricEigen3', () => {
  it.each([
    [
      [0.2175, 0.0188, 0.0045],
      [0.3, -0.7, 1.1],
    ],
    [
      [5, 2, 1],
      [1.2, 0.4, -2.0],
    ],
    [
      [1, 1, 0.25],
      [0.6, 0.9, 0.1],
    ], // a repeated eigenvalue
    [
      [3, 0, 0],
      [0.5, 0.5, 0.5],
    ], // rank 1, like grey images
  ] as const)('recovers eigenvalues %j of Q diag(l) Q^T with rotation angles %j', (values, angles) => {
    const q = rotationColumns(angles[0], angles[1], angles[2]);
    const m = fromEigen(q, values);
    const { values: got, vectors } = symmetricEigen3(m);
    const sorted = [...values].sort((a, b) => b - a);
    got.forEach((l, i) => {
      expect(l).toBeCloseTo(sorted[i]!, 10);
    });
    for (const [i, p] of vectors.entries()) {
      expect(Math.hypot(...p)).toBeCloseTo(1, 12);
      // M p = l p, which holds for any basis of a repeated eigenvalue's space.
      const mp = [0, 1, 2].map((r) => dot([m[r * 3]!, m[r * 3 + 1]!, m[r * 3 + 2]!], p));
      mp.forEach((x, r) => {
        expect(x).toBeCloseTo(got[i]! * p[r]!, 10);
      });
      for (const other of vectors.slice(i + 1)) expect(dot(p, other)).toBeCloseTo(0, 10);
    }
    // Where eigenvalues are distinct the vector is the built one, up to sign.
    if (new Set(values).size === 3) {
      for (const [i, p] of vectors.entries()) {
        const built = q[values.indexOf(sorted[i]! as never)]!;
        expect(Math.abs(dot(p, built))).toBeCloseTo(1, 10);
      }
    }
  });

  it('keeps a diagonal matrix and orders it: diag(1, 3, 2) gives 3, 2, 1 with unit axes', () => {
    const { values, vectors } = symmetricEigen3([1, 0, 0, 0, 3, 0, 0, 0, 2]);
    expect(values).toEqual([3, 2, 1]);
    expect(vectors).toEqual([
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
    ]);
  });
});

describe('rgbCovariance and colourPca', () => {
  it('matches the covariance computed directly from the pixel lists', () => {
    const { data, shape } = randomImages(3, 4);
    const { mean, covariance } = rgbCovariance(data, shape);
    const channel = (ch: number): number[] =>
      [0, 1, 2].flatMap((i) => Array.from(data.subarray(i * 60 + ch * 20, i * 60 + ch * 20 + 20)));
    const rgb = [0, 1, 2].map(channel);
    const mu = rgb.map((xs) => xs.reduce((a, b) => a + b, 0) / xs.length);
    mean.forEach((m, ch) => {
      expect(m).toBeCloseTo(mu[ch]!, 6);
    });
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const cov = rgb[i]!.reduce((s, x, k) => s + (x - mu[i]!) * (rgb[j]![k]! - mu[j]!), 0) / rgb[i]!.length;
        expect(covariance[i * 3 + j]).toBeCloseTo(cov, 6);
      }
    }
  });

  it('grey images (R = G = B) have one colour direction, (1, 1, 1)/√3, and two zero eigenvalues', () => {
    const rng = createRng(9);
    const shape: BatchShape = [2, 3, 3, 3];
    const data = new Float32Array(2 * 27);
    for (let i = 0; i < 2; i++) {
      for (let p = 0; p < 9; p++) {
        const v = rng.next();
        for (let ch = 0; ch < 3; ch++) data[i * 27 + ch * 9 + p] = v;
      }
    }
    const pca = colourPca(data, shape);
    expect(pca.eigenvalues[0]).toBeGreaterThan(0.01);
    expect(pca.eigenvalues[1]).toBeCloseTo(0, 10);
    expect(pca.eigenvalues[2]).toBeCloseTo(0, 10);
    for (const x of pca.eigenvectors[0]) expect(x).toBeCloseTo(1 / Math.sqrt(3), 8);
    // So any draw shifts R, G and B equally: a brightness change, no colour.
    const offset = pcaColourOffset(pca, [0.3, -2, 5]);
    expect(offset[1]).toBeCloseTo(offset[0], 8);
    expect(offset[2]).toBeCloseTo(offset[0], 8);
  });

  it('refuses images without three channels, naming the count', () => {
    expect(() => rgbCovariance(new Float32Array(4), [1, 1, 2, 2])).toThrow(/3 colour channels; these images have 1/);
  });
});

describe('pcaColourOffset and applyPcaColour', () => {
  const { data, shape } = randomImages(4, 11);
  const pca = colourPca(data, shape);

  it('is [p1 p2 p3][a1 l1, a2 l2, a3 l3]^T, so its coordinates on p_i are a_i l_i', () => {
    const alphas: Vector3 = [0.5, -1.5, 2];
    const offset = pcaColourOffset(pca, alphas);
    pca.eigenvectors.forEach((p, i) => {
      expect(dot(offset, p)).toBeCloseTo(alphas[i]! * pca.eigenvalues[i]!, 12);
    });
    // Reconstructing from those coordinates gives the offset back: it lies in the eigenvectors' span.
    const rebuilt = [0, 1, 2].map((ch) => pca.eigenvectors.reduce((s, p) => s + dot(offset, p) * p[ch]!, 0));
    rebuilt.forEach((x, ch) => {
      expect(x).toBeCloseTo(offset[ch]!, 12);
    });
  });

  it('adds one offset per image to every pixel (checked where no clamping happens)', () => {
    const mid = Float32Array.from(data, (v) => 0.25 + 0.5 * v); // room to move without hitting 0 or 1
    const midPca = colourPca(mid, shape);
    const rng = createRng(5);
    const { result, alphas } = applyPcaColour(mid, shape, midPca, 0.1, rng);
    expect(alphas).toHaveLength(4);
    for (let i = 0; i < 4; i++) {
      const offset = pcaColourOffset(midPca, alphas[i]!);
      for (let ch = 0; ch < 3; ch++) {
        for (let p = 0; p < 20; p++) {
          const k = i * 60 + ch * 20 + p;
          expect(result[k]).toBeCloseTo(mid[k]! + offset[ch]!, 5);
        }
      }
    }
    expect(Math.max(...alphas.flat().map(Math.abs))).toBeGreaterThan(0);
  });

  it('the same seed gives the same draw; results stay within [0, 1]', () => {
    const a = applyPcaColour(data, shape, pca, 5, createRng(3));
    const b = applyPcaColour(data, shape, pca, 5, createRng(3));
    expect(a.result).toEqual(b.result);
    expect(a.alphas).toEqual(b.alphas);
    expect(Math.min(...a.result)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a.result)).toBeLessThanOrEqual(1);
  });

  it('sigma 0 changes nothing and draws nothing from the generator', () => {
    const rng = createRng(7);
    const { result } = applyPcaColour(data, shape, pca, 0, rng);
    expect(result).toEqual(data);
    expect(result).not.toBe(data);
    expect(rng.next()).toBe(createRng(7).next());
  });
});
