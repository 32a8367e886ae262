/**
 * One lesson: title, objectives, table of contents, the lazily loaded body, and prev/next links.
 * The body is a React.lazy component created once per lesson id (cached), so re-renders do not
 * re-trigger the dynamic import; a failed import is caught by the route's ErrorBoundary.
 */
import { type ComponentType, type LazyExoticComponent, lazy, type ReactElement, Suspense, useEffect } from 'react';
import { findLesson, type LessonMeta, neighbours } from '../../lessons/course';
import { LessonNav } from './LessonNav';
import { NotFound } from './NotFound';
import { ProgressBadge } from './ProgressBadge';
import { TableOfContents } from './TableOfContents';

const bodies = new Map<string, LazyExoticComponent<ComponentType>>();

function bodyFor(lesson: LessonMeta): LazyExoticComponent<ComponentType> {
  let body = bodies.get(lesson.id);
  if (!body) {
    // Forget a failed load so "Reload this lesson" tries the import again instead of re-throwing.
    body = lazy(() =>
      lesson.load().catch((error: unknown) => {
        bodies.delete(lesson.id);
        throw error;
      }),
    );
    bodies.set(lesson.id, body);
  }
  return body;
}

export function LessonPage({ id }: { readonly id: string }): ReactElement {
  const lesson = findLesson(id);

  useEffect(() => {
    window.scrollTo(0, 0);
    if (lesson) document.title = `${lesson.title} · ConvLab`;
    return () => {
      document.title = 'ConvLab';
    };
  }, [lesson]);

  if (!lesson) return <NotFound path={`/lesson/${id}`} />;
  const Body = bodyFor(lesson);
  const { prev, next } = neighbours(lesson.id);

  return (
    <div className="lesson-layout">
      <TableOfContents lesson={lesson} />
      <article className="lesson" aria-labelledby="lesson-title" data-lesson-id={lesson.id}>
        <header className="lesson-header">
          <h1 id="lesson-title">{lesson.title}</h1>
          <p className="lesson-meta">
            <span>about {lesson.minutes} min</span>
            <ProgressBadge lesson={lesson} />
          </p>
          <section className="objectives" aria-labelledby="objectives-title">
            <h2 id="objectives-title">By the end you can</h2>
            <ul>
              {lesson.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </section>
        </header>
        <Suspense
          fallback={
            <p className="loading" role="status">
              Loading the lesson…
            </p>
          }
        >
          <Body />
        </Suspense>
        <LessonNav prev={prev} next={next} />
      </article>
    </div>
  );
}
