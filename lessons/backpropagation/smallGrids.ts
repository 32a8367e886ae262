/**
 * Seeded small integer grids for the pooling and ReLU widgets, and the engine calls that run
 * them. Pool inputs are distinct so a window never has a tie (which input "won" is unambiguous).
 */
import { activationBackward, activationForward } from '../../engine/cpu/activations';
import { maxpool, maxpoolBackward } from '../../engine/cpu/maxpool';
import { createRng } from '../../engine/tensor/rng';
import { tensor } from '../../engine/tensor/tensor';

export interface PoolCase {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly switches: Int32Array;
  readonly dy: Float32Array;
  readonly dx: Float32Array;
}

export interface ReluCase {
  readonly z: Float32Array;
  readonly gate: Float32Array;
  readonly dy: Float32Array;
  readonly dx: Float32Array;
}

/** n distinct integers from 1..max in random order. */
function distinct(n: number, max: number, next: (k: number) => number): number[] {
  const all = Array.from({ length: max }, (_, i) => i + 1);
  for (let i = all.length - 1; i > 0; i--) {
    const j = next(i + 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, n);
}

export function poolCase(seed: number): PoolCase {
  const rng = createRng(seed * 40503 + 5);
  const x = Float32Array.from(distinct(16, 30, (k) => rng.int(k)));
  const dy = Float32Array.from({ length: 4 }, () => rng.int(9) - 4 || 3);
  const { y, switches } = maxpool(tensor([1, 1, 4, 4], x), [2, 2]);
  const dx = new Float32Array(16);
  maxpoolBackward(dy, switches, dx);
  return { x, y: y.data, switches, dy, dx };
}

export function reluCase(seed: number): ReluCase {
  const rng = createRng(seed * 69069 + 11);
  const z = Float32Array.from({ length: 16 }, () => rng.int(11) - 5);
  const dy = Float32Array.from({ length: 16 }, () => rng.int(7) - 3 || 1);
  const out = new Float32Array(16);
  activationForward('relu', 0, z, out);
  const dx = new Float32Array(16);
  activationBackward('relu', 0, out, dy, dx);
  return { z, gate: out.map((v) => (v > 0 ? 1 : 0)), dy, dx };
}
