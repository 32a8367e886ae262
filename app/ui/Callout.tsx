/**
 * A boxed aside in lesson prose: a tip, a warning about a common mistake, or a note linking to the
 * lecture. The tone sets the colour and the label read out before the content.
 */
import type { ReactElement, ReactNode } from 'react';

export type CalloutTone = 'note' | 'tip' | 'warning';

export interface CalloutProps {
  readonly tone?: CalloutTone;
  /** Bold lead-in; defaults to the tone's name. */
  readonly title?: string;
  readonly children: ReactNode;
}

const DEFAULT_TITLE: Record<CalloutTone, string> = { note: 'Note', tip: 'Tip', warning: 'Watch out' };

export function Callout({ tone = 'note', title, children }: CalloutProps): ReactElement {
  return (
    <aside className={`callout callout--${tone}`}>
      <p className="callout-title">{title ?? DEFAULT_TITLE[tone]}</p>
      <div className="callout-body">{children}</div>
    </aside>
  );
}
