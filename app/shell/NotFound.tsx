/** The panel for a route that matches nothing (or a lesson id that does not exist). */
import type { ReactElement } from 'react';
import { routeHref } from './router';

export function NotFound({ path }: { readonly path: string }): ReactElement {
  return (
    <section className="panel" aria-labelledby="not-found-title" data-testid="not-found">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        There is nothing at <code>{path}</code>. The link may be old, or the lesson may not have been written yet.
      </p>
      <p>
        <a className="button button--primary" href={routeHref({ name: 'outline' })}>
          Go to the course outline
        </a>
      </p>
    </section>
  );
}
