/**
 * A button that, when off, stays focusable: `aria-disabled` instead of `disabled`, and clicks
 * (mouse, Enter, Space) are ignored. Used where the focused button can turn itself off (Step at
 * the last step, Back at the first, Reset), because a natively disabled button drops keyboard
 * focus to the page body and the user loses their place (WCAG 2.4.3).
 */
import type { ButtonHTMLAttributes, MouseEvent, ReactElement } from 'react';
import './SoftButton.css';

export interface SoftButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled' | 'type'> {
  readonly off: boolean;
}

export function SoftButton({ off, onClick, ...rest }: SoftButtonProps): ReactElement {
  const click = (event: MouseEvent<HTMLButtonElement>): void => {
    if (off) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return <button type="button" {...rest} aria-disabled={off || undefined} onClick={click} />;
}
