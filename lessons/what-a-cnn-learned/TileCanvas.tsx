/**
 * Many small maps of the same size (a layer's filters, its feature maps) drawn on one canvas in a
 * grid, one canvas pixel per value with a one-pixel gap, scaled up crisply by CSS. One canvas per
 * layer rather than one per map: a layer of 512 slices stays a single cheap element.
 * `signed` maps use the diverging red-white-blue scale symmetric about zero (a weight's sign is
 * the point); unsigned ones (ReLU outputs, images) run black to white from 0 to the largest value.
 * Every map of a canvas shares one scale, so their strengths compare.
 */
import { type ReactElement, useEffect, useRef } from 'react';
import { divergingRgb } from '../../app/ui/SignedImageCanvas';

export interface TileCanvasProps {
  /** Each tile's values, row-major, height × width. */
  readonly tiles: readonly ArrayLike<number>[];
  readonly height: number;
  readonly width: number;
  readonly columns: number;
  readonly signed?: boolean;
  /** CSS pixels per value at the default root font (rem-based, so presenter mode enlarges it). */
  readonly scale?: number;
  readonly label: string;
  readonly testId?: string;
}

const GAP = 1;
const GAP_RGB = [200, 200, 200] as const;

export function largestMagnitude(tiles: readonly ArrayLike<number>[]): number {
  let m = 0;
  for (const t of tiles) for (let i = 0; i < t.length; i++) m = Math.max(m, Math.abs(t[i]!));
  return m;
}

export function TileCanvas(props: TileCanvasProps): ReactElement {
  const { tiles, height: h, width: w, columns, signed = false, scale = 4, label, testId } = props;
  const rows = Math.max(1, Math.ceil(tiles.length / columns));
  const cw = columns * (w + GAP) - GAP;
  const ch = rows * (h + GAP) - GAP;
  const ref = useRef<HTMLCanvasElement>(null);
  const extent = largestMagnitude(tiles);

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(cw, ch);
    for (let p = 0; p < cw * ch; p++) img.data.set([...GAP_RGB, 255], p * 4);
    tiles.forEach((tile, t) => {
      const ox = (t % columns) * (w + GAP);
      const oy = Math.floor(t / columns) * (h + GAP);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const v = tile[y * w + x] ?? 0;
          const grey = Math.round((Math.max(0, v) / (extent || 1)) * 255);
          const rgb = signed ? divergingRgb(v, extent) : [grey, grey, grey];
          img.data.set([...rgb, 255], ((oy + y) * cw + ox + x) * 4);
        }
      }
    });
    ctx.putImageData(img, 0, 0);
  }, [tiles, columns, h, w, cw, ch, signed, extent]);

  return (
    <canvas
      ref={ref}
      width={cw}
      height={ch}
      role="img"
      aria-label={label}
      className="wl-tiles"
      data-testid={testId}
      data-tiles={tiles.length}
      data-extent={extent}
      style={{ width: `${(cw * scale) / 16}rem` }}
    />
  );
}
