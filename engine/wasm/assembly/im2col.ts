/**
 * AssemblyScript: im2col and col2im for one image and channel group, exactly as
 * engine/cpu/im2col.ts (read that file's comment for the layout): cols is [K, P] with
 * K = (C/groups)·kh·kw and P = outH·outW. Uses the geometry globals (readGeometry first).
 */
import {
  gDilH,
  gDilW,
  gGroups,
  gInC,
  gInH,
  gInW,
  gKh,
  gKw,
  gOutH,
  gOutW,
  gPadLeft,
  gPadTop,
  gStrideH,
  gStrideW,
  readGeometry,
} from './geometry';

/**
 * Copies / zeroes n floats. Rows here are short (an output row, often 8-32 floats), where
 * bulk-memory instructions cost a runtime call each in V8; an inline vector loop does not.
 */
// @ts-ignore: decorator
@inline
function copyFloats(dst: usize, src: usize, n: i32): void {
  let i = 0;
  for (; i + 3 < n; i += 4) v128.store(dst + <usize>i * 4, v128.load(src + <usize>i * 4));
  for (; i < n; i++) store<f32>(dst + <usize>i * 4, load<f32>(src + <usize>i * 4));
}

// @ts-ignore: decorator
@inline
function zeroFloats(dst: usize, n: i32): void {
  let i = 0;
  const zero = f32x4.splat(0);
  for (; i + 3 < n; i += 4) v128.store(dst + <usize>i * 4, zero);
  for (; i < n; i++) store<f32>(dst + <usize>i * 4, 0);
}

/** Smallest ox with ox·stride + xOff ≥ 0. */
function clampLo(xOff: i32, stride: i32): i32 {
  return xOff >= 0 ? 0 : (-xOff + stride - 1) / stride;
}

/** One past the largest ox with ox·stride + xOff < inW, capped at outW. */
function clampHi(xOff: i32, stride: i32, inW: i32, outW: i32): i32 {
  if (inW - xOff <= 0) return 0;
  return min(outW, (inW - xOff + stride - 1) / stride);
}

export function im2colImage(x: usize, n: i32, g: i32, cols: usize): void {
  const cg = gInC / gGroups;
  const plane = gInH * gInW;
  let o = cols;
  for (let c = 0; c < cg; c++) {
    const xPlane = x + <usize>((n * gInC + g * cg + c) * plane) * 4;
    for (let ky = 0; ky < gKh; ky++) {
      for (let kx = 0; kx < gKw; kx++) {
        const xOff = kx * gDilW - gPadLeft;
        const lo = clampLo(xOff, gStrideW);
        const hi = max(lo, clampHi(xOff, gStrideW, gInW, gOutW));
        for (let oy = 0; oy < gOutH; oy++) {
          const iy = oy * gStrideH - gPadTop + ky * gDilH;
          if (iy < 0 || iy >= gInH || lo >= hi) {
            zeroFloats(o, gOutW);
          } else {
            if (lo > 0) zeroFloats(o, lo);
            const row = xPlane + <usize>(iy * gInW + xOff) * 4;
            if (gStrideW == 1) {
              copyFloats(o + <usize>lo * 4, row + <usize>lo * 4, hi - lo);
            } else {
              const step = <usize>gStrideW * 4;
              let src = row + <usize>(lo * gStrideW) * 4;
              for (let ox = lo; ox < hi; ox++, src += step) store<f32>(o + <usize>ox * 4, load<f32>(src));
            }
            if (hi < gOutW) zeroFloats(o + <usize>hi * 4, gOutW - hi);
          }
          o += <usize>gOutW * 4;
        }
      }
    }
  }
}

