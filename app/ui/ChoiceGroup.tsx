/**
 * A labelled row of radio buttons styled as a segmented control: pick one of a few options (a pool
 * mode, a layer count, an example). It is a native <fieldset> of radios, so arrow keys move the
 * choice and screen readers announce the group's legend; the look comes from `.segmented` in
 * widgets.css. Generic over the option value so callers keep their own union types.
 */
import { type ReactElement, useId } from 'react';

export interface ChoiceOption<T extends string | number> {
  readonly value: T;
  readonly label: string;
}

export interface ChoiceGroupProps<T extends string | number> {
  readonly legend: string;
  readonly options: readonly ChoiceOption<T>[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  readonly className?: string;
}

export function ChoiceGroup<T extends string | number>(props: ChoiceGroupProps<T>): ReactElement {
  const { legend, options, value, onChange, className } = props;
  const name = useId();
  return (
    <fieldset className={['segmented', className ?? ''].filter(Boolean).join(' ')}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label
          key={String(option.value)}
          className={option.value === value ? 'segmented-option is-selected' : 'segmented-option'}
        >
          <input
            type="radio"
            name={name}
            value={String(option.value)}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
