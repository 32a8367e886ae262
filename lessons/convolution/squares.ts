/**
 * Small helpers for square grids held as flat row-major arrays, and the lesson's number format.
 * Resizing keeps the top-left block the student already typed and fills new cells with a
 * recognisable pattern, so growing the input never wipes their work.
 */

/** Resizes an n x n grid to m x m, keeping the overlap; new cells get `fill(row, col)`. */
export function resizeSquare(
  values: readonly number[],
  n: number,
  m: number,
  fill: (row: number, col: number) => number,
): number[] {
  const out: number[] = [];
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < m; c++) out.push(r < n && c < n ? values[r * n + c]! : fill(r, c));
  }
  return out;
}

/** Integers as they are; other numbers to at most two decimals ("0.5", "-1.25"). */
export function fmt(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A factor for a TeX product: negatives in parentheses, a proper minus sign. */
export function texFactor(value: number): string {
  return value < 0 ? `(-${fmt(-value)})` : fmt(value);
}
