/** Which class a map explains: the net's own prediction, or any digit the student names. */
import type { ReactElement } from 'react';
import { DIGITS } from './net';

export interface ClassSelectProps {
  readonly value: number | null;
  readonly onChange: (value: number | null) => void;
  /** "Predicted" is offered only where there is an image to predict. */
  readonly allowPredicted?: boolean;
}

export function ClassSelect({ value, onChange, allowPredicted = true }: ClassSelectProps): ReactElement {
  return (
    <label className="wl-select">
      Class{' '}
      <select
        value={value === null ? 'predicted' : String(value)}
        onChange={(e) => onChange(e.target.value === 'predicted' ? null : Number(e.target.value))}
      >
        {allowPredicted ? <option value="predicted">the predicted one</option> : null}
        {DIGITS.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </label>
  );
}
