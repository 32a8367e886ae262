/**
 * The quiet line a widget shows when the link it was opened with held settings it could not use
 * (useUrlState's notices): what was ignored, and that the defaults are shown instead. Renders
 * nothing when every notice is null.
 */
import type { ReactElement } from 'react';
import './UrlNotice.css';

export function UrlNotice({ notices }: { readonly notices: readonly (string | null)[] }): ReactElement | null {
  const shown = notices.filter((n): n is string => n !== null);
  if (shown.length === 0) return null;
  return (
    <p className="url-notice" role="status" data-testid="url-notice">
      {shown.join(' ')}
    </p>
  );
}
