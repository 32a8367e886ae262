/**
 * Input volume, one filter and the output volume as oblique 3-D boxes (SVG). Width and height run
 * across and up the page, depth (channels) runs back at 30°. The filter box is drawn inside the
 * input's front corner and is exactly as deep as the input, because a filter always spans every
 * input channel; the output's front slice is the one activation map that this filter produces.
 * Lengths use a square-root scale so a 3-channel input and a 227-pixel image both fit: the
 * picture shows which sizes match, the numbers beside it give the sizes themselves.
 */
import type { ReactElement } from 'react';

export interface VolumeDrawingProps {
  readonly input: readonly [number, number, number]; // [D, H, W]
  readonly filter: number;
  readonly output: readonly [number, number, number] | null; // [K, H2, W2], null when it does not fit
}

const len = (n: number, max: number): number => Math.min(max, 14 * Math.sqrt(n));
const DEPTH_X = Math.cos(Math.PI / 6) * 0.75;
const DEPTH_Y = Math.sin(Math.PI / 6) * 0.75;

interface BoxProps {
  readonly x: number;
  readonly y: number; // front-bottom-left corner
  readonly w: number;
  readonly h: number;
  readonly d: number;
  readonly className: string;
}

/** A box: front face, top face and right face, in that paint order. */
function Box({ x, y, w, h, d, className }: BoxProps): ReactElement {
  const dx = d * DEPTH_X;
  const dy = -d * DEPTH_Y;
  const pts = (p: readonly (readonly [number, number])[]): string => p.map(([a, b]) => `${a},${b}`).join(' ');
  return (
    <g className={className}>
      <rect className="face-front" x={x} y={y - h} width={w} height={h} />
      <polygon
        className="face-top"
        points={pts([
          [x, y - h],
          [x + w, y - h],
          [x + w + dx, y - h + dy],
          [x + dx, y - h + dy],
        ])}
      />
      <polygon
        className="face-side"
        points={pts([
          [x + w, y],
          [x + w, y - h],
          [x + w + dx, y - h + dy],
          [x + w + dx, y + dy],
        ])}
      />
    </g>
  );
}

export function VolumeDrawing({ input, filter, output }: VolumeDrawingProps): ReactElement {
  const [d, h, w] = input;
  const iw = len(w, 170);
  const ih = len(h, 170);
  const id = len(d, 110);
  const fw = Math.min(iw, len(filter, 170));
  const top = 30 + id * DEPTH_Y;
  const base = top + Math.max(ih, 120);
  const x0 = 20;
  const outX = x0 + iw + id * DEPTH_X + 90;
  const ow = output ? len(output[2], 170) : 0;
  const oh = output ? len(output[1], 170) : 0;
  const od = output ? len(output[0], 110) : 0;
  const width = outX + Math.max(ow + od * DEPTH_X, 120) + 20;
  const height = base + 50;
  const slice = output ? od / output[0] : 0;
  return (
    <svg
      className="volume-drawing"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Input volume ${d}×${h}×${w}, one ${d}×${filter}×${filter} filter, output volume ${
        output ? `${output[0]}×${output[1]}×${output[2]}` : 'none: the filter does not fit'
      }`}
    >
      <Box x={x0} y={base} w={iw} h={ih} d={id} className="box box--input" />
      <Box x={x0} y={base - ih + fw} w={fw} h={fw} d={id} className="box box--filter" />
      <text x={x0 + iw / 2} y={base + 22} textAnchor="middle">
        input {d}×{h}×{w}
      </text>
      <text x={x0} y={base - ih - id * DEPTH_Y - 8} className="label-filter">
        filter {d}×{filter}×{filter}
      </text>
      <line className="arrow" x1={outX - 70} y1={base - ih / 2} x2={outX - 14} y2={base - ih / 2} />
      <polygon
        className="arrow-head"
        points={`${outX - 6},${base - ih / 2} ${outX - 16},${base - ih / 2 - 6} ${outX - 16},${base - ih / 2 + 6}`}
      />
      {output ? (
        <>
          <Box x={outX} y={base} w={ow} h={oh} d={od} className="box box--output" />
          <Box x={outX} y={base} w={ow} h={oh} d={slice} className="box box--slice" />
          <text x={outX + ow / 2} y={base + 22} textAnchor="middle">
            output {output[0]}×{output[1]}×{output[2]}
          </text>
        </>
      ) : (
        <text x={outX} y={base - ih / 2 + 5}>
          no output
        </text>
      )}
    </svg>
  );
}
