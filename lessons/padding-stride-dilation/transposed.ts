/**
 * Transposed convolution on one small square grid, two ways. `scatterCanvas` is the working a
 * student steps through: input value t (row-major) drops kernel·value onto a canvas of
 * (i - 1)·S + F + output padding cells (the output padding is extra cells at the bottom and right
 * that no copy reaches), each copy S cells after the previous one, and overlaps add; padding P then
 * trims P cells from every side. `engineTransposed` is the result as the engine computes it: the input-gradient pass of a
 * forward conv (F, S, P) whose output is this grid, which is exactly what a transposed convolution is.
 * The widget shows the first and checks that its last step equals the second.
 */
import { conv2dBackward } from '../../engine/cpu/conv2d';
import { convGeometry, windowOutputSize } from '../../engine/cpu/geometry';

export interface TransposedSettings {
  /** Input size i (the grid is i×i). */
  readonly i: number;
  /** Kernel size F. */
  readonly f: number;
  readonly s: number;
  readonly p: number;
  /** Output padding: extra cells at the bottom and right, 0 ≤ op < S. */
  readonly op: number;
}

/** o = (i - 1)·S - 2P + F + output padding. */
export function transposedSize(t: TransposedSettings): number {
  return (t.i - 1) * t.s - 2 * t.p + t.f + t.op;
}

/** Side of the untrimmed canvas the scatter writes on. */
export function canvasSize(t: TransposedSettings): number {
  return (t.i - 1) * t.s + t.f + t.op;
}

/** Why these settings give no output, or null when they do. */
export function transposedProblem(t: TransposedSettings): string | null {
  if (t.op >= t.s) return `output padding must be smaller than the stride (${t.s})`;
  const o = transposedSize(t);
  if (o < 1) return `the output would have ${o} cells: padding ${t.p} trims more than the scatter writes`;
  // The forward conv this transposes must map o back onto i (the engine's floor rule, as PyTorch's).
  if (windowOutputSize(o, t.f, t.s, t.p, t.p, 1) !== t.i) return 'padding this large leaves windows on padding only';
  return null;
}

/**
 * The canvas after input values 0..upTo have scattered (upTo = -1: nothing yet), row-major,
 * canvasSize² cells, and the cells the value at `upTo` wrote to.
 */
export function scatterCanvas(
  t: TransposedSettings,
  input: readonly number[],
  kernel: readonly number[],
  upTo: number,
): { values: number[]; touched: Set<number> } {
  const n = canvasSize(t);
  const values = new Array<number>(n * n).fill(0);
  const touched = new Set<number>();
  for (let idx = 0; idx <= upTo && idx < t.i * t.i; idx++) {
    const a = Math.floor(idx / t.i);
    const b = idx % t.i;
    for (let u = 0; u < t.f; u++) {
      for (let v = 0; v < t.f; v++) {
        const cell = (a * t.s + u) * n + b * t.s + v;
        values[cell]! += input[idx]! * kernel[u * t.f + v]!;
        if (idx === upTo) touched.add(cell);
      }
    }
  }
  return { values, touched };
}

/** The transposed convolution as the engine computes it: o×o values, row-major. */
export function engineTransposed(
  t: TransposedSettings,
  input: readonly number[],
  kernel: readonly number[],
): Float32Array {
  const o = transposedSize(t);
  const geo = convGeometry([1, 1, o, o], 1, [t.f, t.f], { stride: [t.s, t.s], pad: [t.p, t.p] });
  const dx = new Float32Array(o * o);
  conv2dBackward(geo, new Float32Array(o * o), Float32Array.from(kernel), Float32Array.from(input), {
    dx,
    dw: new Float32Array(t.f * t.f),
    db: null,
  });
  return dx;
}
