/**
 * AssemblyScript (compiled to WebAssembly, not TypeScript): the register-blocked SIMD128 matrix
 * product every conv and dense pass goes through,
 *
 *   C[M,N] = (accumulate ? C : 0) + A[M,K] · B[K,N]  (+ bias) (then ReLU),
 *
 * with A(i,k) at a + 4·(i·aI + k·aK) and B(k,j) at b + 4·(k·bK + j·bJ) (byte pointers, element
 * strides), so A·B, A·Bᵀ and Aᵀ·B are the same call; C is row-major with row stride N.
 *
 * Why this shape: A is packed once into panels of 4 rows and B into panels of 8 columns, each
 * laid out k-major, so the 4x8 micro-kernel streams both with unit stride and keeps its 8
 * f32x4 accumulators in registers (1 A splat + 2 B vectors + 8 accumulators = 11 of 16).
 * Relaxed-SIMD builds fuse the multiply-add (ASC_FEATURE_RELAXED_SIMD is a compile-time
 * constant, so each build holds only one of the two forms).
 */

export const GEMM_ACCUMULATE: u32 = 1;
/** Bias per row of C (conv: one per filter) or per column (dense: one per unit). */
export const GEMM_BIAS_ROW: u32 = 2;
export const GEMM_BIAS_COL: u32 = 4;
export const GEMM_RELU: u32 = 8;

/** Static 4x8 tile for partial edge tiles. */
const tile: usize = memory.data(128, 16);

// @ts-ignore: decorator
@inline
function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** Bytes of packing scratch gemm needs for these sizes (mirrored in engine/wasm/kernels.ts). */
export function gemmScratchBytes(m: i32, n: i32, k: i32): i32 {
  return ((((m + 3) >> 2) << 2) + (((n + 7) >> 3) << 3)) * k * 4;
}

/**
 * Transposes 4 vectors (rows) into 4 (columns) and stores column q at dst + q·stride: the step
 * that packs a row-major operand into k-major panels four k at a time.
 */
