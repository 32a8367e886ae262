/**
 * One lesson: title, objectives, table of contents, the lazily loaded body, and prev/next links.
 * The body is a React.lazy component created once per lesson id (cached), so re-renders do not
 * re-trigger the dynamic import; a failed import is caught by the route's ErrorBoundary.
 * A route that names a section opens the lesson there (sectionJump.ts), on load and when a
 * section link of the same lesson is opened later; an unknown section opens it at the top with
 * a quiet notice.
 */
import {
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactElement,
  Suspense,
  useEffect,
  useRef,
  useState,
} from 'react';
import { findLesson, type LessonMeta, neighbours } from '../../lessons/course';
import { LessonIdContext } from '../ui/sectionLinks';
import { UrlNotice } from '../ui/UrlNotice';
import { LessonNav } from './LessonNav';
import { NotFound } from './NotFound';
import { ProgressBadge } from './ProgressBadge';
import { parseRoute } from './router';
import { jumpToSectionWhenReady } from './sectionJump';
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

const shownId = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

export function LessonPage({ id }: { readonly id: string }): ReactElement {
  const lesson = findLesson(id);
  const article = useRef<HTMLElement>(null);
  const [unknownSection, setUnknownSection] = useState<string | null>(null);
  // Widgets read their state from the address when they mount (app/ui/urlState.ts). A link to this
  // same lesson with other state (pasted, or Back/Forward) remounts the body so they read it again;
  // the widgets' own writes use replaceState, which fires no hashchange, so they never count.
  const [linkGeneration, setLinkGeneration] = useState(0);

  useEffect(() => {
    if (lesson) document.title = `${lesson.title} · ConvLab`;
    return () => {
      document.title = 'ConvLab';
    };
  }, [lesson]);

  // Where to open: the section the address names (read from it, on load and on every later
  // hashchange within this lesson), else the top.
  useEffect(() => {
    if (!lesson) return;
    let cancel = (): void => {};
    const open = (): void => {
      cancel();
      const route = parseRoute(window.location.hash);
      if (route.name !== 'lesson' || route.id !== lesson.id) return;
      const section = route.section;
      const known = section !== undefined && lesson.sections.some((s) => s.id === section);
      setUnknownSection(section !== undefined && !known ? section : null);
      if (known && article.current) cancel = jumpToSectionWhenReady(article.current, section);
      else window.scrollTo(0, 0);
    };
    open();
    const queryOf = (url: string): string => {
      const at = url.indexOf('#');
      const hash = at < 0 ? '' : url.slice(at);
      return hash.includes('?') ? hash.slice(hash.indexOf('?')) : '';
    };
    const onHash = (event: HashChangeEvent): void => {
      if (queryOf(event.oldURL) !== queryOf(event.newURL)) setLinkGeneration((g) => g + 1);
      open();
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      cancel();
    };
  }, [lesson]);

  if (!lesson) return <NotFound path={`/lesson/${id}`} />;
  const Body = bodyFor(lesson);
  const { prev, next } = neighbours(lesson.id);

  return (
    <div className="lesson-layout">
      <TableOfContents lesson={lesson} />
      <article ref={article} className="lesson" aria-labelledby="lesson-title" data-lesson-id={lesson.id}>
        <header className="lesson-header">
          <h1 id="lesson-title">{lesson.title}</h1>
          <UrlNotice
            notices={[
              unknownSection === null
                ? null
                : `This lesson has no section “${shownId(unknownSection)}”, so it opens at the top.`,
            ]}
          />
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
          <LessonIdContext.Provider value={lesson.id}>
            <Body key={linkGeneration} />
          </LessonIdContext.Provider>
        </Suspense>
        <LessonNav prev={prev} next={next} />
      </article>
    </div>
  );
}
