/**
 * Small operations on one image [C, H, W] (flat) that gradient ascent on the input needs:
 * circular shifts (the jitter regulariser shifts, takes a step, and shifts back) and a separable
 * Gaussian blur (the blur regulariser that smooths away high-frequency patterns).
 */

/** The image rolled by dy rows and dx columns, wrapping around (numpy's roll on both axes). */
export function roll(image: Float32Array, shape: readonly number[], dy: number, dx: number): Float32Array {
  const [channels = 1, height = 1, width = 1] = shape;
  const out = new Float32Array(image.length);
  for (let c = 0; c < channels; c++) {
    const plane = c * height * width;
    for (let y = 0; y < height; y++) {
      const ty = (((y + dy) % height) + height) % height;
      for (let x = 0; x < width; x++) {
        const tx = (((x + dx) % width) + width) % width;
        out[plane + ty * width + tx] = image[plane + y * width + x]!;
      }
    }
  }
  return out;
}

/** Normalised Gaussian weights for offsets -r..r, r = ceil(2 sigma). */
function gaussianKernel(sigma: number): Float32Array {
  const radius = Math.max(1, Math.ceil(2 * sigma));
  const kernel = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    const w = Math.exp(-(i * i) / (2 * sigma * sigma));
    kernel[i + radius] = w;
    sum += w;
  }
  for (let i = 0; i < kernel.length; i++) kernel[i]! /= sum;
  return kernel;
}

/** Gaussian blur of every channel, rows then columns; edges reuse the nearest pixel. */
export function gaussianBlur(image: Float32Array, shape: readonly number[], sigma: number): Float32Array {
  if (!(sigma > 0)) return image.slice();
  const [channels = 1, height = 1, width = 1] = shape;
  const kernel = gaussianKernel(sigma);
  const radius = (kernel.length - 1) / 2;
  const rows = new Float32Array(image.length);
  const out = new Float32Array(image.length);
  const clampTo = (v: number, n: number): number => Math.min(n - 1, Math.max(0, v));
  for (let c = 0; c < channels; c++) {
    const plane = c * height * width;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let k = -radius; k <= radius; k++)
          sum += kernel[k + radius]! * image[plane + y * width + clampTo(x + k, width)]!;
        rows[plane + y * width + x] = sum;
      }
    }
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let k = -radius; k <= radius; k++)
          sum += kernel[k + radius]! * rows[plane + clampTo(y + k, height) * width + x]!;
        out[plane + y * width + x] = sum;
      }
    }
  }
  return out;
}
