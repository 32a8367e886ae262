/**
 * The wasm SIMD gemm against engine/cpu/gemm.ts over random sizes (odd ones included, so
 * every partial 4x8 edge tile is hit) in all three stride forms the layers use, with
 * offsets and accumulation. Run under `node --experimental-wasm-relaxed-simd` (Node 20) to test the
 * relaxed-SIMD build; plain Node tests the SIMD128 one.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gemm } from '../../engine/cpu/gemm';
import { createRng } from '../../engine/tensor/rng';
import type { WasmKernels } from '../../engine/wasm/kernels';
import { createWasmKernelsNode } from '../../engine/wasm/node/kernels';
import { wasmGemm, wasmGemmNT } from '../../engine/wasm/ops';
import { expectClose, randomFloats } from './wasm-helpers';

let k: WasmKernels;
beforeAll(async () => {
  k = await createWasmKernelsNode();
});

type Form = 'A·B' | 'A·Bᵀ' | 'Aᵀ·B';

/** Strides for A(i,p) and B(p,j) stored row-major as [M,K] or [K,M], [K,N] or [N,K]. */
function strides(form: Form, m: number, n: number, depth: number): [number, number, number, number] {
  const [aI, aK] = form === 'Aᵀ·B' ? [1, m] : [depth, 1];
  const [bK, bJ] = form === 'A·Bᵀ' ? [1, depth] : [n, 1];
  return [aI, aK, bK, bJ];
}

describe('wasm gemm', () => {
  it('uses the relaxed-SIMD build exactly where this engine validates it', () => {
    const relaxed = readFileSync(new URL('../../engine/wasm/build/kernels-relaxed.wasm', import.meta.url));
    expect(k.flavour).toBe(WebAssembly.validate(relaxed) ? 'relaxed-simd' : 'simd');
    // `npm run test:wasm-relaxed` sets this, so a run meant for the relaxed build cannot pass on the plain one.
    const expected = process.env.WASM_EXPECT_FLAVOUR;
    if (expected) expect(k.flavour).toBe(expected);
  });

  const rng = createRng(17);
  const cases: [Form, number, number, number, boolean][] = [];
  for (const form of ['A·B', 'A·Bᵀ', 'Aᵀ·B'] as Form[]) {
    for (let t = 0; t < 8; t++) {
      cases.push([form, 1 + rng.int(37), 1 + rng.int(45), 1 + rng.int(70), rng.next() < 0.5]);
    }
    cases.push([form, 1, 1, 1, false], [form, 4, 8, 3, false], [form, 64, 96, 150, true]);
  }

  it.each(cases)('%s, M=%i N=%i K=%i, accumulate %s', (form, m, n, depth, accumulate) => {
    const r = createRng(m * 1000 + n * 10 + depth);
    const aOff = r.int(5);
    const bOff = r.int(5);
    const cOff = r.int(5);
    const a = randomFloats(r, aOff + m * depth);
    const b = randomFloats(r, bOff + depth * n);
    const c0 = randomFloats(r, cOff + m * n + 3);
    const [aI, aK, bK, bJ] = strides(form, m, n, depth);
    const expected = c0.slice();
    gemm(m, n, depth, a, aOff, aI, aK, b, bOff, bK, bJ, expected, cOff, accumulate);
    const actual = c0.slice();
    wasmGemm(k, m, n, depth, a, aOff, aI, aK, b, bOff, bK, bJ, actual, cOff, accumulate);
    // Values outside C's [cOff, cOff + M·N) window are untouched (they equal c0 in both).
    expectClose(actual, expected, 1e-5 * Math.sqrt(depth), `${form} ${m}x${n}x${depth}`);
    expect(actual[cOff + m * n + 2]).toBe(c0[cOff + m * n + 2]);
  });
});

describe('wasm gemm builds', () => {
  it('plain SIMD and (where validated) relaxed SIMD agree on one product', async () => {
    const plain = await createWasmKernelsNode('simd');
    expect(plain.flavour).toBe('simd');
    const r = createRng(5);
    const a = randomFloats(r, 13 * 21);
    const b = randomFloats(r, 21 * 19);
    const expected = new Float32Array(13 * 19);
    gemm(13, 19, 21, a, 0, 21, 1, b, 0, 19, 1, expected, 0, false);
    const c = new Float32Array(13 * 19);
    wasmGemm(plain, 13, 19, 21, a, 0, 21, 1, b, 0, 19, 1, c, 0, false);
    expectClose(c, expected, 1e-5, 'simd');
  });
});

describe('wasm gemmNT (A·Bᵀ, both row-major, depth contiguous)', () => {
  const rng = createRng(29);
  const cases: [number, number, number, boolean][] = [
    [1, 1, 1, false],
    [4, 2, 4, false],
    [10, 250, 64, true],
    [20, 25, 576, true],
  ];
  for (let t = 0; t < 8; t++) cases.push([1 + rng.int(13), 1 + rng.int(11), 1 + rng.int(40), rng.next() < 0.5]);
  it.each(cases)('M=%i N=%i D=%i, accumulate %s', (m, n, depth, accumulate) => {
    const r = createRng(m * 31 + n * 7 + depth);
    // Row strides wider than D, so a kernel that assumed packed rows would read the wrong values.
    const lda = depth + r.int(3);
    const ldb = depth + r.int(3);
    const a = randomFloats(r, m * lda);
    const b = randomFloats(r, n * ldb);
    const c0 = randomFloats(r, m * n);
    const expected = c0.slice();
    gemm(m, n, depth, a, 0, lda, 1, b, 0, 1, ldb, expected, 0, accumulate);
    const actual = c0.slice();
    wasmGemmNT(k, m, n, depth, a, lda, b, ldb, actual, accumulate);
    expectClose(actual, expected, 1e-5 * Math.sqrt(depth), `${m}x${n}x${depth}`);
  });
});
