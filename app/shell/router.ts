/**
 * A tiny typed hash router. Hash routes (`#/lesson/<id>`) need no server configuration, so the
 * static build works from any path and offline. Routes are a discriminated union; `parseRoute` and
 * `routeHref` are inverse functions, and `useRoute` re-renders on `hashchange`.
 *
 * A lesson route may name a section and carry a query of widget state (app/ui/urlState.ts):
 * `#/lesson/convolution/sliding-window?sw.s=2`. Both are optional, so every older link still opens.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { readonly name: 'outline' }
  | {
      readonly name: 'lesson';
      readonly id: string;
      /** The section to open at (a heading id in the lesson's meta), when the link names one. */
      readonly section?: string;
      /** The query without '?', widget state written by app/ui/urlState.ts ('' or absent: none). */
      readonly query?: string;
    }
  | { readonly name: 'studio' }
  | { readonly name: 'ownImages' }
  | { readonly name: 'notFound'; readonly path: string };

/** Turns `location.hash` (with or without the leading '#') into a route; anything unknown is notFound. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { name: 'outline' };
  // The studio takes a query: a share link's set-up (app/studio/keep/share.ts).
  if (/^\/studio\/?(\?.*)?$/s.test(path)) return { name: 'studio' };
  if (/^\/own-images\/?$/.test(path)) return { name: 'ownImages' };
  // A lesson: its id, then optionally a section id ('/section', or '#section' as a plain anchor
  // would add it), then optionally a query. Anything after a known lesson id opens the lesson.
  const lesson = /^\/lesson\/([a-z0-9-]+)(?:[/#]([^?]*?))?\/?(?:\?(.*))?$/s.exec(path);
  if (lesson?.[1]) {
    const section = lesson[2] ? { section: lesson[2] } : {};
    const query = lesson[3] ? { query: lesson[3] } : {};
    return { name: 'lesson', id: lesson[1], ...section, ...query };
  }
  return { name: 'notFound', path };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'outline':
      return '#/';
    case 'lesson': {
      const section = route.section ? `/${route.section}` : '';
      const query = route.query ? `?${route.query}` : '';
      return `#/lesson/${route.id}${section}${query}`;
    }
    case 'studio':
      return '#/studio';
    case 'ownImages':
      return '#/own-images';
    case 'notFound':
      return `#${route.path}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = (): string => window.location.hash;

/** The current route; re-renders the caller when the hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  return parseRoute(hash);
}
