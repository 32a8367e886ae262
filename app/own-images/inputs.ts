/**
 * Samples (SIDE x SIDE RGBA) as a model's input: colour [3, 32, 32] for a net trained on CIFAR-10
 * or from scratch, or grey [1, 28, 28] for one trained on MNIST (luminance, then a bilinear resize).
 * Bytes for the worker's dataset, floats in [0, 1] for a single prediction (gatherBatch's scale).
 */
import type { OwnImages } from '../../engine/data/own-images';
import { type OwnClass, SIDE } from './ownStore';

export type InputShape = readonly [1 | 3, number, number];

/** One sample as CHW bytes of `shape`. */
export function sampleBytes(
  rgba: Uint8ClampedArray,
  shape: InputShape,
  out = new Uint8Array(shape[0] * shape[1] * shape[2]),
): Uint8Array {
  const [c, h, w] = shape;
  const plane = new Float32Array(SIDE * SIDE);
  for (let ch = 0; ch < c; ch++) {
    for (let i = 0; i < SIDE * SIDE; i++) {
      const r = rgba[i * 4]!;
      const g = rgba[i * 4 + 1]!;
      const b = rgba[i * 4 + 2]!;
      plane[i] = c === 1 ? 0.299 * r + 0.587 * g + 0.114 * b : [r, g, b][ch]!;
    }
    resizeBilinear(plane, SIDE, SIDE, h, w, (y, x, v) => {
      out[ch * h * w + y * w + x] = Math.round(Math.min(255, Math.max(0, v)));
    });
  }
  return out;
}

/** Samples pixel centres of a src x src plane onto h x w (align-corners false, like most resizers). */
function resizeBilinear(
  src: Float32Array,
  sh: number,
  sw: number,
  h: number,
  w: number,
  put: (y: number, x: number, value: number) => void,
): void {
  for (let y = 0; y < h; y++) {
    const fy = Math.min(sh - 1, Math.max(0, ((y + 0.5) * sh) / h - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(sh - 1, y0 + 1);
    const dy = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(sw - 1, Math.max(0, ((x + 0.5) * sw) / w - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(sw - 1, x0 + 1);
      const dx = fx - x0;
      const top = src[y0 * sw + x0]! * (1 - dx) + src[y0 * sw + x1]! * dx;
      const bottom = src[y1 * sw + x0]! * (1 - dx) + src[y1 * sw + x1]! * dx;
      put(y, x, top * (1 - dy) + bottom * dy);
    }
  }
}

/** The whole set as the worker's 'images' dataset, in class order. */
export function ownImagesFor(classes: readonly OwnClass[], shape: InputShape): OwnImages {
  const size = shape[0] * shape[1] * shape[2];
  const count = classes.reduce((n, c) => n + c.samples.length, 0);
  const images = new Uint8Array(count * size);
  const labels = new Uint8Array(count);
  let n = 0;
  classes.forEach((cls, label) => {
    for (const sample of cls.samples) {
      sampleBytes(sample.rgba, shape, images.subarray(n * size, (n + 1) * size));
      labels[n++] = label;
    }
  });
  return { name: 'your-images', shape, classNames: classes.map((c) => c.name.trim()), images, labels };
}

/** One sample as the floats predict() takes. */
export function sampleInput(rgba: Uint8ClampedArray, shape: InputShape): Float32Array {
  return Float32Array.from(sampleBytes(rgba, shape), (v) => v / 255);
}
