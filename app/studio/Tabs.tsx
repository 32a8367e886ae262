/**
 * A small accessible tab set (WAI-ARIA tabs pattern): a tablist of buttons, arrow keys move
 * between tabs, and only the selected panel is mounted, so hidden views cost nothing while
 * training runs. Used for the studio's side panel and its inspector.
 */
import { type KeyboardEvent, type ReactElement, type ReactNode, useId, useState } from 'react';

export interface TabDef {
  readonly id: string;
  readonly label: string;
  readonly render: () => ReactNode;
}

export interface TabsProps {
  readonly label: string;
  readonly tabs: readonly TabDef[];
  readonly className?: string;
  readonly initial?: string;
}

export function Tabs({ label, tabs, className, initial }: TabsProps): ReactElement {
  const base = useId();
  const [selected, setSelected] = useState<string>(initial ?? tabs[0]?.id ?? '');
  const current = tabs.find((t) => t.id === selected) ?? tabs[0];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const i = tabs.findIndex((t) => t.id === current?.id);
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    const next = tabs[(i + delta + tabs.length) % tabs.length];
    if (!next) return;
    setSelected(next.id);
    document.getElementById(`${base}-tab-${next.id}`)?.focus();
  };

  return (
    <div className={['tabs', className ?? ''].filter(Boolean).join(' ')}>
      <div role="tablist" aria-label={label} className="tabs-list" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`${base}-tab-${t.id}`}
            type="button"
            role="tab"
            className="tabs-tab"
            aria-selected={t.id === current?.id}
            aria-controls={`${base}-panel`}
            tabIndex={t.id === current?.id ? 0 : -1}
            onClick={(event) => {
              setSelected(t.id);
              // In a tab row that scrolls sideways, bring a half-hidden tab fully into view.
              event.currentTarget.scrollIntoView({ block: 'nearest', inline: 'nearest' });
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        id={`${base}-panel`}
        role="tabpanel"
        className="tabs-panel"
        // Focusable, as the WAI-ARIA tabs pattern advises: a panel that scrolls can then be scrolled
        // from the keyboard even when the view inside it has no control of its own.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1).
        tabIndex={0}
        aria-labelledby={current ? `${base}-tab-${current.id}` : undefined}
      >
        {current?.render()}
      </div>
    </div>
  );
}
