/**
 * Global keyboard shortcuts, in one table so the help text and the handler cannot drift apart.
 * Shortcuts are ignored while the user is typing in a field, so `[` or `p` typed into an answer box
 * stays a character. Single-key shortcuts can be turned off in the settings (WCAG 2.1.4); the
 * Alt+arrow chords need a modifier, so they stay on.
 */
import { useEffect } from 'react';
import { useSettings } from '../stores/settings';

export interface Shortcut {
  /** Alternative keys, each shown as its own <kbd>. */
  readonly keys: readonly string[];
  readonly description: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['[', 'Alt+←'], description: 'previous lesson' },
  { keys: [']', 'Alt+→'], description: 'next lesson' },
  { keys: ['P'], description: 'presenter mode on/off' },
  { keys: ['F'], description: 'full screen on/off' },
];

export type ShortcutAction = 'prev' | 'next' | 'presenter' | 'fullscreen';

/** The action for a key press; single keys count only when `singleKeys` is true. */
export function actionFor(event: KeyboardEvent, singleKeys = true): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey) return null;
  if (event.altKey) {
    if (event.key === 'ArrowLeft') return 'prev';
    if (event.key === 'ArrowRight') return 'next';
    return null;
  }
  if (!singleKeys) return null;
  if (event.key === '[') return 'prev';
  if (event.key === ']') return 'next';
  if (event.key === 'p' || event.key === 'P') return 'presenter';
  if (event.key === 'f' || event.key === 'F') return 'fullscreen';
  return null;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Calls `handler` for each global shortcut pressed outside a text field. */
export function useShortcuts(handler: (action: ShortcutAction) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      const action = actionFor(event, useSettings.getState().shortcuts);
      if (!action) return;
      event.preventDefault();
      handler(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handler]);
}
