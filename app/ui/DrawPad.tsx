/**
 * A square canvas to draw a digit on with the mouse, a pen or a finger (pointer events, so one
 * code path serves all three). White ink on black, like MNIST. After each stroke the drawing is
 * converted to a 28x28 MNIST-style image and handed to `onDrawing`.
 */
import { type PointerEvent, type ReactElement, useRef } from 'react';
import { canvasToMnist } from './digit';
import './DrawPad.css';

const SIZE = 280;

export interface DrawPadProps {
  readonly onDrawing: (image: Float32Array | null) => void;
}

export function DrawPad({ onDrawing }: DrawPadProps): ReactElement {
  const ref = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);

  const point = (event: PointerEvent<HTMLCanvasElement>): { x: number; y: number } => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - box.left) / box.width) * SIZE, y: ((event.clientY - box.top) / box.height) * SIZE };
  };

  const stroke = (to: { x: number; y: number }): void => {
    const ctx = ref.current?.getContext('2d');
    const from = last.current ?? to;
    if (!ctx) return;
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 20;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
    last.current = to;
  };

  const clear = (): void => {
    const ctx = ref.current?.getContext('2d');
    if (ctx) {
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, SIZE, SIZE);
    }
    onDrawing(null);
  };

  return (
    <div className="draw-pad">
      <canvas
        ref={(node) => {
          // Paint the background once, when the canvas first mounts.
          if (node && !ref.current) {
            const ctx = node.getContext('2d', { willReadFrequently: true });
            if (ctx) {
              ctx.fillStyle = '#000';
              ctx.fillRect(0, 0, SIZE, SIZE);
            }
          }
          ref.current = node;
        }}
        width={SIZE}
        height={SIZE}
        className="draw-canvas"
        role="img"
        aria-label="Drawing area: draw a digit with the mouse or a finger"
        data-testid="draw-canvas"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          last.current = null;
          stroke(point(event));
        }}
        onPointerMove={(event) => {
          if (last.current) stroke(point(event));
        }}
        onPointerUp={() => {
          last.current = null;
          if (ref.current) onDrawing(canvasToMnist(ref.current));
        }}
      />
      <button type="button" className="button" onClick={clear}>
        Clear
      </button>
    </div>
  );
}
