/**
 * Number and TeX formatting shared by the lesson's widgets. Three decimals is enough to follow
 * the chain rule by hand on a projector; −0 prints as 0 so a gated gradient does not look odd.
 */
export function fmt(v: number, digits = 3): string {
  const s = v.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A column vector in TeX. */
export function texCol(values: ArrayLike<number>, digits = 3): string {
  return `\\begin{bmatrix}${Array.from(values, (v) => fmt(v, digits)).join(' \\\\ ')}\\end{bmatrix}`;
}

/** A row-major matrix in TeX. */
export function texMat(values: ArrayLike<number>, rows: number, cols: number, digits = 3): string {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    lines.push(Array.from({ length: cols }, (_, c) => fmt(values[r * cols + c]!, digits)).join(' & '));
  }
  return `\\begin{bmatrix}${lines.join(' \\\\ ')}\\end{bmatrix}`;
}

/** A row vector in TeX (a transposed column). */
export function texRow(values: ArrayLike<number>, digits = 3): string {
  return texMat(values, 1, values.length, digits);
}

/** A short plain-text vector for the graph's node boxes: "[0.300, 0.000]". */
export function vec(values: ArrayLike<number>, digits = 3): string {
  return `[${Array.from(values, (v) => fmt(v, digits)).join(', ')}]`;
}

/** The values as a JSON array, for data-* attributes that tests read at full precision. */
export function json(values: ArrayLike<number>): string {
  return JSON.stringify(Array.from(values));
}
