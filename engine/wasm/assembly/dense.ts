/**
 * AssemblyScript: the fully connected layer of engine/cpu/dense.ts, y = x·Wᵀ + b with x [N, in],
 * W [units, in]: y = x·Wᵀ (bias per column and ReLU fused), dW = dyᵀ·x, dx = dy·W, db = Σ_n dy.
 */
import { GEMM_BIAS_COL, GEMM_RELU, gemm } from './gemm';
import { biasGradient } from './conv';

/** flags: 1 = has bias, 2 = ReLU after the bias. */
export function denseForward(batch: i32, inputs: i32, units: i32, x: usize, w: usize, b: usize, y: usize, scratch: usize, flags: u32): void {
  let gemmFlags: u32 = 0;
  if (flags & 1) gemmFlags |= GEMM_BIAS_COL;
  if (flags & 2) gemmFlags |= GEMM_RELU;
  gemm(batch, units, inputs, x, inputs, 1, w, 1, inputs, y, gemmFlags, b, scratch);
}

/** dw overwritten; dx and db overwritten unless 0. */
export function denseBackward(
  batch: i32,
  inputs: i32,
  units: i32,
  x: usize,
  w: usize,
  dy: usize,
  dx: usize,
  dw: usize,
  db: usize,
  scratch: usize,
): void {
  gemm(units, inputs, batch, dy, 1, units, x, inputs, 1, dw, 0, 0, scratch);
  if (dx) gemm(batch, inputs, units, dy, units, 1, w, inputs, 1, dx, 0, 0, scratch);
  if (db) biasGradient(dy, db, batch, units, 1);
}
