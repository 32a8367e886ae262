/**
 * Opening a lesson at a section (`#/lesson/<id>/<section-id>`): the heading is in the lazily
 * loaded lesson body, so this waits for it to appear, scrolls to it and focuses it. Widgets above
 * it may still grow for a moment (fonts, canvases, KaTeX), so the jump is repeated when the
 * article resizes shortly afterwards, until the reader scrolls, clicks or types themselves.
 */
import { scrollToSection } from '../ui/sectionLinks';

/** How long after the jump a resize of the article still re-aims it (ms). */
const SETTLE_MS = 2500;
/** How long to wait for the lesson body to bring the heading (ms); a failed load stops earlier. */
const WAIT_MS = 30_000;

/** Starts the jump; returns a function that cancels whatever is still waiting. */
export function jumpToSectionWhenReady(root: HTMLElement, section: string): () => void {
  let stopped = false;
  const cleanups: (() => void)[] = [];
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    for (const c of cleanups) c();
  };

  const settle = (): void => {
    const userMoved = (): void => stop();
    const events = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;
    for (const e of events) window.addEventListener(e, userMoved, { passive: true, once: true });
    cleanups.push(() => {
      for (const e of events) window.removeEventListener(e, userMoved);
    });
    const resize = new ResizeObserver(() => scrollToSection(section, false));
    resize.observe(root);
    cleanups.push(() => resize.disconnect());
    const timer = setTimeout(stop, SETTLE_MS);
    cleanups.push(() => clearTimeout(timer));
  };

  if (scrollToSection(section, false)) {
    settle();
    return stop;
  }
  const watch = new MutationObserver(() => {
    if (!document.getElementById(section)) return;
    watch.disconnect();
    scrollToSection(section, false);
    settle();
  });
  watch.observe(root, { childList: true, subtree: true });
  cleanups.push(() => watch.disconnect());
  const timer = setTimeout(stop, WAIT_MS);
  cleanups.push(() => clearTimeout(timer));
  return stop;
}
