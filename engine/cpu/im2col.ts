/**
 * im2col and col2im: the unrolling that turns a convolution into one matrix product.
 *
 * For one image and one channel group, `cols` is a [K, P] row-major matrix with
 * K = (C/groups)·kh·kw (one row per input channel c and kernel tap ky, kx) and P = outH·outW
 * (one column per output pixel). cols[(c,ky,kx), (oy,ox)] = x[c, oy·sh − padTop + ky·dh,
 * ox·sw − padLeft + kx·dw], or 0 where that falls in the padding. col2im is its adjoint: it
 * adds every column entry back into the input pixel it was read from (used for dL/dx).
 */
import type { Floats } from './floats';
import type { ConvGeometry } from './geometry';

/** Fills cols ([K, P] at colsOff) from image `n`, group `g` of x. */
export function im2col(geo: ConvGeometry, x: Floats, n: number, g: number, cols: Floats, colsOff: number): void {
  const { inH, inW, outH, outW, kh, kw, strideH, strideW, padTop, padLeft, dilationH, dilationW } = geo;
  const cg = geo.inC / geo.groups;
  const plane = inH * inW;
  let o = colsOff;
  for (let c = 0; c < cg; c++) {
    const xPlane = (n * geo.inC + g * cg + c) * plane;
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++) {
        const xOff = kx * dilationW - padLeft;
        // Output columns whose input column lies inside the image: ox in [oxLo, oxHi).
        const oxLo = clampLo(xOff, strideW);
        const oxHi = clampHi(xOff, strideW, inW, outW);
        for (let oy = 0; oy < outH; oy++) {
          const iy = oy * strideH - padTop + ky * dilationH;
          if (iy < 0 || iy >= inH || oxLo >= oxHi) {
            for (let ox = 0; ox < outW; ox++) cols[o + ox] = 0;
          } else {
            const row = xPlane + iy * inW + xOff;
            for (let ox = 0; ox < oxLo; ox++) cols[o + ox] = 0;
            for (let ox = oxLo; ox < oxHi; ox++) cols[o + ox] = x[row + ox * strideW]!;
            for (let ox = oxHi; ox < outW; ox++) cols[o + ox] = 0;
          }
          o += outW;
        }
      }
    }
  }
}

/** Adds cols ([K, P] at colsOff) back into image `n`, group `g` of dx (which it does not clear). */
export function col2im(geo: ConvGeometry, cols: Floats, colsOff: number, n: number, g: number, dx: Floats): void {
  const { inH, inW, outH, outW, kh, kw, strideH, strideW, padTop, padLeft, dilationH, dilationW } = geo;
  const cg = geo.inC / geo.groups;
  const plane = inH * inW;
  let o = colsOff;
  for (let c = 0; c < cg; c++) {
    const xPlane = (n * geo.inC + g * cg + c) * plane;
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++) {
        const xOff = kx * dilationW - padLeft;
        const oxLo = clampLo(xOff, strideW);
        const oxHi = clampHi(xOff, strideW, inW, outW);
        for (let oy = 0; oy < outH; oy++) {
          const iy = oy * strideH - padTop + ky * dilationH;
          if (iy >= 0 && iy < inH) {
            const row = xPlane + iy * inW + xOff;
            for (let ox = oxLo; ox < oxHi; ox++) dx[row + ox * strideW]! += cols[o + ox]!;
          }
          o += outW;
        }
      }
    }
  }
}

/** Smallest ox with ox·stride + xOff ≥ 0. */
function clampLo(xOff: number, stride: number): number {
  return xOff >= 0 ? 0 : Math.ceil(-xOff / stride);
}

/** One past the largest ox with ox·stride + xOff < inW, capped at outW. */
function clampHi(xOff: number, stride: number, inW: number, outW: number): number {
  if (inW - xOff <= 0) return 0;
  return Math.min(outW, Math.ceil((inW - xOff) / stride));
}
