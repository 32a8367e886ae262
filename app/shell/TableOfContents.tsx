/**
 * A lesson's table of contents. The URL hash holds the route, so section links cannot be plain
 * `#id` anchors; they keep the lesson's href (middle-click still opens the lesson) and scroll to
 * the section, moving focus to its heading for keyboard and screen-reader users.
 */
import type { MouseEvent, ReactElement } from 'react';
import type { LessonMeta } from '../../lessons/course';
import { routeHref } from './router';

export function TableOfContents({ lesson }: { readonly lesson: LessonMeta }): ReactElement {
  const href = routeHref({ name: 'lesson', id: lesson.id });
  const jump = (event: MouseEvent, id: string): void => {
    const heading = document.getElementById(id);
    if (!heading) return;
    event.preventDefault();
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    heading.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'start' });
    heading.focus({ preventScroll: true });
  };
  return (
    <nav className="toc" aria-label="On this page">
      <h2 className="toc-title">On this page</h2>
      <ol>
        {lesson.sections.map((s) => (
          <li key={s.id}>
            <a href={href} data-section={s.id} onClick={(e) => jump(e, s.id)}>
              {s.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
