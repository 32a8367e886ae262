/** One sample drawn at its true 32x32 pixels (scaled up by CSS, pixelated), with a delete button. */
import { type ReactElement, useEffect, useRef } from 'react';
import { type Sample, SIDE } from './ownStore';

export function Thumb({
  sample,
  label,
  onDelete,
}: {
  readonly sample: Sample;
  readonly label: string;
  readonly onDelete: () => void;
}): ReactElement {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx) ctx.putImageData(new ImageData(new Uint8ClampedArray(sample.rgba), SIDE, SIDE), 0, 0);
  }, [sample]);
  return (
    <li className="own-thumb">
      <canvas ref={ref} width={SIDE} height={SIDE} role="img" aria-label={label} />
      <button type="button" className="own-thumb-delete" aria-label={`Delete ${label}`} onClick={onDelete}>
        ×
      </button>
    </li>
  );
}