// @ts-ignore: decorator
@inline
function storeTransposed(r0: v128, r1: v128, r2: v128, r3: v128, dst: usize, stride: usize): void {
  const t0 = v128.shuffle<i32>(r0, r1, 0, 4, 1, 5);
  const t1 = v128.shuffle<i32>(r2, r3, 0, 4, 1, 5);
  const t2 = v128.shuffle<i32>(r0, r1, 2, 6, 3, 7);
  const t3 = v128.shuffle<i32>(r2, r3, 2, 6, 3, 7);
  v128.store(dst, v128.shuffle<i32>(t0, t1, 0, 1, 4, 5));
  v128.store(dst + stride, v128.shuffle<i32>(t0, t1, 2, 3, 6, 7));
  v128.store(dst + 2 * stride, v128.shuffle<i32>(t2, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * stride, v128.shuffle<i32>(t2, t3, 2, 3, 6, 7));
}

/**
 * Packs a row-major operand whose panel lanes are its rows (A's rows, or Bᵀ's rows for A·Bᵀ):
 * `lanes` rows from `src` (row stride `ld` bytes) go into a k-major panel four k at a time, one
 * 4x4 transpose per 4 lanes. Returns the first k left for packRemainder.
 */
// @ts-ignore: decorator
@inline
function packTransposed(src: usize, ld: usize, k: i32, panel: usize, lanes: i32): i32 {
  const rowBytes = <usize>lanes * 4;
  let p0 = 0;
  for (; p0 + 3 < k; p0 += 4) {
    for (let q = 0; q < lanes; q += 4) {
      const s = src + <usize>q * ld + <usize>p0 * 4;
      storeTransposed(v128.load(s), v128.load(s + ld), v128.load(s + 2 * ld), v128.load(s + 3 * ld), panel + <usize>p0 * rowBytes + <usize>q * 4, rowBytes);
    }
  }
  return p0;
}

/**
 * Packs k = p0..K-1 of a panel one value at a time, lane t (of `lanes`) read from
 * src + 4·(t·laneStride + p·kStride), zero-filling the lanes from `valid` on: edge panels and the
 * strides the vector paths do not take.
 */
function packRemainder(panel: usize, lanes: i32, valid: i32, p0: i32, k: i32, src: usize, laneStride: i32, kStride: i32): void {
  const rowBytes = <usize>lanes * 4;
  const step = <usize>kStride * 4;
  for (let t = 0; t < lanes; t++) {
    let dst = panel + <usize>(p0 * lanes + t) * 4;
    if (t >= valid) {
      for (let p = p0; p < k; p++, dst += rowBytes) store<f32>(dst, 0);
      continue;
    }
    let from = src + <usize>(t * laneStride + p0 * kStride) * 4;
    for (let p = p0; p < k; p++, dst += rowBytes, from += step) store<f32>(dst, load<f32>(from));
  }
}

/**
 * Packs an operand into ceil(count/lanes) k-major panels of [K][lanes], zero-padding missing
 * lanes, with element (lane t, k p) at src + 4·(t·laneStride + p·kStride): A packs its rows into
 * 4-lane panels, B its columns into 8-lane panels. Lanes adjacent in memory are copied a vector
 * at a time, a row-major operand is transposed 4x4 at a time, anything else value by value.
 */
// @ts-ignore: decorator
@inline
function packPanels(count: i32, k: i32, src: usize, laneStride: i32, kStride: i32, out: usize, lanes: i32): void {
  const rowBytes = <usize>lanes * 4;
  for (let l0 = 0; l0 < count; l0 += lanes) {
    const valid = min(lanes, count - l0);
    const panel = out + <usize>(l0 * k) * 4;
    const first = src + <usize>(l0 * laneStride) * 4;
    if (valid == lanes && laneStride == 1) {
      // The lanes of one k are adjacent (Aᵀ or B stored row-major).
      let from = first;
      let dst = panel;
      const step = <usize>kStride * 4;
      for (let p = 0; p < k; p++, dst += rowBytes, from += step) {
        for (let q: usize = 0; q < rowBytes; q += 16) v128.store(dst + q, v128.load(from + q));
      }
      continue;
    }
    // Row-major A, or Bᵀ stored row-major (A·Bᵀ, e.g. dW = dY·colsᵀ): 4x4 transposes.
    const p0 = valid == lanes && kStride == 1 ? packTransposed(first, <usize>laneStride * 4, k, panel, lanes) : 0;
    packRemainder(panel, lanes, valid, p0, k, first, laneStride, kStride);
  }
}

/** Packs A (M x K) into ceil(M/4) panels of [K][4]. */
function packA(m: i32, k: i32, a: usize, aI: i32, aK: i32, out: usize): void {
  packPanels(m, k, a, aI, aK, out, 4);
}

/** Packs B (K x N) into ceil(N/8) panels of [K][8]. */
function packB(n: i32, k: i32, b: usize, bK: i32, bJ: i32, out: usize): void {
  packPanels(n, k, b, bJ, bK, out, 8);
}

// @ts-ignore: decorator
@inline
function finish(v: v128, c: usize, flags: u32, bias: v128): v128 {
  let r = v;
  if (flags & GEMM_ACCUMULATE) r = f32x4.add(r, v128.load(c));
  if (flags & (GEMM_BIAS_ROW | GEMM_BIAS_COL)) r = f32x4.add(r, bias);
  if (flags & GEMM_RELU) r = f32x4.max(r, f32x4.splat(0));
  return r;
}

/** Writes one accumulator row (8 values) of a full tile. */
// @ts-ignore: decorator
@inline
function writeRow(c: usize, v0: v128, v1: v128, flags: u32, bias: usize, row: i32, col: i32): void {
  let b0 = f32x4.splat(0);
  let b1 = b0;
  if (flags & GEMM_BIAS_ROW) {
    b0 = v128.load32_splat(bias + <usize>row * 4);
    b1 = b0;
  } else if (flags & GEMM_BIAS_COL) {
    b0 = v128.load(bias + <usize>col * 4);
    b1 = v128.load(bias + <usize>col * 4, 16);
  }
  v128.store(c, finish(v0, c, flags, b0));
  v128.store(c + 16, finish(v1, c + 16, flags, b1));
}

/** Writes the valid rows x cols corner of the tile buffer, one value at a time. */
function writeEdge(c: usize, ldc: i32, rows: i32, cols: i32, flags: u32, bias: usize, i0: i32, j0: i32): void {
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < cols; t++) {
      const dst = c + <usize>(r * ldc + t) * 4;
      let v = load<f32>(tile + <usize>(r * 8 + t) * 4);
      if (flags & GEMM_ACCUMULATE) v += load<f32>(dst);
      if (flags & GEMM_BIAS_ROW) v += load<f32>(bias + <usize>(i0 + r) * 4);
      else if (flags & GEMM_BIAS_COL) v += load<f32>(bias + <usize>(j0 + t) * 4);
      if (flags & GEMM_RELU) v = v > 0 ? v : 0;
      store<f32>(dst, v);
    }
  }
}

