/**
 * Keyboard access for a box that scrolls (WCAG 2.1.1, axe's scrollable-region-focusable): while
 * its content overflows it, the box takes tabindex=0 and, when given a label, role=group and that
 * name, so Tab can reach it and the arrow keys scroll it. A box that fits adds no tab stop.
 * Content changes that resize the box's children are followed with a ResizeObserver, and web fonts
 * that arrive after the first layout with the document's `loadingdone` event: a KaTeX formula widens
 * when its fonts load, but its block-level wrappers keep their size, so no observer would see it.
 */
import { type RefObject, useEffect, useRef } from 'react';

function scrolls(el: HTMLElement): boolean {
  const style = getComputedStyle(el);
  const can = (overflow: string): boolean => overflow === 'auto' || overflow === 'scroll';
  return (
    (can(style.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
    (can(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
  );
}

/** A ref for the scrolling box; `deps` are what changes its content (e.g. the TeX it shows). */
export function useScrollFocus<T extends HTMLElement>(
  label?: string,
  deps: readonly unknown[] = [],
): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = (): void => {
      if (scrolls(el)) {
        el.tabIndex = 0;
        if (label) {
          el.setAttribute('role', 'group');
          el.setAttribute('aria-label', label);
        }
      } else {
        el.removeAttribute('tabindex');
        if (label) {
          el.removeAttribute('role');
          el.removeAttribute('aria-label');
        }
      }
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    const fonts = typeof document === 'undefined' ? undefined : document.fonts;
    fonts?.addEventListener('loadingdone', update);
    return () => {
      observer.disconnect();
      fonts?.removeEventListener('loadingdone', update);
    };
  }, [label, ...deps]); // the caller's deps say when the content changed
  return ref;
}
