/** Shared helpers for the wasm-vs-TypeScript kernel tests: random arrays and a scaled closeness check. */
import { expect } from 'vitest';
import type { Rng } from '../../engine/tensor/rng';

export function randomFloats(rng: Rng, n: number, scale = 1): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = (rng.next() * 2 - 1) * scale;
  return a;
}

/**
 * Every element within tol·(1 + max|expected|): float32 sums in a different order (wasm SIMD
 * lanes, fused multiply-add) differ from the reference's float64 sums by rounding only.
 */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-5, what = ''): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  let scale = 0;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]!));
  let worst = 0;
  let at = -1;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i]! - expected[i]!);
    if (!(d <= worst)) {
      worst = d;
      at = i;
    }
  }
  const limit = tol * (1 + scale);
  expect(worst, `${what}: worst |diff| ${worst} at ${at} (limit ${limit})`).toBeLessThanOrEqual(limit);
}
