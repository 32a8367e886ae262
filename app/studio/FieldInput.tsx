/**
 * One editable field of a layer row. It keeps the text as typed (so "5×" can be on its way to
 * "5×3"), reports only parsed values upward, and shows a parse problem under itself. Whether the
 * value makes sense for the network (a kernel larger than its input) is summarize()'s job and is
 * shown on the row.
 */
import { type ReactElement, useEffect, useId, useState } from 'react';
import type { FieldKind } from '../../engine/spec/schema';
import { formatField, parseField } from './fieldParse';

export interface FieldInputProps {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly value: unknown;
  readonly layerLabel: string;
  readonly onChange: (value: unknown) => void;
  readonly placeholder?: string;
}

export function FieldInput(props: FieldInputProps): ReactElement {
  const { name, label, kind, required, value, layerLabel, onChange, placeholder } = props;
  const id = useId();
  const [text, setText] = useState(formatField(value));
  const parsed = parseField(kind, text, required);

  // Follow the spec when it changes from elsewhere (a preset, a reorder), unless it is what we typed.
  useEffect(() => {
    setText((t) => {
      const mine = parseField(kind, t, required);
      return mine.ok && formatField(mine.value) === formatField(value) ? t : formatField(value);
    });
  }, [value, kind, required]);

  return (
    <div className="layer-field" data-field={name}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        size={Math.max(3, Math.min(8, text.length + 1))}
        value={text}
        placeholder={placeholder}
        aria-label={`${label} of ${layerLabel}`}
        aria-invalid={!parsed.ok}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const result = parseField(kind, next, required);
          if (result.ok) onChange(result.value);
        }}
      />
      {!parsed.ok && (
        <span className="field-message field-message--error" aria-live="polite">
          {parsed.message}
        </span>
      )}
    </div>
  );
}
