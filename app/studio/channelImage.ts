/**
 * Helpers for drawing feature maps and filters: a channel's value range (so each small image uses
 * its full grey scale) and a vector folded into rows (a 784-long flatten output as 28 rows).
 */
export function rangeOf(data: ArrayLike<number>, start = 0, end = data.length): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = start; i < end; i++) {
    const v = data[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return [0, 1];
  return hi - lo < 1e-12 ? [lo, lo + 1] : [lo, hi];
}

/** Symmetric range about zero, so 0 is mid-grey (for weights, which are signed). */
export function symmetricRange(data: ArrayLike<number>): [number, number] {
  const [lo, hi] = rangeOf(data);
  const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  return [-m, m];
}

/** Rows x columns to lay out a vector of n values as an image. */
export function foldVector(n: number): [number, number] {
  const cols = Math.min(n, n > 256 ? 28 : 20);
  return [Math.ceil(n / cols), cols];
}
