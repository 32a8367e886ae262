/**
 * A tiny typed hash router. Hash routes (`#/lesson/<id>`) need no server configuration, so the
 * static build works from any path and offline. Routes are a discriminated union; `parseRoute` and
 * `routeHref` are inverse functions, and `useRoute` re-renders on `hashchange`.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { readonly name: 'outline' }
  | { readonly name: 'lesson'; readonly id: string }
  | { readonly name: 'studio' }
  | { readonly name: 'notFound'; readonly path: string };

/** Turns `location.hash` (with or without the leading '#') into a route; anything unknown is notFound. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { name: 'outline' };
  // The studio takes a query: a share link's set-up (app/studio/keep/share.ts).
  if (/^\/studio\/?(\?.*)?$/s.test(path)) return { name: 'studio' };
  const lesson = /^\/lesson\/([a-z0-9-]+)\/?$/.exec(path);
  if (lesson?.[1]) return { name: 'lesson', id: lesson[1] };
  return { name: 'notFound', path };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'outline':
      return '#/';
    case 'lesson':
      return `#/lesson/${route.id}`;
    case 'studio':
      return '#/studio';
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
