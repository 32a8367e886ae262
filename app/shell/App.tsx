/**
 * The application root: picks the page for the current hash route and wires the global keyboard
 * shortcuts (lesson navigation works from any lesson; presenter mode from anywhere).
 */
import { lazy, type ReactElement, Suspense, useCallback } from 'react';
import { neighbours } from '../../lessons/course';
import { togglePresenter } from '../stores/settings';
import { ErrorBoundary } from './ErrorBoundary';
import { toggleFullscreen } from './fullscreen';
import { type ShortcutAction, useShortcuts } from './keyboard';
import { Layout } from './Layout';
import { LessonPage } from './LessonPage';
import { NotFound } from './NotFound';
import { Outline } from './Outline';
import { navigate, parseRoute, type Route, useRoute } from './router';

// The studio (d3 charts, the builder, the worker client) loads only when a student opens it.
const Studio = lazy(() => import('../studio/Studio').then((m) => ({ default: m.Studio })));
// Your own images (camera, training on your classes): also loaded only when opened.
const OwnImages = lazy(() => import('../own-images/OwnImagesPage').then((m) => ({ default: m.OwnImagesPage })));

export function App(): ReactElement {
  const route = useRoute();

  // The route is read from the address when the key is pressed, not from this render: a key
  // pressed just after a navigation must move on from the new lesson, before React re-renders.
  const onShortcut = useCallback((action: ShortcutAction): void => {
    if (action === 'presenter') {
      togglePresenter();
      return;
    }
    if (action === 'fullscreen') {
      toggleFullscreen();
      return;
    }
    const current = parseRoute(window.location.hash);
    if (current.name !== 'lesson') return;
    const target = neighbours(current.id)[action];
    if (target) navigate({ name: 'lesson', id: target.id });
  }, []);
  useShortcuts(onShortcut);

  return (
    <Layout>
      <ErrorBoundary key={routeKey(route)} label={route.name === 'lesson' ? 'this lesson' : 'this page'}>
        <Page route={route} />
      </ErrorBoundary>
    </Layout>
  );
}

function Page({ route }: { readonly route: Route }): ReactElement {
  switch (route.name) {
    case 'outline':
      return <Outline />;
    case 'lesson':
      return <LessonPage id={route.id} />;
    case 'studio':
      return (
        <Suspense
          fallback={
            <p className="loading" role="status">
              Loading the studio…
            </p>
          }
        >
          <Studio />
        </Suspense>
      );
    case 'ownImages':
      return (
        <Suspense
          fallback={
            <p className="loading" role="status">
              Loading…
            </p>
          }
        >
          <OwnImages />
        </Suspense>
      );
    case 'notFound':
      return <NotFound path={route.path} />;
  }
}

/** A fresh boundary per route, so an error in one lesson does not follow the student to the next. */
function routeKey(route: Route): string {
  return route.name === 'lesson' ? `lesson:${route.id}` : route.name;
}
