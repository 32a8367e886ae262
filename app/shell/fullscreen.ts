/**
 * Full screen for projecting: the F key and the header button toggle it. Browsers allow it only
 * from a key press or click, and may refuse (an embedded frame, a kiosk policy); a refusal leaves
 * the page as it was, which is all a presenter needs, so it is not an error.
 */
import { useSyncExternalStore } from 'react';

export function toggleFullscreen(): void {
  if (document.fullscreenElement) {
    void document.exitFullscreen().catch(() => undefined);
    return;
  }
  if (!document.fullscreenEnabled) return;
  void document.documentElement.requestFullscreen().catch(() => undefined);
}

function subscribe(onChange: () => void): () => void {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

export function useFullscreen(): boolean {
  return useSyncExternalStore(subscribe, () => document.fullscreenElement !== null);
}
