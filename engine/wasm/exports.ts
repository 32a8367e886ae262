/**
 * The functions the compiled kernels export (engine/wasm/assembly/index.ts), as the host sees
 * them: every pointer is a byte offset into `memory`, 0 meaning "none" where a kernel allows it
 * (bias, dx, db, grad), and booleans are 0/1.
 */
import type { ActivationKind } from '../spec/types';
export interface KernelExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  gemm(
    m: number,
    n: number,
    k: number,
    a: number,
    aI: number,
    aK: number,
    b: number,
    bK: number,
    bJ: number,
    c: number,
    flags: number,
    bias: number,
    scratch: number,
  ): void;
  gemmScratchBytes(m: number, n: number, k: number): number;
  gemmNT(
    m: number,
    n: number,
    d: number,
    a: number,
    lda: number,
    b: number,
    ldb: number,
    c: number,
    accumulate: number,
  ): void;
  im2col(geo: number, x: number, n: number, g: number, cols: number): void;
  col2im(geo: number, cols: number, n: number, g: number, dx: number): void;
  conv2dForward(
    geo: number,
    x: number,
    w: number,
    b: number,
    y: number,
    cols: number,
    scratch: number,
    flags: number,
  ): void;
  conv2dBackward(
    geo: number,
    x: number,
    w: number,
    dy: number,
    dx: number,
    dw: number,
    db: number,
    cols: number,
    dcols: number,
    scratch: number,
  ): void;
  denseForward(
    batch: number,
    inputs: number,
    units: number,
    x: number,
    w: number,
    b: number,
    y: number,
    scratch: number,
    flags: number,
  ): void;
  denseBackward(
    batch: number,
    inputs: number,
    units: number,
    x: number,
    w: number,
    dy: number,
    dx: number,
    dw: number,
    db: number,
    scratch: number,
  ): void;
  biasGradient(dy: number, db: number, batch: number, channels: number, size: number): void;
  maxpoolForward(geo: number, x: number, y: number, switches: number): void;
  maxpoolBackward(count: number, dy: number, switches: number, dx: number, inLength: number): void;
  avgpoolForward(geo: number, x: number, y: number): void;
  avgpoolBackward(geo: number, dy: number, dx: number): void;
  activationForward(kind: number, alpha: number, x: number, y: number, n: number): void;
  activationBackward(kind: number, alpha: number, y: number, dy: number, dx: number, n: number): void;
  activationBackwardFromInput(
    kind: number,
    alpha: number,
    x: number,
    y: number,
    dy: number,
    dx: number,
    n: number,
  ): void;
  softmaxCrossEntropy(batch: number, classes: number, logits: number, labels: number, grad: number): number;
  sgdUpdate(n: number, w: number, g: number, lr: number): void;
  momentumUpdate(n: number, w: number, g: number, v: number, lr: number, mu: number, nesterov: number): void;
  adamUpdate(
    n: number,
    w: number,
    g: number,
    m: number,
    v: number,
    lr: number,
    b1: number,
    b2: number,
    eps: number,
    c1: number,
    c2: number,
  ): void;
}

/** Activation kinds as the kernels number them (engine/wasm/assembly/activations.ts). */
export const ACTIVATION_CODES: Readonly<Record<ActivationKind, number>> = {
  relu: 0,
  leakyRelu: 1,
  sigmoid: 2,
  tanh: 3,
  elu: 4,
  softplus: 5,
};

/** gemm flags (engine/wasm/assembly/gemm.ts). */
export const GEMM_ACCUMULATE = 1;
export const GEMM_BIAS_ROW = 2;
export const GEMM_BIAS_COL = 4;
export const GEMM_RELU = 8;
