/**
 * The studio's keys: Space starts or pauses, S takes one step, R resets. They are ignored while
 * typing in a field, and Space is left to a focused button or link (which Space activates
 * natively), so one press never acts twice. All three are single keys, so they are off while the
 * user has turned single-key shortcuts off in the settings (WCAG 2.1.4).
 */
import { useEffect } from 'react';
import { useSettings } from '../stores/settings';
import { resetModel, step, togglePlay } from './actions';

function ignored(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return key === ' ' && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName);
}

export function useRunShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (!useSettings.getState().shortcuts) return;
      if (ignored(event.target, event.key)) return;
      const key = event.key.toLowerCase();
      const action = key === ' ' ? togglePlay : key === 's' ? step : key === 'r' ? resetModel : null;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
