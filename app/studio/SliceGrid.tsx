/**
 * One filter of a deeper convolution layer: its k×k slice for every input channel, tiled in a
 * near-square grid on one canvas with a transparent 1-pixel gap between slices (so the card shows
 * through and no grey gap is mistaken for a zero weight). Grey = 0 on the layer's shared scale.
 */
import { type ReactElement, useEffect, useRef } from 'react';

export interface SliceGridProps {
  /** slices * height * width values, slice-major. */
  readonly data: ArrayLike<number>;
  readonly slices: number;
  readonly height: number;
  readonly width: number;
  /** Values drawn black and white. */
  readonly range: readonly [number, number];
  readonly label: string;
}

/** Columns and rows of the tiling, and the canvas size in image pixels (gaps included). */
export function sliceLayout(slices: number, height: number, width: number): [number, number, number, number] {
  const cols = Math.ceil(Math.sqrt(slices));
  const rows = Math.ceil(slices / cols);
  return [cols, rows, cols * (width + 1) - 1, rows * (height + 1) - 1];
}

export function SliceGrid({ data, slices, height, width, range, label }: SliceGridProps): ReactElement {
  const ref = useRef<HTMLCanvasElement>(null);
  const [cols, , canvasW, canvasH] = sliceLayout(slices, height, width);
  const [lo, hi] = range;

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(canvasW, canvasH); // starts fully transparent: the gaps
    for (let s = 0; s < slices; s++) {
      const x0 = (s % cols) * (width + 1);
      const y0 = Math.floor(s / cols) * (height + 1);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const v = data[s * height * width + y * width + x] ?? 0;
          const grey = Math.round(((v - lo) / (hi - lo || 1)) * 255);
          img.data.set([grey, grey, grey, 255], ((y0 + y) * canvasW + x0 + x) * 4);
        }
      }
    }
    ctx.putImageData(img, 0, 0);
  }, [data, slices, height, width, cols, canvasW, canvasH, lo, hi]);

  // About 4 rem across whatever the slice count, but never under 2 px per weight.
  const scale = Math.max(2, Math.floor(64 / canvasW));
  return (
    <canvas
      ref={ref}
      className="filter-cell slice-grid"
      width={canvasW}
      height={canvasH}
      role="img"
      aria-label={label}
      style={{ width: `${(canvasW * scale) / 16}rem`, height: `${(canvasH * scale) / 16}rem` }}
    />
  );
}
