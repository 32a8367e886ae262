/**
 * Continuing a seeded run at a given step (after a lost device): the shuffle and dropout streams
 * are advanced exactly as the steps before it consumed them, so the continued run sees the same
 * batches and masks as an uninterrupted one.
 */
import { permutation, type Rng } from '../tensor/rng';

/**
 * Advances `shuffle` past the epochs finished by `step` and `noise` past one dropout seed per
 * dropout layer per step. Returns the current epoch's order when `step` is mid-epoch (it was
 * drawn at the epoch's start), else null.
 */
export function replayStreams(
  step: number,
  stepsPerEpoch: number,
  count: number,
  dropouts: number,
  shuffle: Rng,
  noise: Rng,
): Uint32Array | null {
  const epochs = Math.floor(step / stepsPerEpoch);
  for (let e = 0; e < epochs; e++) permutation(count, shuffle);
  for (let i = 0; i < step * dropouts; i++) noise.next();
  return step % stepsPerEpoch === 0 ? null : permutation(count, shuffle);
}
