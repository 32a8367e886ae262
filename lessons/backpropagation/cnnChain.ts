/**
 * A tiny convolutional chain, all through the engine:
 *
 *   x (5×5) → y = conv(x, w) (4×4) → r = ReLU(y) → p = maxpool 2×2 (2×2) → L = Σ c ⊙ p
 *
 * The last step is a fixed linear read-out, so ∂L/∂p = c: it stands in for "whatever the rest of
 * the network sends back". Numbers are small integers from a seed, so they can be checked by
 * hand. Also computes the input gradient a second way, as a full convolution of ∂L/∂y with the
 * 180°-rotated kernel, to show that the two agree.
 */
import { activationBackward, activationForward } from '../../engine/cpu/activations';
import { conv2d, conv2dBackward } from '../../engine/cpu/conv2d';
import { convGeometry } from '../../engine/cpu/geometry';
import { maxpool, maxpoolBackward } from '../../engine/cpu/maxpool';
import { createRng } from '../../engine/tensor/rng';
import { tensor } from '../../engine/tensor/tensor';

export const X_SIZE = 5;
export const K = 2;
export const Y_SIZE = X_SIZE - K + 1;
export const P_SIZE = Y_SIZE / 2;

export interface ChainNumbers {
  readonly x: Float32Array;
  readonly w: Float32Array;
  readonly c: Float32Array;
}

export interface ChainResult extends ChainNumbers, ConvBackwardResult {
  readonly y: Float32Array;
  readonly r: Float32Array;
  readonly p: Float32Array;
  /** Flat index into r (and y) of each pool window's winner. */
  readonly switches: Int32Array;
  readonly loss: number;
  readonly dp: Float32Array;
  readonly dr: Float32Array;
  readonly dy: Float32Array;
}

/** Small integers from a seed; distinct values in x so max-pool ties never happen. */
export function chainNumbers(seed: number): ChainNumbers {
  const rng = createRng(seed * 2654435761 + 17);
  // The 25 integers −12…12 in random order: one per pixel, all different.
  const pool = Array.from({ length: X_SIZE * X_SIZE }, (_, i) => i - 12);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const x = Float32Array.from(pool);
  const w = Float32Array.from({ length: K * K }, () => rng.int(5) - 2 || 1);
  const c = Float32Array.from({ length: P_SIZE * P_SIZE }, () => rng.int(7) - 3 || 2);
  return { x, w, c };
}

export function runChain(numbers: ChainNumbers): ChainResult {
  const { x, w, c } = numbers;
  const xT = tensor([1, 1, X_SIZE, X_SIZE], x);
  const wT = tensor([1, 1, K, K], w);
  const y = conv2d(xT, wT, null).data;
  const r = new Float32Array(y.length);
  activationForward('relu', 0, y, r);
  const pooled = maxpool(tensor([1, 1, Y_SIZE, Y_SIZE], r), [2, 2]);
  const p = pooled.y.data;
  let loss = 0;
  for (let i = 0; i < p.length; i++) loss += c[i]! * p[i]!;

  const dp = c.slice();
  const dr = new Float32Array(r.length);
  maxpoolBackward(dp, pooled.switches, dr);
  const dy = new Float32Array(y.length);
  activationBackward('relu', 0, r, dr, dy);
  return { ...numbers, y, r, p, switches: pooled.switches, loss, dp, dr, dy, ...convBackward(x, w, dy) };
}

export interface ConvBackwardResult {
  readonly dx: Float32Array;
  readonly dw: Float32Array;
  readonly dxFull: Float32Array;
  readonly dyPadded: Float32Array;
  readonly wFlipped: Float32Array;
}

/** The engine's conv2dBackward for x (5×5), w (2×2) and dy (4×4), and the full-convolution route to dx. */
export function convBackward(x: Float32Array, w: Float32Array, dy: Float32Array): ConvBackwardResult {
  const dx = new Float32Array(x.length);
  const dw = new Float32Array(w.length);
  conv2dBackward(convGeometry([1, 1, X_SIZE, X_SIZE], 1, [K, K]), x, w, dy, { dx, dw, db: null });
  const wFlipped = w.slice().reverse(); // a 180° rotation of a row-major square is a reversal
  const full = conv2d(tensor([1, 1, Y_SIZE, Y_SIZE], dy), tensor([1, 1, K, K], wFlipped), null, {
    pad: [K - 1, K - 1],
  });
  return { dx, dw, dxFull: full.data, dyPadded: padded(dy, Y_SIZE, K - 1), wFlipped };
}

/** A dense upstream gradient (small non-zero integers), so every input pixel receives something. */
export function denseUpstream(seed: number): Float32Array {
  const rng = createRng(seed * 97 + 3);
  return Float32Array.from({ length: Y_SIZE * Y_SIZE }, () => rng.int(7) - 3 || 1);
}

function padded(values: Float32Array, size: number, pad: number): Float32Array {
  const n = size + 2 * pad;
  const out = new Float32Array(n * n);
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) out[(r + pad) * n + c + pad] = values[r * size + c]!;
  return out;
}
