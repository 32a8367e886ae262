/**
 * The wasm kernels that are not part of the CpuKernels seam, with the TypeScript reference's
 * signatures so tests and the optimiser can swap one for the other: the bare gemm (three
 * stride forms), im2col/col2im, softmax cross-entropy and the optimiser updates.
 */
import type { ConvGeometry } from '../cpu/geometry';
import { GEMM_ACCUMULATE } from './exports';
import { writeGeometry } from './geometry';
import { gemmScratchBytes, type WasmKernels } from './kernels';
import { Stage } from './stage';

/** Runs `body` with staged pointers; throws if transient memory ran out (only possible once views are out). */
function staged(k: WasmKernels, body: (s: Stage) => void): void {
  const s = new Stage(k.memory);
  body(s);
  s.finish();
}

function check(s: Stage, what: string): void {
  if (!s.ok) throw new RangeError(`${what}: the wasm engine's reserved memory is full`);
}

/** As engine/cpu/gemm.ts gemm (same arguments), on the wasm SIMD kernel. */
export function wasmGemm(
  k: WasmKernels,
  m: number,
  n: number,
  depth: number,
  a: Float32Array,
  aOff: number,
  aI: number,
  aK: number,
  b: Float32Array,
  bOff: number,
  bK: number,
  bJ: number,
  c: Float32Array,
  cOff: number,
  accumulate: boolean,
): void {
  staged(k, (s) => {
    const pa = s.in(a) + aOff * 4;
    const pb = s.in(b) + bOff * 4;
    const pc = s.inout(c) + cOff * 4;
    const pack = s.temp(gemmScratchBytes(m, n, depth));
    check(s, 'gemm');
    k.exports.gemm(m, n, depth, pa, aI, aK, pb, bK, bJ, pc, accumulate ? GEMM_ACCUMULATE : 0, 0, pack);
  });
}

/**
 * C[M,N] (+)= A[M,D]·B[N,D]ᵀ for row-major A and B with D contiguous (row strides lda, ldb), on
 * the unpacked dot-product kernel (the form of conv's dW = dY·colsᵀ).
 */
export function wasmGemmNT(
  k: WasmKernels,
  m: number,
  n: number,
  depth: number,
  a: Float32Array,
  lda: number,
  b: Float32Array,
  ldb: number,
  c: Float32Array,
  accumulate: boolean,
): void {
  staged(k, (s) => {
    const pa = s.in(a);
    const pb = s.in(b);
    const pc = s.inout(c);
    check(s, 'gemmNT');
    k.exports.gemmNT(m, n, depth, pa, lda, pb, ldb, pc, accumulate ? 1 : 0);
  });
}

export function wasmIm2col(
  k: WasmKernels,
  geo: ConvGeometry,
  x: Float32Array,
  n: number,
  g: number,
  cols: Float32Array,
): void {
  staged(k, (s) => {
    const px = s.in(x);
    const pc = s.out(cols);
    check(s, 'im2col');
    k.exports.im2col(writeGeometry(k.memory, geo), px, n, g, pc);
  });
}

export function wasmCol2im(
  k: WasmKernels,
  geo: ConvGeometry,
  cols: Float32Array,
  n: number,
  g: number,
  dx: Float32Array,
): void {
  staged(k, (s) => {
    const pc = s.in(cols);
    const pdx = s.inout(dx);
    check(s, 'col2im');
    k.exports.col2im(writeGeometry(k.memory, geo), pc, n, g, pdx);
  });
}

/** Mean softmax cross-entropy of logits [batch, classes]; writes dL/dlogits into grad when given. */
export function wasmSoftmaxCrossEntropy(
  k: WasmKernels,
  batch: number,
  classes: number,
  logits: Float32Array,
  labels: Uint8Array,
  grad: Float32Array | null,
): number {
  let loss = 0;
  staged(k, (s) => {
    const pl = s.in(logits);
    const py = s.in(labels);
    const pg = grad ? s.out(grad) : 0;
    check(s, 'softmaxCrossEntropy');
    loss = k.exports.softmaxCrossEntropy(batch, classes, pl, py, pg);
  });
  return loss;
}

export function wasmSgd(k: WasmKernels, w: Float32Array, g: Float32Array, lr: number): void {
  staged(k, (s) => {
    const pw = s.inout(w);
    const pg = s.in(g);
    check(s, 'sgd');
    k.exports.sgdUpdate(w.length, pw, pg, lr);
  });
}

export function wasmMomentum(
  k: WasmKernels,
  w: Float32Array,
  g: Float32Array,
  v: Float32Array,
  lr: number,
  mu: number,
  nesterov: boolean,
): void {
  staged(k, (s) => {
    const pw = s.inout(w);
    const pg = s.in(g);
    const pv = s.inout(v);
    check(s, 'momentum');
    k.exports.momentumUpdate(w.length, pw, pg, pv, lr, mu, nesterov ? 1 : 0);
  });
}

export interface AdamScalars {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** The step number t ≥ 1 (bias corrections 1 − β^t). */
  readonly step: number;
}

export function wasmAdam(
  k: WasmKernels,
  w: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  a: AdamScalars,
): void {
  staged(k, (s) => {
    const pw = s.inout(w);
    const pg = s.in(g);
    const pm = s.inout(m);
    const pv = s.inout(v);
    check(s, 'adam');
    const c1 = 1 - a.beta1 ** a.step;
    const c2 = 1 - a.beta2 ** a.step;
    k.exports.adamUpdate(w.length, pw, pg, pm, pv, a.lr, a.beta1, a.beta2, a.epsilon, c1, c2);
  });
}
