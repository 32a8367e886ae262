/**
 * Max pooling over NCHW with stride and padding. Padding never wins: a padded position is
 * skipped, as if it held −∞ (PyTorch's convention), so padding only lets windows hang over
 * the edge. Forward records, for every output, the flat index into x of the input that won:
 * the 'switches' that backward routes the gradient through (and that lessons draw).
 */
import type { Tensor } from '../tensor/tensor';
import type { Floats } from './floats';
import { type ConvGeometry, convGeometry } from './geometry';

export interface PoolOptions {
  readonly stride?: readonly [number, number];
  readonly pad?: readonly [number, number];
  readonly padEnd?: readonly [number, number];
}

/** Geometry of a size[0]×size[1] pooling window over x (stride defaults to the window size). */
export function poolGeometry(
  inShape: readonly number[],
  size: readonly [number, number],
  options: PoolOptions = {},
): ConvGeometry {
  const channels = inShape[1] ?? 1;
  return convGeometry(inShape, channels, size, { ...options, stride: options.stride ?? size });
}

/** y[n,c,oy,ox] = max over the window; switches[same index] = flat index of the max in x, or −1 if none. */
export function maxpoolForward(geo: ConvGeometry, x: Floats, y: Floats, switches: Int32Array): void {
  const { inH, inW, outH, outW, kh, kw, strideH, strideW, padTop, padLeft } = geo;
  const planes = geo.batch * geo.inC;
  let o = 0;
  for (let plane = 0; plane < planes; plane++) {
    const base = plane * inH * inW;
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * strideH - padTop;
      const yLo = Math.max(0, y0);
      const yHi = Math.min(inH, y0 + kh);
      for (let ox = 0; ox < outW; ox++) {
        const x0 = ox * strideW - padLeft;
        const xLo = Math.max(0, x0);
        const xHi = Math.min(inW, x0 + kw);
        let best = Number.NEGATIVE_INFINITY;
        let at = -1;
        for (let iy = yLo; iy < yHi; iy++) {
          const row = base + iy * inW;
          for (let ix = xLo; ix < xHi; ix++) {
            const v = x[row + ix]!;
            if (v > best) {
              best = v;
              at = row + ix;
            }
          }
        }
        y[o] = at < 0 ? 0 : best;
        switches[o] = at;
        o++;
      }
    }
  }
}

/** dx (overwritten) receives each dy at the input its switch points to. */
export function maxpoolBackward(dy: Floats, switches: Int32Array, dx: Floats): void {
  dx.fill(0);
  for (let o = 0; o < dy.length; o++) {
    const at = switches[o]!;
    if (at >= 0) dx[at]! += dy[o]!;
  }
}

export interface MaxpoolResult {
  readonly y: Tensor;
  /** Flat index into x of each output's maximum (−1 where the window was all padding). */
  readonly switches: Int32Array;
}

/** Tensor-level max pooling for lessons: x [N, C, H, W]. */
export function maxpool(x: Tensor, size: readonly [number, number], options: PoolOptions = {}): MaxpoolResult {
  const geo = poolGeometry(x.shape, size, options);
  const n = geo.batch * geo.inC * geo.outH * geo.outW;
  const y = new Float32Array(n);
  const switches = new Int32Array(n);
  maxpoolForward(geo, x.data, y, switches);
  return { y: { shape: [geo.batch, geo.inC, geo.outH, geo.outW], data: y }, switches };
}
