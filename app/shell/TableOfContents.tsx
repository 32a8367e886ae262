/**
 * A lesson's table of contents. Each entry links to its section's own address
 * (`#/lesson/<id>/<section-id>`, app/ui/sectionLinks.ts): a click scrolls there and moves focus
 * to the heading for keyboard and screen-reader users; middle-click opens the section in a new tab.
 */
import type { ReactElement } from 'react';
import type { LessonMeta } from '../../lessons/course';
import { onSectionLinkClick, sectionHref } from '../ui/sectionLinks';

export function TableOfContents({ lesson }: { readonly lesson: LessonMeta }): ReactElement {
  return (
    <nav className="toc" aria-label="On this page">
      <h2 className="toc-title">On this page</h2>
      <ol>
        {lesson.sections.map((s) => (
          <li key={s.id}>
            <a
              href={sectionHref(lesson.id, s.id)}
              data-section={s.id}
              onClick={(e) => onSectionLinkClick(e, lesson.id, s.id)}
            >
              {s.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
