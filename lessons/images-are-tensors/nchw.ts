/**
 * Index arithmetic for row-major NCHW tensors, written out for the lesson rather than hidden in a
 * stride loop: the flat position of (n, c, h, w) is n·CHW + c·HW + h·W + w. Also one-hot encoding.
 * (Candidates to move into engine/tensor once the engine grows an equivalent.)
 */
export type Shape4 = readonly [n: number, c: number, h: number, w: number];

/** Flat, 0-based position of element (n, c, h, w) in a tensor of shape (N, C, H, W) stored NCHW. */
export function flatIndexNCHW(shape: Shape4, at: Shape4): number {
  const [, C, H, W] = shape;
  const [n, c, h, w] = at;
  return n * C * H * W + c * H * W + h * W + w;
}

/** The terms n·CHW, c·HW, h·W, w that add up to the flat index (shown in the explorer). */
export function flatIndexTerms(shape: Shape4, at: Shape4): readonly [number, number, number, number] {
  const [, C, H, W] = shape;
  const [n, c, h, w] = at;
  return [n * C * H * W, c * H * W, h * W, w];
}

/** A vector of `classes` zeros with a 1 at `label`. */
export function oneHot(label: number, classes: number): number[] {
  return Array.from({ length: classes }, (_, i) => (i === label ? 1 : 0));
}
