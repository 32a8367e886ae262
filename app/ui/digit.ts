/**
 * A hand-drawn digit to an MNIST-like 28x28 image. MNIST's digits were scaled so the digit fits a
 * 20x20 box (keeping its aspect ratio), then placed in the 28x28 frame so that its centre of mass
 * is at the centre. A model trained on MNIST expects exactly that, so we do the same; without it a
 * digit drawn small or in a corner is misread.
 */

/** The bounding box of pixels brighter than `threshold` in a w x h grey image, or null if blank. */
export function inkBox(
  grey: ArrayLike<number>,
  w: number,
  h: number,
  threshold = 0.05,
): { x: number; y: number; w: number; h: number } | null {
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (grey[y * w + x]! > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/**
 * Places a small grey image (the digit already scaled into at most 20x20) into a 28x28 frame
 * with its centre of mass at (14, 14), as far as the frame allows.
 */
export function centreByMass(grey: ArrayLike<number>, w: number, h: number): Float32Array {
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = grey[y * w + x]!;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  const cx = mass > 0 ? mx / mass : w / 2;
  const cy = mass > 0 ? my / mass : h / 2;
  const clamp = (v: number, hi: number): number => Math.max(0, Math.min(hi, v));
  const ox = clamp(Math.round(14 - cx), 28 - w);
  const oy = clamp(Math.round(14 - cy), 28 - h);
  const out = new Float32Array(28 * 28);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) out[(y + oy) * 28 + (x + ox)] = Math.min(1, grey[y * w + x]!);
  }
  return out;
}

/** The drawing on `source` (white ink on black) as a 28x28 MNIST-style image in [0, 1], or null if blank. */
export function canvasToMnist(source: HTMLCanvasElement): Float32Array | null {
  const ctx = source.getContext('2d');
  if (!ctx) return null;
  const { width, height } = source;
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const grey = new Float32Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4]! / 255;
  const box = inkBox(grey, width, height);
  if (!box) return null;
  const scale = 20 / Math.max(box.w, box.h);
  const tw = Math.max(1, Math.round(box.w * scale));
  const th = Math.max(1, Math.round(box.h * scale));
  const small = document.createElement('canvas');
  small.width = tw;
  small.height = th;
  const sctx = small.getContext('2d', { willReadFrequently: true });
  if (!sctx) return null;
  sctx.imageSmoothingEnabled = true;
  sctx.imageSmoothingQuality = 'high';
  sctx.drawImage(source, box.x, box.y, box.w, box.h, 0, 0, tw, th);
  const data = sctx.getImageData(0, 0, tw, th).data;
  const scaled = new Float32Array(tw * th);
  for (let i = 0; i < scaled.length; i++) scaled[i] = data[i * 4]! / 255;
  return centreByMass(scaled, tw, th);
}
