/** A labelled row of radio buttons for choosing one index along an axis (n or c). */
import type { ReactElement } from 'react';

interface IndexPickerProps {
  /** Axis letter, e.g. "n". */
  readonly axis: string;
  readonly legend: string;
  readonly count: number;
  readonly value: number;
  readonly onChange: (value: number) => void;
}

export function IndexPicker({ axis, legend, count, value, onChange }: IndexPickerProps): ReactElement {
  return (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      {[...Array(count).keys()].map((i) => (
        <label key={i} className={i === value ? 'segmented-option is-selected' : 'segmented-option'}>
          <input type="radio" name={`pick-${axis}`} value={i} checked={i === value} onChange={() => onChange(i)} />
          {axis} = {i}
        </label>
      ))}
    </fieldset>
  );
}
