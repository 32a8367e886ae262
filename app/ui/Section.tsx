/**
 * A lesson section with a level-2 heading. The heading carries the id the table of contents
 * jumps to and is focusable (tabIndex -1) so a jump moves keyboard focus there too.
 */
import type { ReactElement, ReactNode } from 'react';

export interface SectionProps {
  /** Must match an entry in the lesson's meta `sections`. */
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}

export function Section({ id, title, children }: SectionProps): ReactElement {
  return (
    <section className="lesson-section" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
