/**
 * AssemblyScript: C[M,N] (+)= A[M,D] · B[N,D]ᵀ where both operands are row-major with the
 * reduction dimension D contiguous (conv's dW = dY·colsᵀ: D is the output pixels). Vectorised
 * along D, so neither operand is repacked: the packed gemm would first have to transpose B
 * (K·P values per image) into k-major panels. A 4x2 tile keeps 8 f32x4 accumulators and reads
 * 4 + 2 vectors per step; each accumulator is summed across lanes once at the end.
 */

// @ts-ignore: decorator
@inline
function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

// @ts-ignore: decorator
@inline
function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

/** Σ_p x[p]·y[p] over d floats. */
function dot(x: usize, y: usize, d: i32): f32 {
  let acc = f32x4.splat(0);
  let p = 0;
  for (; p + 3 < d; p += 4) acc = madd(v128.load(x + <usize>p * 4), v128.load(y + <usize>p * 4), acc);
  let s = hsum(acc);
  for (; p < d; p++) s += load<f32>(x + <usize>p * 4) * load<f32>(y + <usize>p * 4);
  return s;
}

// @ts-ignore: decorator
@inline
function put(c: usize, v: f32, accumulate: bool): void {
  store<f32>(c, accumulate ? load<f32>(c) + v : v);
}

export function gemmNT(m: i32, n: i32, d: i32, a: usize, lda: i32, b: usize, ldb: i32, c: usize, accumulate: bool): void {
  const d4 = d & ~3;
  const aStep = <usize>lda * 4;
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const a0 = a + <usize>i * aStep;
    const a1 = a0 + aStep;
    const a2 = a1 + aStep;
    const a3 = a2 + aStep;
    const cRow = c + <usize>(i * n) * 4;
    let j = 0;
    for (; j + 1 < n; j += 2) {
      const b0 = b + <usize>(j * ldb) * 4;
      const b1 = b0 + <usize>ldb * 4;
      let s00 = f32x4.splat(0);
      let s01 = s00;
      let s10 = s00;
      let s11 = s00;
      let s20 = s00;
      let s21 = s00;
      let s30 = s00;
      let s31 = s00;
      for (let p = 0; p < d4; p += 4) {
        const o = <usize>p * 4;
        const y0 = v128.load(b0 + o);
        const y1 = v128.load(b1 + o);
        let x = v128.load(a0 + o);
        s00 = madd(x, y0, s00);
        s01 = madd(x, y1, s01);
        x = v128.load(a1 + o);
        s10 = madd(x, y0, s10);
        s11 = madd(x, y1, s11);
        x = v128.load(a2 + o);
        s20 = madd(x, y0, s20);
        s21 = madd(x, y1, s21);
        x = v128.load(a3 + o);
        s30 = madd(x, y0, s30);
        s31 = madd(x, y1, s31);
      }
      let r00 = hsum(s00);
      let r01 = hsum(s01);
      let r10 = hsum(s10);
      let r11 = hsum(s11);
      let r20 = hsum(s20);
      let r21 = hsum(s21);
      let r30 = hsum(s30);
      let r31 = hsum(s31);
      for (let p = d4; p < d; p++) {
        const o = <usize>p * 4;
        const y0 = load<f32>(b0 + o);
        const y1 = load<f32>(b1 + o);
        const x0 = load<f32>(a0 + o);
        const x1 = load<f32>(a1 + o);
        const x2 = load<f32>(a2 + o);
        const x3 = load<f32>(a3 + o);
        r00 += x0 * y0;
        r01 += x0 * y1;
        r10 += x1 * y0;
        r11 += x1 * y1;
        r20 += x2 * y0;
        r21 += x2 * y1;
        r30 += x3 * y0;
        r31 += x3 * y1;
      }
      const ct = cRow + <usize>j * 4;
      const ldc = <usize>n * 4;
      put(ct, r00, accumulate);
      put(ct + 4, r01, accumulate);
      put(ct + ldc, r10, accumulate);
      put(ct + ldc + 4, r11, accumulate);
      put(ct + 2 * ldc, r20, accumulate);
      put(ct + 2 * ldc + 4, r21, accumulate);
      put(ct + 3 * ldc, r30, accumulate);
      put(ct + 3 * ldc + 4, r31, accumulate);
    }
    for (; j < n; j++) {
      const bj = b + <usize>(j * ldb) * 4;
      for (let r = 0; r < 4; r++) put(cRow + <usize>(r * n + j) * 4, dot(a0 + <usize>r * aStep, bj, d), accumulate);
    }
  }
  // Leftover rows one at a time, against 4 rows of B at once (4 independent accumulator chains).
  for (; i < m; i++) {
    const ai = a + <usize>i * aStep;
    const cRow = c + <usize>(i * n) * 4;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      const b0 = b + <usize>(j * ldb) * 4;
      const b1 = b0 + <usize>ldb * 4;
      const b2 = b1 + <usize>ldb * 4;
      const b3 = b2 + <usize>ldb * 4;
      let s0 = f32x4.splat(0);
      let s1 = s0;
      let s2 = s0;
      let s3 = s0;
      for (let p = 0; p < d4; p += 4) {
        const o = <usize>p * 4;
        const x = v128.load(ai + o);
        s0 = madd(x, v128.load(b0 + o), s0);
        s1 = madd(x, v128.load(b1 + o), s1);
        s2 = madd(x, v128.load(b2 + o), s2);
        s3 = madd(x, v128.load(b3 + o), s3);
      }
      let r0 = hsum(s0);
      let r1 = hsum(s1);
      let r2 = hsum(s2);
      let r3 = hsum(s3);
      for (let p = d4; p < d; p++) {
        const o = <usize>p * 4;
        const x = load<f32>(ai + o);
        r0 += x * load<f32>(b0 + o);
        r1 += x * load<f32>(b1 + o);
        r2 += x * load<f32>(b2 + o);
        r3 += x * load<f32>(b3 + o);
      }
      const ct = cRow + <usize>j * 4;
      put(ct, r0, accumulate);
      put(ct + 4, r1, accumulate);
      put(ct + 8, r2, accumulate);
      put(ct + 12, r3, accumulate);
    }
    for (; j < n; j++) put(cRow + <usize>j * 4, dot(ai, b + <usize>(j * ldb) * 4, d), accumulate);
  }
}
