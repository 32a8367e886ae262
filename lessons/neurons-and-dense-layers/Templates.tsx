/**
 * The ten rows of a linear classifier's W drawn as pictures, one per class: the 'templates' the
 * classifier matches each image against (its score for a class is the dot product of the image
 * with that row). Colour rows ([3, 32, 32]) are stretched to the full 0–255 range per row, the
 * usual way to show them; grey rows (28×28) use the diverging red/blue map so the sign shows.
 */
import type { ReactElement } from 'react';
import { ImageCanvas } from '../../app/ui/ImageCanvas';
import { SignedImageCanvas } from '../../app/ui/SignedImageCanvas';

export interface TemplatesProps {
  readonly weights: Float32Array;
  readonly shape: readonly [number, number, number];
  readonly classNames: readonly string[];
}

function stretch(row: Float32Array): Float32Array {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of row) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const span = hi - lo || 1;
  return row.map((v) => ((v - lo) / span) * 255);
}

export function Templates({ weights, shape, classNames }: TemplatesProps): ReactElement {
  const [c, h, w] = shape;
  const size = c * h * w;
  return (
    <ul className="templates" data-testid="templates">
      {classNames.map((name, k) => {
        const row = weights.subarray(k * size, (k + 1) * size);
        return (
          <li key={name} className="template">
            {c === 3 ? (
              <ImageCanvas data={stretch(row)} shape={shape} scale={3} label={`Template for ${name}`} />
            ) : (
              <SignedImageCanvas data={row} height={h} width={w} scale={3} label={`Template for ${name}`} />
            )}
            <span>{name}</span>
          </li>
        );
      })}
    </ul>
  );
}
