/**
 * Draws an image stored as CHW numbers (uint8 bytes or floats) on a canvas, one canvas pixel per
 * image pixel, scaled up by CSS with `image-rendering: pixelated` so every pixel stays a crisp
 * square. C = 3 draws colour; C = 1, or a chosen `channel`, draws grey. With `readout`, hovering
 * shows the pixel's row, column and value(s) in a live caption.
 */
import { type MouseEvent, type ReactElement, useEffect, useRef, useState } from 'react';

export interface ImageCanvasProps {
  /** C * H * W values, channel-major (all of channel 0, then channel 1 ...). */
  readonly data: ArrayLike<number>;
  /** [channels, height, width]. */
  readonly shape: readonly [number, number, number];
  /** Draw only this channel, in grey. */
  readonly channel?: number;
  /** Tint a single channel in its own colour (red, green or blue) instead of grey. */
  readonly tint?: 'red' | 'green' | 'blue';
  /** Values mapped to black and white; [0, 255] for bytes, [0, 1] for normalised floats. */
  readonly range?: readonly [number, number];
  /** On-screen size of one image pixel, in CSS pixels at the default root font (rem-based, so
   *  presenter mode enlarges images along with the text). */
  readonly scale?: number;
  /** Accessible description of the picture; '' marks it decorative (e.g. inside a labelled button). */
  readonly label: string;
  readonly readout?: boolean;
  readonly className?: string;
}

interface Hover {
  readonly row: number;
  readonly col: number;
}

export function ImageCanvas(props: ImageCanvasProps): ReactElement {
  const { data, shape, channel, tint, range = [0, 255], scale = 8, label, readout = false, className } = props;
  const [c, h, w] = shape;
  const ref = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const [lo, hi] = range;

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(w, h);
    const byte = (v: number): number => Math.round(((v - lo) / (hi - lo || 1)) * 255);
    const colour = c === 3 && channel === undefined;
    for (let p = 0; p < h * w; p++) {
      const at = (ch: number): number => byte(data[ch * h * w + p] ?? 0);
      const grey = at(channel ?? 0);
      const rgb: [number, number, number] = colour
        ? [at(0), at(1), at(2)]
        : tint
          ? [tint === 'red' ? grey : 0, tint === 'green' ? grey : 0, tint === 'blue' ? grey : 0]
          : [grey, grey, grey];
      img.data.set([...rgb, 255], p * 4);
    }
    ctx.putImageData(img, 0, 0);
  }, [data, c, h, w, channel, tint, lo, hi]);

  const onMove = (event: MouseEvent<HTMLCanvasElement>): void => {
    const box = event.currentTarget.getBoundingClientRect();
    const col = Math.min(w - 1, Math.floor(((event.clientX - box.left) / box.width) * w));
    const row = Math.min(h - 1, Math.floor(((event.clientY - box.top) / box.height) * h));
    if (hover?.row !== row || hover?.col !== col) setHover({ row, col });
  };

  const valueAt = (hv: Hover): string => {
    const channels = channel === undefined ? Array.from({ length: c }, (_, i) => i) : [channel];
    const vals = channels.map((ch) => fmt(data[ch * h * w + hv.row * w + hv.col] ?? 0));
    return vals.length === 1 ? vals[0]! : `(${vals.join(', ')})`;
  };

  return (
    <div className={['image-canvas', className ?? ''].filter(Boolean).join(' ')}>
      <canvas
        ref={ref}
        width={w}
        height={h}
        role={label ? 'img' : undefined}
        aria-label={label || undefined}
        aria-hidden={label ? undefined : true}
        style={{ width: `${(w * scale) / 16}rem`, height: `${(h * scale) / 16}rem` }}
        onMouseMove={readout ? onMove : undefined}
        onMouseLeave={readout ? () => setHover(null) : undefined}
      />
      {readout && (
        <p className="image-readout" aria-live="polite">
          {hover ? (
            `row ${hover.row}, column ${hover.col}: ${valueAt(hover)}`
          ) : (
            <span className="muted">Hover to read a pixel.</span>
          )}
        </p>
      )}
    </div>
  );
}

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(3));
