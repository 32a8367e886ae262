/**
 * Inverted dropout. In training each unit is kept with probability 1 − rate and, if kept,
 * scaled by 1/(1 − rate) so that its expected value is unchanged; at evaluation dropout is
 * the identity and needs no rescaling. The mask holds the factor (0 or 1/(1 − rate)) each unit
 * was multiplied by, so backward is the same multiplication.
 */
import type { Rng } from '../tensor/rng';
import type { Floats } from './floats';

/** Draws a fresh mask from rng (one uniform number per unit, in order) and applies it: y = x·mask. */
export function dropoutForward(rate: number, x: Floats, y: Floats, mask: Floats, rng: Rng): void {
  if (rate <= 0) {
    mask.fill(1);
    y.set(x);
    return;
  }
  const scale = rate >= 1 ? 0 : 1 / (1 - rate);
  for (let i = 0; i < x.length; i++) {
    const m = rng.next() < rate ? 0 : scale;
    mask[i] = m;
    y[i] = x[i]! * m;
  }
}

/** dx = dy·mask. dx may be dy. */
export function dropoutBackward(mask: Floats, dy: Floats, dx: Floats): void {
  for (let i = 0; i < dy.length; i++) dx[i] = dy[i]! * mask[i]!;
}
