/**
 * The page frame: header (name, outline link, presenter toggle), main content, and a footer that
 * lists the keyboard shortcuts with a switch that turns the single-key ones off. Presenter mode is applied as a `data-presenter` attribute on <html>
 * so the CSS variables in theme.css can scale the root font and raise contrast everywhere at once.
 */
import { type ReactElement, type ReactNode, useEffect } from 'react';
import { setShortcuts, togglePresenter, useSettings } from '../stores/settings';
import { toggleFullscreen, useFullscreen } from './fullscreen';
import { SHORTCUTS, type Shortcut } from './keyboard';
import { routeHref } from './router';

export function Layout({ children }: { readonly children: ReactNode }): ReactElement {
  const presenter = useSettings((s) => s.presenter);
  const shortcuts = useSettings((s) => s.shortcuts);
  const fullscreen = useFullscreen();

  useEffect(() => {
    document.documentElement.toggleAttribute('data-presenter', presenter);
  }, [presenter]);

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={skipToMain}>
        Skip to content
      </button>
      <header className="app-header">
        <a className="brand" href={routeHref({ name: 'outline' })} aria-label="ConvLab home">
          <span className="brand-mark" aria-hidden="true" />
          ConvLab
        </a>
        <nav aria-label="Site">
          <a href={routeHref({ name: 'outline' })}>Course outline</a>
          <a href={routeHref({ name: 'studio' })}>Training studio</a>
          <a href={routeHref({ name: 'ownImages' })}>Your own images</a>
        </nav>
        <div className="header-actions">
          <button
            type="button"
            className="button presenter-toggle"
            aria-pressed={presenter}
            onClick={togglePresenter}
            title={`Larger type and higher contrast for projecting${shortcuts ? ' (shortcut: P)' : ''}`}
          >
            Presenter {shortcuts && <kbd>P</kbd>}
          </button>
          <button
            type="button"
            className="button presenter-toggle"
            aria-pressed={fullscreen}
            onClick={toggleFullscreen}
            title={`Fill the screen, for projecting${shortcuts ? ' (shortcut: F)' : ''}`}
          >
            Full screen {shortcuts && <kbd>F</kbd>}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">
        <h2 className="visually-hidden">Keyboard shortcuts</h2>
        <ul className="shortcut-list">
          <li>
            <label>
              <input type="checkbox" checked={shortcuts} onChange={(e) => setShortcuts(e.target.checked)} /> Single-key
              shortcuts
            </label>
          </li>
          {shownShortcuts(shortcuts).map((s) => (
            <li key={s.description}>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' or '}
                  <kbd>{k}</kbd>
                </span>
              ))}{' '}
              {s.description}
            </li>
          ))}
        </ul>
      </footer>
    </div>
  );
}

/** The footer's list: with single-key shortcuts off, only the chords that still work (Alt+arrows). */
function shownShortcuts(singleKeys: boolean): readonly Shortcut[] {
  if (singleKeys) return SHORTCUTS;
  return SHORTCUTS.map((s) => ({ ...s, keys: s.keys.filter((k) => k.includes('+')) })).filter((s) => s.keys.length > 0);
}

/** A button, not a `#main` link: in a hash-routed app that href would be read as a route. */
function skipToMain(): void {
  document.getElementById('main')?.focus();
}