/** Adds cols back into image n, group g of dx (which it does not clear). */
export function col2imImage(cols: usize, n: i32, g: i32, dx: usize): void {
  const cg = gInC / gGroups;
  const plane = gInH * gInW;
  let o = cols;
  for (let c = 0; c < cg; c++) {
    const xPlane = dx + <usize>((n * gInC + g * cg + c) * plane) * 4;
    for (let ky = 0; ky < gKh; ky++) {
      for (let kx = 0; kx < gKw; kx++) {
        const xOff = kx * gDilW - gPadLeft;
        const lo = clampLo(xOff, gStrideW);
        const hi = clampHi(xOff, gStrideW, gInW, gOutW);
        for (let oy = 0; oy < gOutH; oy++) {
          const iy = oy * gStrideH - gPadTop + ky * gDilH;
          if (iy >= 0 && iy < gInH) {
            const row = xPlane + <usize>(iy * gInW + xOff) * 4;
            if (gStrideW == 1) {
              let ox = lo;
              for (; ox + 3 < hi; ox += 4) {
                const d = row + <usize>ox * 4;
                v128.store(d, f32x4.add(v128.load(d), v128.load(o + <usize>ox * 4)));
              }
              for (; ox < hi; ox++) {
                const d = row + <usize>ox * 4;
                store<f32>(d, load<f32>(d) + load<f32>(o + <usize>ox * 4));
              }
            } else {
              for (let ox = lo; ox < hi; ox++) {
                const d = row + <usize>(ox * gStrideW) * 4;
                store<f32>(d, load<f32>(d) + load<f32>(o + <usize>ox * 4));
              }
            }
          }
          o += <usize>gOutW * 4;
        }
      }
    }
  }
}

export function im2col(geo: usize, x: usize, n: i32, g: i32, cols: usize): void {
  readGeometry(geo);
  im2colImage(x, n, g, cols);
}

export function col2im(geo: usize, cols: usize, n: i32, g: i32, dx: usize): void {
  readGeometry(geo);
  col2imImage(cols, n, g, dx);
}

/**
 * im2col written straight into gemm's packed-B layout for one image and group, skipping the
 * [K, P] matrix and its packing pass: panel t (output pixels 8t..8t+7) holds, for each row k,
 * the 8 values at panel + 32·k. Only for outW % 8 == 0, so every output row is whole panels
 * and a panel never straddles two rows (the common 8/16/24/32-wide maps).
 */
export function im2colPanels(x: usize, n: i32, g: i32, pb: usize): void {
  const cg = gInC / gGroups;
  const k = cg * gKh * gKw;
  const plane = gInH * gInW;
  const panelBytes = <usize>k * 32;
  const chunks = gOutW >> 3;
  const zero = f32x4.splat(0);
  let krow = 0;
  for (let c = 0; c < cg; c++) {
    const xPlane = x + <usize>((n * gInC + g * cg + c) * plane) * 4;
    for (let ky = 0; ky < gKh; ky++) {
      for (let kx = 0; kx < gKw; kx++, krow++) {
        const xOff = kx * gDilW - gPadLeft;
        const lo = clampLo(xOff, gStrideW);
        const hi = clampHi(xOff, gStrideW, gInW, gOutW);
        for (let oy = 0; oy < gOutH; oy++) {
          const iy = oy * gStrideH - gPadTop + ky * gDilH;
          let dst = pb + <usize>(oy * chunks) * panelBytes + <usize>krow * 32;
          const inside = iy >= 0 && iy < gInH;
          const row = xPlane + <usize>(iy * gInW + xOff) * 4;
          for (let t = 0; t < chunks; t++, dst += panelBytes) {
            const ox0 = t << 3;
            if (!inside || ox0 + 8 <= lo || ox0 >= hi) {
              v128.store(dst, zero);
              v128.store(dst, zero, 16);
            } else if (gStrideW == 1 && ox0 >= lo && ox0 + 8 <= hi) {
              const src = row + <usize>ox0 * 4;
              v128.store(dst, v128.load(src));
              v128.store(dst, v128.load(src, 16), 16);
            } else {
              for (let q = 0; q < 8; q++) {
                const ox = ox0 + q;
                const v: f32 = ox >= lo && ox < hi ? load<f32>(row + <usize>(ox * gStrideW) * 4) : 0;
                store<f32>(dst + <usize>q * 4, v);
              }
            }
          }
        }
      }
    }
  }
}
