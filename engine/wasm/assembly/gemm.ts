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

/** Packs A into ceil(M/4) panels of [K][4], zero-padding missing rows. */
function packA(m: i32, k: i32, a: usize, aI: i32, aK: i32, out: usize): void {
  for (let i0 = 0; i0 < m; i0 += 4) {
    const rows = min(4, m - i0);
    const panel = out + <usize>(i0 * k) * 4;
    if (rows == 4 && aI == 1) {
      // Aᵀ stored row-major: the 4 values of one k are adjacent.
      let src = a + <usize>i0 * 4;
      const step = <usize>aK * 4;
      for (let p = 0; p < k; p++, src += step) v128.store(panel + <usize>p * 16, v128.load(src));
      continue;
    }
    let p0 = 0;
    if (rows == 4 && aK == 1) {
      // Row-major A: transpose 4x4 blocks.
      const r = a + <usize>(i0 * aI) * 4;
      const ld = <usize>aI * 4;
      for (; p0 + 3 < k; p0 += 4) {
        const src = r + <usize>p0 * 4;
        storeTransposed(v128.load(src), v128.load(src + ld), v128.load(src + 2 * ld), v128.load(src + 3 * ld), panel + <usize>p0 * 16, 16);
      }
    }
    for (let r = 0; r < 4; r++) {
      let dst = panel + <usize>(p0 * 4 + r) * 4;
      if (r >= rows) {
        for (let p = p0; p < k; p++, dst += 16) store<f32>(dst, 0);
        continue;
      }
      let src = a + <usize>((i0 + r) * aI + p0 * aK) * 4;
      const step = <usize>aK * 4;
      for (let p = p0; p < k; p++, dst += 16, src += step) store<f32>(dst, load<f32>(src));
    }
  }
}

/** Packs B into ceil(N/8) panels of [K][8], zero-padding missing columns. */
function packB(n: i32, k: i32, b: usize, bK: i32, bJ: i32, out: usize): void {
  for (let j0 = 0; j0 < n; j0 += 8) {
    const cols = min(8, n - j0);
    const panel = out + <usize>(j0 * k) * 4;
    if (bJ == 1 && cols == 8) {
      // Rows of B are contiguous: two vector loads per k.
      let src = b + <usize>j0 * 4;
      let dst = panel;
      const step = <usize>bK * 4;
      for (let p = 0; p < k; p++, dst += 32, src += step) {
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
      }
      continue;
    }
    let p0 = 0;
    if (cols == 8 && bK == 1) {
      // Bᵀ stored row-major (A·Bᵀ, e.g. dW = dY·colsᵀ): transpose two 4x4 blocks per 4 k.
      const r = b + <usize>(j0 * bJ) * 4;
      const ld = <usize>bJ * 4;
      for (; p0 + 3 < k; p0 += 4) {
        const src = r + <usize>p0 * 4;
        const dst = panel + <usize>p0 * 32;
        storeTransposed(v128.load(src), v128.load(src + ld), v128.load(src + 2 * ld), v128.load(src + 3 * ld), dst, 32);
        const hi = src + 4 * ld;
        storeTransposed(v128.load(hi), v128.load(hi + ld), v128.load(hi + 2 * ld), v128.load(hi + 3 * ld), dst + 16, 32);
      }
    }
    for (let t = 0; t < 8; t++) {
      let dst = panel + <usize>(p0 * 8 + t) * 4;
      if (t >= cols) {
        for (let p = p0; p < k; p++, dst += 32) store<f32>(dst, 0);
        continue;
      }
      let src = b + <usize>((j0 + t) * bJ + p0 * bK) * 4;
      const step = <usize>bK * 4;
      for (let p = p0; p < k; p++, dst += 32, src += step) store<f32>(dst, load<f32>(src));
    }
  }
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
