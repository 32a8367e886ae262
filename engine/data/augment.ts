/**
 * Data augmentation on a float batch [N, C, H, W] (the output of gatherBatch), seeded by an Rng
 * so a run is reproducible.
 *
 * Value range: inputs are expected in [0, 1] (pixels / 255, see batch.ts). Flip and crop only
 * move values (padding adds zeros, i.e. black), so they keep that range; brightness and contrast
 * jitter clamp their result to [0, 1] so the model never sees values the real data cannot have.
 */
import type { Rng } from '../tensor/rng';

/** [N, C, H, W] of a batch. */
export type BatchShape = readonly [number, number, number, number];

export interface AugmentOptions {
  /** Mirror each image left-right with probability 1/2. */
  readonly flip?: boolean;
  /** Zero-pad by this many pixels on every side, then crop back to H x W at a random offset. */
  readonly cropPadding?: number;
  /** Add a per-image offset drawn uniformly from [-brightness, brightness]. */
  readonly brightness?: number;
  /** Scale each image about its mean by a factor drawn uniformly from [1 - contrast, 1 + contrast]. */
  readonly contrast?: number;
}

/** Mirrors left-right the images n for which `which(n)` is true (default: all), in place. */
export function flipHorizontal(
  batch: Float32Array,
  shape: BatchShape,
  which: (n: number) => boolean = () => true,
): void {
  const [n, c, h, w] = shape;
  for (let i = 0; i < n; i++) {
    if (!which(i)) continue;
    for (let row = i * c * h; row < (i + 1) * c * h; row++) {
      const base = row * w;
      for (let x = 0, y = w - 1; x < y; x++, y--) {
        const t = batch[base + x]!;
        batch[base + x] = batch[base + y]!;
        batch[base + y] = t;
      }
    }
  }
}

/**
 * Random crop with zero padding: each image moves by (dy, dx) drawn uniformly from
 * [-padding, padding]; pixels moved in from outside are 0. Writes to `out` (may be `batch`
 * itself) and returns it. padding 0 is the identity.
 */
export function randomCrop(
  batch: Float32Array,
  shape: BatchShape,
  padding: number,
  rng: Rng,
  out: Float32Array = new Float32Array(batch.length),
): Float32Array {
  const [n, c, h, w] = shape;
  const plane = h * w;
  // In place needs a copy of one image at a time, because the shift reads pixels it overwrites.
  const scratch = out === batch ? new Float32Array(c * plane) : null;
  for (let i = 0; i < n; i++) {
    const dy = rng.int(2 * padding + 1) - padding;
    const dx = rng.int(2 * padding + 1) - padding;
    const start = i * c * plane;
    let src = batch;
    let srcStart = start;
    if (scratch) {
      scratch.set(batch.subarray(start, start + c * plane));
      src = scratch;
      srcStart = 0;
    }
    for (let ch = 0; ch < c; ch++) {
      for (let y = 0; y < h; y++) {
        const sy = y + dy;
        const dst = start + ch * plane + y * w;
        for (let x = 0; x < w; x++) {
          const sx = x + dx;
          out[dst + x] = sy >= 0 && sy < h && sx >= 0 && sx < w ? src[srcStart + ch * plane + sy * w + sx]! : 0;
        }
      }
    }
  }
  return out;
}

/** Per-image brightness offset and contrast scale about the image mean, clamped to [0, 1]; in place. */
export function jitterBrightnessContrast(
  batch: Float32Array,
  shape: BatchShape,
  brightness: number,
  contrast: number,
  rng: Rng,
): void {
  const [n, c, h, w] = shape;
  const size = c * h * w;
  for (let i = 0; i < n; i++) {
    const offset = (rng.next() * 2 - 1) * brightness;
    const scale = 1 + (rng.next() * 2 - 1) * contrast;
    const start = i * size;
    let sum = 0;
    for (let k = start; k < start + size; k++) sum += batch[k]!;
    const mean = sum / size;
    for (let k = start; k < start + size; k++) {
      const v = (batch[k]! - mean) * scale + mean + offset;
      batch[k] = Math.min(1, Math.max(0, v));
    }
  }
}

/** One image's augmentation: its crop shift, whether it is mirrored, its brightness offset and contrast scale. */
export interface ImageAugment {
  readonly dy: number;
  readonly dx: number;
  readonly flip: boolean;
  readonly offset: number;
  readonly scale: number;
}

/**
 * The random choices augmentBatch makes for n images, drawn from `rng` in its order (every
 * image's crop shift, then every flip, then every brightness/contrast pair), so that a kernel
 * applying them (shaders/augment_batch.wgsl) gives augmentBatch's batch and leaves `rng` where
 * augmentBatch would.
 */
export function drawAugments(n: number, options: AugmentOptions, rng: Rng): ImageAugment[] {
  const padding = options.cropPadding ?? 0;
  const shifts = Array.from({ length: n }, () => {
    if (padding <= 0) return [0, 0] as const;
    const dy = rng.int(2 * padding + 1) - padding;
    const dx = rng.int(2 * padding + 1) - padding;
    return [dy, dx] as const;
  });
  const flips = Array.from({ length: n }, () => (options.flip ? rng.next() < 0.5 : false));
  const brightness = options.brightness ?? 0;
  const contrast = options.contrast ?? 0;
  return shifts.map(([dy, dx], i) => {
    if (!jitters(options)) return { dy, dx, flip: flips[i]!, offset: 0, scale: 1 };
    const offset = (rng.next() * 2 - 1) * brightness;
    const scale = 1 + (rng.next() * 2 - 1) * contrast;
    return { dy, dx, flip: flips[i]!, offset, scale };
  });
}

/** Whether the options change brightness or contrast (the one augmentation that needs each image's mean). */
export function jitters(options: AugmentOptions): boolean {
  return (options.brightness ?? 0) > 0 || (options.contrast ?? 0) > 0;
}

/**
 * Applies the chosen augmentations in a fixed order (crop, flip, jitter) and returns the result:
 * `out` when given (may be `batch`), otherwise a new array; `batch` is left untouched unless it is `out`.
 */
export function augmentBatch(
  batch: Float32Array,
  shape: BatchShape,
  options: AugmentOptions,
  rng: Rng,
  out?: Float32Array,
): Float32Array {
  const padding = options.cropPadding ?? 0;
  let result: Float32Array;
  if (padding > 0) {
    result = randomCrop(batch, shape, padding, rng, out ?? new Float32Array(batch.length));
  } else {
    result = out ?? new Float32Array(batch.length);
    if (result !== batch) result.set(batch);
  }
  if (options.flip) {
    const flips = Array.from({ length: shape[0] }, () => rng.next() < 0.5);
    flipHorizontal(result, shape, (i) => flips[i]!);
  }
  const brightness = options.brightness ?? 0;
  const contrast = options.contrast ?? 0;
  if (jitters(options)) jitterBrightnessContrast(result, shape, brightness, contrast, rng);
  return result;
}