/** Bytes of A once packed (the first part of gemm's scratch). */
export function packedABytes(m: i32, k: i32): usize {
  return <usize>(((m + 3) >> 2) << 2) * <usize>k * 4;
}

export function gemm(
  m: i32,
  n: i32,
  k: i32,
  a: usize,
  aI: i32,
  aK: i32,
  b: usize,
  bK: i32,
  bJ: i32,
  c: usize,
  flags: u32,
  bias: usize,
  scratch: usize,
): void {
  packA(m, k, a, aI, aK, scratch);
  gemmPackedA(m, n, k, scratch, b, bK, bJ, c, flags, bias, scratch + packedABytes(m, k));
}

/** Packs A (M x K through strides) into `out` for gemmPackedA: done once for an operand reused across calls. */
export function packOperandA(m: i32, k: i32, a: usize, aI: i32, aK: i32, out: usize): void {
  packA(m, k, a, aI, aK, out);
}

/** gemm with A already packed at `pa` (packOperandA); `scratch` takes B's panels. */
export function gemmPackedA(
  m: i32,
  n: i32,
  k: i32,
  pa: usize,
  b: usize,
  bK: i32,
  bJ: i32,
  c: usize,
  flags: u32,
  bias: usize,
  scratch: usize,
): void {
  packB(n, k, b, bK, bJ, scratch);
  gemmPanels(m, n, k, pa, scratch, c, flags, bias);
}

/**
 * The micro-kernel sweep over operands both already packed: A in 4-row panels (packOperandA),
 * B in 8-column panels [ceil(N/8)][K][8], zero-padded (packB, or im2colPanels straight from an image).
 */
export function gemmPanels(m: i32, n: i32, k: i32, pa: usize, pb: usize, c: usize, flags: u32, bias: usize): void {
  for (let j0 = 0; j0 < n; j0 += 8) {
    const cols = min(8, n - j0);
    const bPanel = pb + <usize>(j0 * k) * 4;
    for (let i0 = 0; i0 < m; i0 += 4) {
      const rows = min(4, m - i0);
      let ap = pa + <usize>(i0 * k) * 4;
      let bp = bPanel;
      let c00 = f32x4.splat(0);
      let c01 = c00;
      let c10 = c00;
      let c11 = c00;
      let c20 = c00;
      let c21 = c00;
      let c30 = c00;
      let c31 = c00;
      for (let p = 0; p < k; p++) {
        const b0 = v128.load(bp);
        const b1 = v128.load(bp, 16);
        let x = v128.load32_splat(ap);
        c00 = madd(x, b0, c00);
        c01 = madd(x, b1, c01);
        x = v128.load32_splat(ap, 4);
        c10 = madd(x, b0, c10);
        c11 = madd(x, b1, c11);
        x = v128.load32_splat(ap, 8);
        c20 = madd(x, b0, c20);
        c21 = madd(x, b1, c21);
        x = v128.load32_splat(ap, 12);
        c30 = madd(x, b0, c30);
        c31 = madd(x, b1, c31);
        ap += 16;
        bp += 32;
      }
      const cTile = c + <usize>(i0 * n + j0) * 4;
      if (rows == 4 && cols == 8) {
        const ldc = <usize>n * 4;
        writeRow(cTile, c00, c01, flags, bias, i0, j0);
        writeRow(cTile + ldc, c10, c11, flags, bias, i0 + 1, j0);
        writeRow(cTile + 2 * ldc, c20, c21, flags, bias, i0 + 2, j0);
        writeRow(cTile + 3 * ldc, c30, c31, flags, bias, i0 + 3, j0);
      } else {
        v128.store(tile, c00);
        v128.store(tile, c01, 16);
        v128.store(tile, c10, 32);
        v128.store(tile, c11, 48);
        v128.store(tile, c20, 64);
        v128.store(tile, c21, 80);
        v128.store(tile, c30, 96);
        v128.store(tile, c31, 112);
        writeEdge(cTile, n, rows, cols, flags, bias, i0, j0);
      }
    }
  }
}
