/**
 * A grey image with a heat map laid over it: the map is upsampled to the image's size, and its
 * positive part is painted in warm colour with opacity rising to full at the map's largest value
 * (negative evidence is left clear, as CAM figures do). Used for class activation maps.
 */
import { type ReactElement, useEffect, useRef } from 'react';
import { upsample } from './overlay';

export interface OverlayCanvasProps {
  /** height × width grey values in [0, 1]. */
  readonly image: ArrayLike<number>;
  readonly height: number;
  readonly width: number;
  readonly map: ArrayLike<number>;
  readonly mapHeight: number;
  readonly mapWidth: number;
  readonly scale?: number;
  readonly label: string;
  readonly testId?: string;
}

const HOT = [255, 120, 0] as const;

export function OverlayCanvas(props: OverlayCanvasProps): ReactElement {
  const { image, height: h, width: w, map, mapHeight, mapWidth, scale = 8, label, testId } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const big = upsample(map, mapHeight, mapWidth, h, w);
    let top = 0;
    for (const v of big) top = Math.max(top, v);
    const img = ctx.createImageData(w, h);
    for (let p = 0; p < w * h; p++) {
      const grey = Math.round(Math.min(1, Math.max(0, image[p] ?? 0)) * 255);
      const a = top > 0 ? Math.max(0, big[p]!) / top : 0;
      const rgb = HOT.map((c) => Math.round(grey * (1 - 0.75 * a) + c * 0.75 * a));
      img.data.set([...rgb, 255], p * 4);
    }
    ctx.putImageData(img, 0, 0);
  }, [image, h, w, map, mapHeight, mapWidth]);
  return (
    <canvas
      ref={ref}
      width={w}
      height={h}
      role="img"
      aria-label={label}
      className="wl-overlay"
      data-testid={testId}
      style={{ width: `${(w * scale) / 16}rem` }}
    />
  );
}
