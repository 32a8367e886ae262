/**
 * A small editable k x k kernel (e.g. 3x3 weights for a convolution lesson): an editable
 * TensorGrid with diverging colours plus a row of preset buttons. It owns no state; the parent
 * holds the values and receives a new array on every valid edit or preset.
 */
import { type ReactElement, useCallback } from 'react';
import { TensorGrid } from './TensorGrid';

export interface KernelPreset {
  readonly name: string;
  /** size * size values, row-major. */
  readonly values: readonly number[];
}

export interface KernelEditorProps {
  readonly size: number;
  readonly values: readonly number[];
  readonly onChange: (values: number[]) => void;
  readonly presets?: readonly KernelPreset[];
  readonly label?: string;
  readonly min?: number;
  readonly max?: number;
}

export function KernelEditor(props: KernelEditorProps): ReactElement {
  const { size, values, onChange, presets = [], label = 'Kernel', min = -100, max = 100 } = props;
  const onEdit = useCallback(
    (index: number, value: number): void => {
      const next = [...values];
      next[index] = value;
      onChange(next);
    },
    [values, onChange],
  );
  const usable = presets.filter((p) => p.values.length === size * size);
  return (
    <div className="kernel-editor">
      <TensorGrid
        values={values}
        rows={size}
        cols={size}
        label={label}
        heat="diverging"
        editable
        onEdit={onEdit}
        min={min}
        max={max}
        size="lg"
      />
      {usable.length > 0 && (
        <fieldset className="button-row">
          <legend>Presets</legend>
          {usable.map((p) => (
            <button key={p.name} type="button" className="button" onClick={() => onChange([...p.values])}>
              {p.name}
            </button>
          ))}
        </fieldset>
      )}
    </div>
  );
}
