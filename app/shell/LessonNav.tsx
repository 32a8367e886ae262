/** Previous / next lesson links at the foot of a lesson (also reachable with [ and ]). */
import type { ReactElement } from 'react';
import type { LessonMeta } from '../../lessons/course';
import { routeHref } from './router';

interface LessonNavProps {
  readonly prev: LessonMeta | undefined;
  readonly next: LessonMeta | undefined;
}

export function LessonNav({ prev, next }: LessonNavProps): ReactElement {
  return (
    <nav className="lesson-nav" aria-label="Lessons">
      {prev ? (
        <a className="lesson-nav-link" rel="prev" href={routeHref({ name: 'lesson', id: prev.id })}>
          <span className="lesson-nav-dir">← Previous</span>
          {prev.title}
        </a>
      ) : (
        <a className="lesson-nav-link" href={routeHref({ name: 'outline' })}>
          <span className="lesson-nav-dir">← Outline</span>
          All lessons
        </a>
      )}
      {next ? (
        <a
          className="lesson-nav-link lesson-nav-link--next"
          rel="next"
          href={routeHref({ name: 'lesson', id: next.id })}
        >
          <span className="lesson-nav-dir">Next →</span>
          {next.title}
        </a>
      ) : (
        <a className="lesson-nav-link lesson-nav-link--next" href={routeHref({ name: 'outline' })}>
          <span className="lesson-nav-dir">Finished →</span>
          Back to the outline
        </a>
      )}
    </nav>
  );
}
