/**
 * Props that make a figure focusable and redraw its random draw on R (a mask, a set of augmented
 * copies), in the manner of app/ui/StepControls' stepperKeyProps. Keys typed into a field, or
 * with a modifier, are left alone.
 */
import type { HTMLAttributes, KeyboardEvent } from 'react';

export function redrawKeyProps(redraw: () => void, label: string): HTMLAttributes<HTMLDivElement> {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key !== 'r' && event.key !== 'R') return;
    event.preventDefault();
    redraw();
  };
  return { tabIndex: 0, role: 'group', 'aria-label': label, 'aria-keyshortcuts': 'R', onKeyDown };
}
