/**
 * A lesson section with a level-2 heading. The heading carries the id the table of contents
 * jumps to and is focusable (tabIndex -1) so a jump moves keyboard focus there too. Beside the
 * title, a small "#" link holds the section's own address (sectionLinks.ts), for an instructor
 * to copy; it is a real link, so Tab reaches it and a screen reader names the section.
 */
import { type ReactElement, type ReactNode, useContext } from 'react';
import './Section.css';
import { LessonIdContext, onSectionLinkClick, sectionHref } from './sectionLinks';

export interface SectionProps {
  /** Must match an entry in the lesson's meta `sections`. */
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}

export function Section({ id, title, children }: SectionProps): ReactElement {
  const lesson = useContext(LessonIdContext);
  return (
    <section className="lesson-section" aria-labelledby={id}>
      <div className="section-heading">
        <h2 id={id} tabIndex={-1}>
          {title}
        </h2>
        {/* Outside the h2, so the heading's accessible name stays its title. */}
        {lesson && (
          <a
            className="section-link"
            href={sectionHref(lesson, id)}
            aria-label={`Link to this section: ${title}`}
            onClick={(e) => onSectionLinkClick(e, lesson, id)}
          >
            #
          </a>
        )}
      </div>
      {children}
    </section>
  );
}
