/**
 * A labelled number input that never throws and never reports an invalid value. It keeps the raw
 * text the user typed (so "1." or "" can be typed on the way to "1.5"), validates against
 * min/max/integer, shows why a value is rejected in an inline message, and calls `onChange` only
 * with valid numbers.
 */
import { type ChangeEvent, type ReactElement, useEffect, useId, useState } from 'react';

export interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly onChange: (value: number) => void;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly step?: number;
  /** Short help shown under the field while it is valid. */
  readonly hint?: string;
  readonly className?: string;
}

/** Why `text` is not acceptable, or null when it is. Exported for reuse by other inputs. */
export function numberProblem(text: string, opts: { min?: number; max?: number; integer?: boolean }): string | null {
  if (text.trim() === '') return 'Enter a number.';
  const v = Number(text);
  if (!Number.isFinite(v)) return `“${text}” is not a number.`;
  if (opts.integer && !Number.isInteger(v)) return 'Use a whole number.';
  if (opts.min !== undefined && v < opts.min) return `Use ${opts.min} or more.`;
  if (opts.max !== undefined && v > opts.max) return `Use ${opts.max} or less.`;
  return null;
}

export function NumberField(props: NumberFieldProps): ReactElement {
  const { label, value, onChange, min, max, integer = false, step, hint, className } = props;
  const id = useId();
  const [text, setText] = useState(String(value));
  const problem = numberProblem(text, { min, max, integer });

  // Follow the value when the parent changes it (but not while the user's text means the same number).
  useEffect(() => {
    setText((t) => (Number(t) === value && t.trim() !== '' ? t : String(value)));
  }, [value]);

  const onInput = (event: ChangeEvent<HTMLInputElement>): void => {
    const next = event.target.value;
    setText(next);
    if (numberProblem(next, { min, max, integer }) === null) onChange(Number(next));
  };

  const message = problem ?? hint;
  return (
    <div className={['number-field', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        value={text}
        min={min}
        max={max}
        step={step ?? (integer ? 1 : 'any')}
        aria-invalid={problem !== null}
        aria-describedby={message ? `${id}-msg` : undefined}
        onChange={onInput}
        onBlur={() => problem !== null && setText(String(value))}
      />
      {message && (
        <span
          id={`${id}-msg`}
          className={problem ? 'field-message field-message--error' : 'field-message'}
          aria-live="polite"
        >
          {message}
        </span>
      )}
    </div>
  );
}
