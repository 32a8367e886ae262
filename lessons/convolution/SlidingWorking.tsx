/**
 * The arithmetic behind one output value, written out twice: as the sum of the k² products the
 * window lines up (12·1 + 3·2 + 25·3 + 10·4 = 133), and as the dot product of the flattened patch
 * and the flattened kernel. The total is the engine's output value, passed in, not re-added here,
 * so what the student reads is what the network computes.
 */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { fmt, texFactor } from './squares';

export interface SlidingWorkingProps {
  readonly row: number;
  readonly col: number;
  /** The patch under the window, row-major. */
  readonly patch: readonly number[];
  /** The kernel actually slid (already flipped for convolution), row-major. */
  readonly kernel: readonly number[];
  /** The engine's output at (row, col). */
  readonly value: number;
}

export function SlidingWorking({ row, col, patch, kernel, value }: SlidingWorkingProps): ReactElement {
  const terms = patch.map((p, i) => `${texFactor(p)}\\cdot ${texFactor(kernel[i]!)}`).join(' + ');
  const vec = (xs: readonly number[]): string => `\\begin{bmatrix} ${xs.map(fmt).join(' & ')} \\end{bmatrix}`;
  const spoken = patch.map((p, i) => `${fmt(p)} times ${fmt(kernel[i]!)}`).join(', plus ');
  return (
    <output className="sliding-working" data-testid="working" data-value={fmt(value)} data-row={row} data-col={col}>
      <span className="visually-hidden">
        Output row {row}, column {col}: {spoken}, equals {fmt(value)}.
      </span>
      <span aria-hidden="true">
        <TeX block tex={`y_{${row},${col}} = ${terms} = \\mathbf{${fmt(value)}}`} />
        <span className="sliding-working-label">The same number as a dot product of flattened vectors:</span>
        <TeX block tex={`${vec(patch)} \\cdot ${vec(kernel)}^{\\top} = ${fmt(value)}`} />
      </span>
    </output>
  );
}
