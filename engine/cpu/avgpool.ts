/**
 * Average pooling over NCHW with stride and zero padding. It divides by the full window size
 * kh·kw even where the window hangs over the padding (the padded zeros count, PyTorch's
 * count_include_pad=True), so every output is the same linear function of its window.
 */
import type { Tensor } from '../tensor/tensor';
import type { Floats } from './floats';
import type { ConvGeometry } from './geometry';
import { type PoolOptions, poolGeometry } from './maxpool';

export function avgpoolForward(geo: ConvGeometry, x: Floats, y: Floats): void {
  const { inH, inW, outH, outW, kh, kw, strideH, strideW, padTop, padLeft } = geo;
  const planes = geo.batch * geo.inC;
  const scale = 1 / (kh * kw);
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
        let s = 0;
        for (let iy = yLo; iy < yHi; iy++) {
          const row = base + iy * inW;
          for (let ix = xLo; ix < xHi; ix++) s += x[row + ix]!;
        }
        y[o++] = s * scale;
      }
    }
  }
}

/** dx (overwritten): each dy spread evenly, dy/(kh·kw), over the in-image part of its window. */
export function avgpoolBackward(geo: ConvGeometry, dy: Floats, dx: Floats): void {
  const { inH, inW, outH, outW, kh, kw, strideH, strideW, padTop, padLeft } = geo;
  const planes = geo.batch * geo.inC;
  const scale = 1 / (kh * kw);
  dx.fill(0);
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
        const g = dy[o++]! * scale;
        for (let iy = yLo; iy < yHi; iy++) {
          const row = base + iy * inW;
          for (let ix = xLo; ix < xHi; ix++) dx[row + ix]! += g;
        }
      }
    }
  }
}

/** Tensor-level average pooling for lessons: x [N, C, H, W]. */
export function avgpool(x: Tensor, size: readonly [number, number], options: PoolOptions = {}): Tensor {
  const geo = poolGeometry(x.shape, size, options);
  const y = new Float32Array(geo.batch * geo.inC * geo.outH * geo.outW);
  avgpoolForward(geo, x.data, y);
  return { shape: [geo.batch, geo.inC, geo.outH, geo.outW], data: y };
}
