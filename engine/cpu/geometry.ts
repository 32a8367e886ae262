/**
 * The resolved geometry of a 2-D sliding window (convolution or pooling) over an NCHW batch:
 * every size a kernel loop needs, computed once. Padding may differ at the start (top/left)
 * and end (bottom/right), as 'same' padding with an even kernel needs.
 */
export interface ConvGeometry {
  readonly batch: number;
  readonly inC: number;
  readonly inH: number;
  readonly inW: number;
  /** Output channels: the number of filters (convolution) or inC (pooling). */
  readonly outC: number;
  readonly outH: number;
  readonly outW: number;
  readonly kh: number;
  readonly kw: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly padTop: number;
  readonly padLeft: number;
  readonly padBottom: number;
  readonly padRight: number;
  readonly dilationH: number;
  readonly dilationW: number;
  readonly groups: number;
}

export interface WindowOptions {
  readonly stride?: readonly [number, number];
  /** Padding at [top, left]. */
  readonly pad?: readonly [number, number];
  /** Padding at [bottom, right]; defaults to `pad`. */
  readonly padEnd?: readonly [number, number];
  readonly dilation?: readonly [number, number];
  readonly groups?: number;
}

/** Output length along one axis: floor((in + padStart + padEnd − dilation·(k−1) − 1) / stride) + 1. */
export function windowOutputSize(
  inSize: number,
  k: number,
  stride: number,
  padStart: number,
  padEnd: number,
  dilation: number,
): number {
  return Math.floor((inSize + padStart + padEnd - dilation * (k - 1) - 1) / stride) + 1;
}

/** Geometry for input [N, C, H, W], `outC` output channels and a kh×kw window. */
export function convGeometry(
  inShape: readonly number[],
  outC: number,
  kernel: readonly [number, number],
  options: WindowOptions = {},
): ConvGeometry {
  const [batch = 1, inC = 1, inH = 1, inW = 1] = inShape;
  const [kh, kw] = kernel;
  const [strideH, strideW] = options.stride ?? [1, 1];
  const [padTop, padLeft] = options.pad ?? [0, 0];
  const [padBottom, padRight] = options.padEnd ?? options.pad ?? [0, 0];
  const [dilationH, dilationW] = options.dilation ?? [1, 1];
  const groups = options.groups ?? 1;
  if (inC % groups !== 0 || outC % groups !== 0) {
    throw new RangeError(`conv2d: ${inC} input and ${outC} output channels must both divide into ${groups} groups`);
  }
  const outH = windowOutputSize(inH, kh, strideH, padTop, padBottom, dilationH);
  const outW = windowOutputSize(inW, kw, strideW, padLeft, padRight, dilationW);
  if (outH < 1 || outW < 1) {
    throw new RangeError(`conv2d: a ${kh}x${kw} window does not fit a ${inH}x${inW} input`);
  }
  return {
    batch,
    inC,
    inH,
    inW,
    outC,
    outH,
    outW,
    kh,
    kw,
    strideH,
    strideW,
    padTop,
    padLeft,
    padBottom,
    padRight,
    dilationH,
    dilationW,
    groups,
  };
}
