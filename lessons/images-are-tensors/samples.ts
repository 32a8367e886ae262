/**
 * Small hand-made images for the first two sections, small enough to read every number.
 * SMILEY is 8x8 grayscale bytes; SWATCHES is a 3x4x4 RGB image (channel-major: all red values,
 * then all green, then all blue) whose pixels are named colours, so each channel grid can be read
 * against what you see.
 */
export const SMILEY: readonly number[] = [
  0, 0, 40, 90, 90, 40, 0, 0, 0, 90, 200, 230, 230, 200, 90, 0, 40, 200, 30, 230, 230, 30, 200, 40, 90, 230, 230, 230,
  230, 230, 230, 90, 90, 230, 20, 230, 230, 20, 230, 90, 40, 200, 230, 20, 20, 230, 200, 40, 0, 90, 200, 230, 230, 200,
  90, 0, 0, 0, 40, 90, 90, 40, 0, 0,
];

/** Pixel colours row by row, as [r, g, b]. */
const PIXELS: readonly (readonly [number, number, number])[] = [
  [255, 0, 0],
  [0, 255, 0],
  [0, 0, 255],
  [255, 255, 255],
  [255, 255, 0],
  [0, 255, 255],
  [255, 0, 255],
  [0, 0, 0],
  [255, 128, 0],
  [128, 0, 255],
  [0, 128, 64],
  [128, 128, 128],
  [64, 32, 16],
  [250, 200, 180],
  [30, 60, 120],
  [200, 230, 255],
];

export const SWATCHES_SHAPE = [3, 4, 4] as const;

/** PIXELS rearranged into CHW order: channel c of pixel p lands at c·16 + p. */
export const SWATCHES: readonly number[] = [0, 1, 2].flatMap((c) => PIXELS.map((rgb) => rgb[c]!));
