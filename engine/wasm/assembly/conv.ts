/**
 * AssemblyScript: 2-D convolution forward and backward over NCHW, the same arithmetic as
 * engine/cpu/conv2d.ts (see there): per image and group, im2col then one gemm
 *   forward   Y_g = W_g · cols           (bias per filter row and ReLU fused into the write)
 *   backward  dW_g += dY_g · colsᵀ (gemm-nt.ts),  dcols = W_gᵀ · dY_g then col2im,  db = Σ dY.
 * `cols` and `dcols` each hold K·P floats; `scratch` holds gemm's packing for the largest of
 * the three products (engine/wasm/kernels.ts sizes it).
 */
import { GEMM_BIAS_ROW, GEMM_RELU, gemmPackedA, gemmPanels, packedABytes, packOperandA } from './gemm';
import { gemmNT } from './gemm-nt';
import { gBatch, gGroups, gInC, gInH, gInW, gKh, gKw, gOutC, gOutH, gOutW, readGeometry } from './geometry';
import { col2imImage, im2colImage, im2colPanels } from './im2col';

/** flags: 1 = has bias, 2 = apply ReLU after the bias. W_g is packed once per group, not per image. */
export function conv2dForward(
  geo: usize,
  x: usize,
  w: usize,
  b: usize,
  y: usize,
  cols: usize,
  scratch: usize,
  flags: u32,
): void {
  readGeometry(geo);
  const fg = gOutC / gGroups;
  const k = (gInC / gGroups) * gKh * gKw;
  const p = gOutH * gOutW;
  let gemmFlags: u32 = 0;
  if (flags & 1) gemmFlags |= GEMM_BIAS_ROW;
  if (flags & 2) gemmFlags |= GEMM_RELU;
  const packedW = scratch;
  const rest = scratch + packedABytes(fg, k);
  for (let g = 0; g < gGroups; g++) {
    packOperandA(fg, k, w + <usize>(g * fg * k) * 4, k, 1, packedW);
    for (let n = 0; n < gBatch; n++) {
      const out = y + <usize>((n * gOutC + g * fg) * p) * 4;
      const bias = b + <usize>(g * fg) * 4;
      if ((gOutW & 7) == 0) {
        // The image goes straight into B's panels: no cols matrix, no packing pass.
        im2colPanels(x, n, g, rest);
        gemmPanels(fg, p, k, packedW, rest, out, gemmFlags, bias);
      } else {
        im2colImage(x, n, g, cols);
        gemmPackedA(fg, p, k, packedW, cols, p, 1, out, gemmFlags, bias, rest);
      }
    }
  }
}

/**
 * dx (0 = skip) and dw are overwritten; db (0 = no bias) too. dy is read only. Groups outermost
 * so W_gᵀ is packed once per group; per group the images are summed in order, as the reference does.
 */
export function conv2dBackward(
  geo: usize,
  x: usize,
  w: usize,
  dy: usize,
  dx: usize,
  dw: usize,
  db: usize,
  cols: usize,
  dcols: usize,
  scratch: usize,
): void {
  readGeometry(geo);
  const fg = gOutC / gGroups;
  const k = (gInC / gGroups) * gKh * gKw;
  const p = gOutH * gOutW;
  memory.fill(dw, 0, <usize>(gOutC * k) * 4);
  if (dx) memory.fill(dx, 0, <usize>(gBatch * gInC * gInH * gInW) * 4);
  const packedWt = scratch;
  const rest = scratch + packedABytes(k, fg);
  for (let g = 0; g < gGroups; g++) {
    const wG = w + <usize>(g * fg * k) * 4;
    if (dx) packOperandA(k, fg, wG, 1, k, packedWt);
    for (let n = 0; n < gBatch; n++) {
      const dyG = dy + <usize>((n * gOutC + g * fg) * p) * 4;
      im2colImage(x, n, g, cols);
      // dW_g += dY_g·colsᵀ: both have the pixels contiguous, so the unpacked dot-product kernel.
      gemmNT(fg, k, p, dyG, p, cols, p, dw + <usize>(g * fg * k) * 4, true);
      if (dx) {
        gemmPackedA(k, p, fg, packedWt, dyG, p, 1, dcols, 0, 0, rest);
        col2imImage(dcols, n, g, dx);
      }
    }
  }
  if (db) biasGradient(dy, db, gBatch, gOutC, p);
}

/** db[f] = Σ over images and pixels of dy[n, f, ·] (overwritten). */
export function biasGradient(dy: usize, db: usize, batch: i32, channels: i32, size: i32): void {
  memory.fill(db, 0, <usize>channels * 4);
  let src = dy;
  for (let n = 0; n < batch; n++) {
    for (let f = 0; f < channels; f++) {
      let acc = f32x4.splat(0);
      let i = 0;
      for (; i + 3 < size; i += 4, src += 16) acc = f32x4.add(acc, v128.load(src));
      let s: f32 =
        f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3);
      for (; i < size; i++, src += 4) s += load<f32>(src);
      const d = db + <usize>f * 4;
      store<f32>(d, load<f32>(d) + s);
    }
  }
}
