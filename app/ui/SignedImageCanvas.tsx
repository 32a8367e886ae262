/**
 * Draws a single-channel map of signed numbers (a convolution's output, a gradient) with a
 * diverging colour map: red for negative, white for zero, blue for positive, the same colours the
 * diverging TensorGrid uses. A grey scale would hide the sign, and the sign is the point: an edge
 * filter answers "dark to light" with one colour and "light to dark" with the other. The scale is
 * symmetric about zero (±`extent`, by default the largest magnitude in the data) and printed in a
 * legend; with `readout`, hovering shows a pixel's row, column and value.
 */
import { type MouseEvent, type ReactElement, useEffect, useMemo, useRef, useState } from 'react';

export interface SignedImageCanvasProps {
  /** height * width values, row-major. */
  readonly data: ArrayLike<number>;
  readonly height: number;
  readonly width: number;
  /** Values at ±extent get the full colour; defaults to max |value| (1 if all zero). */
  readonly extent?: number;
  /** On-screen size of one pixel, in CSS pixels at the default root font (rem-based, so presenter mode scales it). */
  readonly scale?: number;
  readonly label: string;
  readonly readout?: boolean;
  readonly testId?: string;
}

const RED: readonly [number, number, number] = [160, 30, 40];
const BLUE: readonly [number, number, number] = [23, 55, 140];

/** RGB for `value` on the diverging scale ±extent. */
export function divergingRgb(value: number, extent: number): [number, number, number] {
  const t = Math.min(1, Math.abs(value) / (extent || 1));
  const target = value < 0 ? RED : BLUE;
  return [0, 1, 2].map((i) => Math.round(255 + (target[i]! - 255) * t)) as [number, number, number];
}

function maxAbs(data: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) m = Math.max(m, Math.abs(data[i]!));
  return m || 1;
}

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));

export function SignedImageCanvas(props: SignedImageCanvasProps): ReactElement {
  const { data, height: h, width: w, scale = 6, label, readout = false, testId } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ row: number; col: number } | null>(null);
  const extent = useMemo(() => props.extent ?? maxAbs(data), [props.extent, data]);

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(w, h);
    for (let p = 0; p < w * h; p++) img.data.set([...divergingRgb(data[p] ?? 0, extent), 255], p * 4);
    ctx.putImageData(img, 0, 0);
  }, [data, w, h, extent]);

  const onMove = (event: MouseEvent<HTMLCanvasElement>): void => {
    const box = event.currentTarget.getBoundingClientRect();
    const col = Math.min(w - 1, Math.floor(((event.clientX - box.left) / box.width) * w));
    const row = Math.min(h - 1, Math.floor(((event.clientY - box.top) / box.height) * h));
    if (hover?.row !== row || hover?.col !== col) setHover({ row, col });
  };

  return (
    <div className="image-canvas signed-image" data-testid={testId} data-extent={extent}>
      <canvas
        ref={ref}
        width={w}
        height={h}
        role="img"
        aria-label={label}
        style={{ width: `${(w * scale) / 16}rem`, height: `${(h * scale) / 16}rem`, background: '#fff' }}
        onMouseMove={readout ? onMove : undefined}
        onMouseLeave={readout ? () => setHover(null) : undefined}
      />
      <div className="signed-legend" aria-hidden="true" style={{ width: `${(w * scale) / 16}rem` }}>
        <span
          className="signed-legend-bar"
          style={{ display: 'block', height: '0.6rem', background: 'linear-gradient(90deg, #a01e28, #fff, #17378c)' }}
        />
        <span style={{ display: 'flex', justifyContent: 'space-between', fontSize: '0.8rem' }}>
          <span>−{fmt(extent)}</span>
          <span>0</span>
          <span>+{fmt(extent)}</span>
        </span>
      </div>
      {readout && (
        <p className="image-readout" aria-live="polite">
          {hover ? (
            `row ${hover.row}, column ${hover.col}: ${fmt(data[hover.row * w + hover.col] ?? 0)}`
          ) : (
            <span className="muted">Hover the map to read a value.</span>
          )}
        </p>
      )}
    </div>
  );
}
