/**
 * A box whose content may be wider than the page (a table on a phone): it scrolls sideways inside
 * itself, and while it does, the keyboard can reach and scroll it (see useScrollFocus).
 */
import type { ReactElement, ReactNode } from 'react';
import { useScrollFocus } from './useScrollFocus';

export interface ScrollBoxProps {
  readonly className: string;
  /** What the box holds, read out when it takes focus to scroll. */
  readonly label: string;
  readonly children: ReactNode;
}

export function ScrollBox({ className, label, children }: ScrollBoxProps): ReactElement {
  const ref = useScrollFocus<HTMLDivElement>(label);
  return (
    <div ref={ref} className={className}>
      {children}
    </div>
  );
}
