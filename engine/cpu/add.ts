/**
 * Element-wise sum of two same-shaped tensors: the join of a residual (shortcut) connection.
 * Its backward is the identity on both operands, so the model simply hands the same output
 * gradient to both producers; addBackward exists for symmetry with the GPU op set.
 */
import type { Floats } from './floats';

export function addForward(a: Floats, b: Floats, y: Floats): void {
  for (let i = 0; i < y.length; i++) y[i] = a[i]! + b[i]!;
}

/** da = dy and db = dy. */
export function addBackward(dy: Floats, da: Floats, db: Floats): void {
  da.set(dy);
  db.set(dy);
}
