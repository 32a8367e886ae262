/**
 * A numbered-free figure: any visual (widget, canvas, grid) with a caption underneath. Using
 * <figure>/<figcaption> gives the visual an accessible name from its caption.
 */
import type { ReactElement, ReactNode } from 'react';

export interface FigureProps {
  readonly caption: ReactNode;
  /** Let the figure use the full content width rather than the prose measure. */
  readonly wide?: boolean;
  readonly children: ReactNode;
}

export function Figure({ caption, wide = false, children }: FigureProps): ReactElement {
  return (
    <figure className={wide ? 'figure figure--wide' : 'figure'}>
      <div className="figure-body">{children}</div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
