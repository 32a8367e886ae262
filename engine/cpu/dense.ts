/**
 * Fully connected layer: y = x·Wᵀ + b with x [N, in], W [units, in] (one row per unit, as
 * PyTorch stores it) and b [units]. All three products go through the blocked gemm:
 * y = x·Wᵀ, dx = dy·W, dW = dyᵀ·x.
 */
import type { Tensor } from '../tensor/tensor';
import type { Floats } from './floats';
import { gemm } from './gemm';

export interface DenseDims {
  readonly batch: number;
  readonly inputs: number;
  readonly units: number;
}

export function denseForward(dims: DenseDims, x: Floats, w: Floats, b: Floats | null, y: Floats): void {
  const { batch, inputs, units } = dims;
  gemm(batch, units, inputs, x, 0, inputs, 1, w, 0, 1, inputs, y, 0, false);
  if (b) {
    for (let n = 0; n < batch; n++) {
      const o = n * units;
      for (let u = 0; u < units; u++) y[o + u]! += b[u]!;
    }
  }
}

export interface DenseGrads {
  /** dL/dx, overwritten; null to skip. */
  readonly dx: Floats | null;
  /** dL/dW, overwritten. */
  readonly dw: Floats;
  /** dL/db, overwritten; null when there is no bias. */
  readonly db: Floats | null;
}

export function denseBackward(dims: DenseDims, x: Floats, w: Floats, dy: Floats, grads: DenseGrads): void {
  const { batch, inputs, units } = dims;
  const { dx, dw, db } = grads;
  // dW[units, in] = dy[N, units]ᵀ · x[N, in]
  gemm(units, inputs, batch, dy, 0, 1, units, x, 0, inputs, 1, dw, 0, false);
  // dx[N, in] = dy[N, units] · W[units, in]
  if (dx) gemm(batch, inputs, units, dy, 0, units, 1, w, 0, inputs, 1, dx, 0, false);
  if (db) {
    db.fill(0);
    for (let n = 0; n < batch; n++) {
      const o = n * units;
      for (let u = 0; u < units; u++) db[u]! += dy[o + u]!;
    }
  }
}

/** Tensor-level dense layer for lessons: x [N, in] (or [in]), w [units, in], b [units] or null. */
export function dense(x: Tensor, w: Tensor, b: Tensor | null): Tensor {
  const [units = 1, inputs = 1] = w.shape;
  const batch = x.data.length / inputs;
  const y = new Float32Array(batch * units);
  denseForward({ batch, inputs, units }, x.data, w.data, b ? b.data : null, y);
  return { shape: x.shape.length === 1 ? [units] : [batch, units], data: y };
}
