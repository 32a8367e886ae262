/**
 * One general matrix product, C[M,N] (+)= A[M,K] · B[K,N], used by conv2d (after im2col) and dense.
 *
 * A and B are addressed through strides, so the same loop serves A·B, A·Bᵀ and Aᵀ·B without
 * copying a transpose: element A(i,k) is a[aOff + i*aI + k*aK] and B(k,j) is b[bOff + k*bK + j*bJ].
 * C is row-major and contiguous: C(i,j) is c[cOff + i*N + j].
 *
 * Why this shape: JavaScript has no SIMD, so the speed comes from register blocking. Each pass of
 * the inner k loop loads 2 values of A and 4 of B and does 8 multiply-adds into 8 local
 * accumulators (doubles), instead of 2 loads and a load/store of C per multiply-add.
 */
import type { Floats } from './floats';

/**
 * C(i,j) = (accumulate ? C(i,j) : 0) + Σ_k A(i,k)·B(k,j).
 * Positional arguments (not operand objects) keep the hot call free of allocation.
 */
export function gemm(
  m: number,
  n: number,
  k: number,
  a: Floats,
  aOff: number,
  aI: number,
  aK: number,
  b: Floats,
  bOff: number,
  bK: number,
  bJ: number,
  c: Floats,
  cOff: number,
  accumulate: boolean,
): void {
  const b2 = 2 * bJ;
  const b3 = 3 * bJ;
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const a0Row = aOff + i * aI;
    const a1Row = a0Row + aI;
    const c0 = cOff + i * n;
    const c1 = c0 + n;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      let ai0 = a0Row;
      let ai1 = a1Row;
      let bi = bOff + j * bJ;
      for (let p = 0; p < k; p++) {
        const x0 = a[ai0]!;
        const x1 = a[ai1]!;
        const y0 = b[bi]!;
        const y1 = b[bi + bJ]!;
        const y2 = b[bi + b2]!;
        const y3 = b[bi + b3]!;
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
        ai0 += aK;
        ai1 += aK;
        bi += bK;
      }
      if (accumulate) {
        c[c0 + j]! += s00;
        c[c0 + j + 1]! += s01;
        c[c0 + j + 2]! += s02;
        c[c0 + j + 3]! += s03;
        c[c1 + j]! += s10;
        c[c1 + j + 1]! += s11;
        c[c1 + j + 2]! += s12;
        c[c1 + j + 3]! += s13;
      } else {
        c[c0 + j] = s00;
        c[c0 + j + 1] = s01;
        c[c0 + j + 2] = s02;
        c[c0 + j + 3] = s03;
        c[c1 + j] = s10;
        c[c1 + j + 1] = s11;
        c[c1 + j + 2] = s12;
        c[c1 + j + 3] = s13;
      }
    }
    for (; j < n; j++) {
      let s0 = 0;
      let s1 = 0;
      let ai0 = a0Row;
      let ai1 = a1Row;
      let bi = bOff + j * bJ;
      for (let p = 0; p < k; p++) {
        const y = b[bi]!;
        s0 += a[ai0]! * y;
        s1 += a[ai1]! * y;
        ai0 += aK;
        ai1 += aK;
        bi += bK;
      }
      c[c0 + j] = accumulate ? c[c0 + j]! + s0 : s0;
      c[c1 + j] = accumulate ? c[c1 + j]! + s1 : s1;
    }
  }
  // An odd last row of A.
  for (; i < m; i++) {
    const aRow = aOff + i * aI;
    const c0 = cOff + i * n;
    for (let j = 0; j < n; j++) {
      let s = 0;
      let ai = aRow;
      let bi = bOff + j * bJ;
      for (let p = 0; p < k; p++) {
        s += a[ai]! * b[bi]!;
        ai += aK;
        bi += bK;
      }
      c[c0 + j] = accumulate ? c[c0 + j]! + s : s;
    }
  }
}
