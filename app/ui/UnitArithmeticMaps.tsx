/**
 * The two picture pieces of click-a-unit for feature maps drawn as images. `PickableMap` is one
 * channel's map that picks a unit by click (the pixel under the pointer) or by keyboard (arrow
 * keys move the unit, Enter picks the one marked); the picked unit is outlined. `SpanMaps` draws a
 * layer's input maps (or the image) with the window or receptive field outlined; a field that
 * hangs over the edge is clipped to the map and the caption says how far it reaches.
 */
import { type KeyboardEvent, type MouseEvent, type ReactElement, useState } from 'react';
import { ImageCanvas } from './ImageCanvas';
import type { NamedTensor, Span } from './UnitArithmeticLayer';
import './UnitArithmetic.css';

export interface PickableMapProps {
  readonly data: ArrayLike<number>;
  readonly height: number;
  readonly width: number;
  readonly range: readonly [number, number];
  readonly scale: number;
  readonly label: string;
  readonly picked: { readonly row: number; readonly col: number } | null;
  readonly onPick: (row: number, col: number) => void;
}

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** Percent box of a span on an h×w map, clipped to it. */
function boxStyle(span: Span, height: number, width: number) {
  const top = Math.max(0, span.top);
  const left = Math.max(0, span.left);
  const bottom = Math.min(height - 1, span.bottom);
  const right = Math.min(width - 1, span.right);
  return {
    top: `${(top / height) * 100}%`,
    left: `${(left / width) * 100}%`,
    height: `${((bottom - top + 1) / height) * 100}%`,
    width: `${((right - left + 1) / width) * 100}%`,
  };
}

export function PickableMap(props: PickableMapProps): ReactElement {
  const { data, height, width, range, scale, label, picked, onPick } = props;
  const [cursor, setCursor] = useState<{ row: number; col: number } | null>(null);
  const mark = cursor ?? picked;
  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const canvas = event.currentTarget.querySelector('canvas');
    if (!canvas) return;
    const box = canvas.getBoundingClientRect();
    const col = Math.min(width - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * width)));
    const row = Math.min(height - 1, Math.max(0, Math.floor(((event.clientY - box.top) / box.height) * height)));
    setCursor(null);
    onPick(row, col);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const move = MOVES[event.key];
    const at = mark ?? { row: 0, col: 0 };
    if (move) {
      event.preventDefault();
      event.stopPropagation();
      const row = Math.min(height - 1, Math.max(0, at.row + move[0]));
      const col = Math.min(width - 1, Math.max(0, at.col + move[1]));
      setCursor({ row, col });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      setCursor(null);
      onPick(at.row, at.col);
    }
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a button cannot hold the canvas and its outline the way this map needs.
    <div
      className="ua-pick"
      role="button"
      tabIndex={0}
      aria-label={`${label}: click a unit, or move with the arrow keys and press Enter, to see its arithmetic`}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      <ImageCanvas data={data} shape={[1, height, width]} range={range} scale={scale} label={label} />
      {mark && (
        <span
          className={cursor ? 'ua-box ua-box--cursor' : 'ua-box'}
          style={boxStyle({ top: mark.row, left: mark.col, bottom: mark.row, right: mark.col }, height, width)}
        />
      )}
    </div>
  );
}

export interface SpanMapsProps {
  readonly tensor: NamedTensor;
  readonly span: Span;
  readonly title: string;
  /** Only these channels (default: the first few). */
  readonly channels?: readonly number[];
  readonly testId?: string;
  /** The network's input image: three channels are drawn as one colour picture. */
  readonly image?: boolean;
}

const MAX_SHOWN = 8;

export function SpanMaps({ tensor, span, title, channels, testId, image = false }: SpanMapsProps): ReactElement {
  const [c = 1, h = 1, w = 1] = tensor.shape.slice(-3);
  const shown = channels ?? Array.from({ length: Math.min(c, MAX_SHOWN) }, (_, i) => i);
  const scale = Math.max(2, Math.min(6, Math.round(84 / w)));
  const colour = image && c === 3;
  return (
    <figure
      className="ua-maps"
      data-testid={testId}
      data-top={span.top}
      data-left={span.left}
      data-bottom={span.bottom}
      data-right={span.right}
    >
      <figcaption>
        {title}: rows {span.top}–{span.bottom}, columns {span.left}–{span.right}
        {(span.top < 0 || span.left < 0 || span.bottom >= h || span.right >= w) && ' (partly on padding)'}
      </figcaption>
      <span className="ua-maps-row">
        {(colour ? [0] : shown).map((ch) => {
          const data = colour ? tensor.data : tensor.data.subarray(ch * h * w, (ch + 1) * h * w);
          let lo = Number.POSITIVE_INFINITY;
          let hi = Number.NEGATIVE_INFINITY;
          for (const v of data) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
          return (
            <span className="ua-map" key={ch}>
              <ImageCanvas
                data={data}
                shape={[colour ? 3 : 1, h, w]}
                range={[lo, hi > lo ? hi : lo + 1]}
                scale={scale}
                label={`${tensor.name} channel ${ch} with the unit's field outlined`}
              />
              <span className="ua-box" style={boxStyle(span, h, w)} />
            </span>
          );
        })}
        {!colour && c > shown.length && <span className="muted">+{c - shown.length} more</span>}
      </span>
    </figure>
  );
}
