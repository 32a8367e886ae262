/**
 * The five numbers that decide a convolution's geometry along one axis (square inputs and kernels,
 * as in the lecture), the presets the lesson offers as one-click examples, and the footprint of the
 * kernel at one output position. The output size itself always comes from engine/spec/arithmetic.
 */
export interface Geometry {
  /** Input size N (W1 in the lecture's summary). */
  readonly n: number;
  /** Kernel size F. */
  readonly f: number;
  /** Zero padding P on each side. */
  readonly p: number;
  /** Stride S. */
  readonly s: number;
  /** Dilation D (1 = an ordinary, gap-free kernel). */
  readonly d: number;
}

export interface Example {
  readonly name: string;
  readonly geometry: Geometry;
}

/** The lecture's cases: N=7, F=3 at strides 1, 2 and 3 (notes 000), same padding on 9x9 (notes 002/004), dilation. */
export const EXAMPLES: readonly Example[] = [
  { name: 'N=7, F=3, S=1', geometry: { n: 7, f: 3, p: 0, s: 1, d: 1 } },
  { name: 'N=7, F=3, S=2', geometry: { n: 7, f: 3, p: 0, s: 2, d: 1 } },
  { name: 'N=7, F=3, S=3 (does not fit)', geometry: { n: 7, f: 3, p: 0, s: 3, d: 1 } },
  { name: 'N=9, F=3, P=0 (valid)', geometry: { n: 9, f: 3, p: 0, s: 1, d: 1 } },
  { name: 'N=9, F=3, P=1 (same)', geometry: { n: 9, f: 3, p: 1, s: 1, d: 1 } },
  { name: 'N=7, F=3, D=2 (dilated)', geometry: { n: 7, f: 3, p: 0, s: 1, d: 2 } },
];

/**
 * Padded-grid coordinates (0 = the first padding row) that the kernel's taps touch when computing
 * output (row, col): tap (u, v) lands at (row·S + u·D, col·S + v·D).
 */
export function footprint(g: Geometry, row: number, col: number): Set<string> {
  const taps = new Set<string>();
  for (let u = 0; u < g.f; u++) {
    for (let v = 0; v < g.f; v++) taps.add(`${row * g.s + u * g.d},${col * g.s + v * g.d}`);
  }
  return taps;
}
