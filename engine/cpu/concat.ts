/**
 * Concatenation along the first sample axis (channels of [C, H, W] maps, features of vectors).
 * Each sample's output is its inputs' samples laid end to end, in order, because a sample is
 * stored channel-major: channels c0..c0+C_k of an [N, C, H, W] tensor are one contiguous run
 * of C_k·H·W values per sample. Backward is the same split read the other way.
 */
import type { Floats } from './floats';

/** y[n] = x_0[n] ‖ x_1[n] ‖ …, where sizes[k] is the per-sample length of input k. */
export function concatForward(batch: number, sizes: readonly number[], xs: readonly Floats[], y: Floats): void {
  const outSize = sizes.reduce((a, b) => a + b, 0);
  let offset = 0;
  sizes.forEach((size, k) => {
    const x = xs[k]!;
    for (let n = 0; n < batch; n++) y.set(x.subarray(n * size, (n + 1) * size), n * outSize + offset);
    offset += size;
  });
}

/** dx_k[n] = the slice of dy[n] that input k filled; a null target is skipped. */
export function concatBackward(
  batch: number,
  sizes: readonly number[],
  dy: Floats,
  dxs: readonly (Floats | null)[],
): void {
  const outSize = sizes.reduce((a, b) => a + b, 0);
  let offset = 0;
  sizes.forEach((size, k) => {
    const dx = dxs[k];
    if (dx) {
      for (let n = 0; n < batch; n++) {
        const start = n * outSize + offset;
        dx.set(dy.subarray(start, start + size), n * size);
      }
    }
    offset += size;
  });
}
