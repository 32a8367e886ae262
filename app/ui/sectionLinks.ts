/**
 * Links to a lesson's sections: `#/lesson/<id>/<section-id>`, keeping the widget state the
 * address already holds (urlState.ts). A click scrolls to the heading (the html element's
 * scroll-padding keeps it clear of the sticky header), moves focus there for keyboard and
 * screen-reader users, and records the section in the address with replaceState, so the bar
 * always holds a link to what is on screen without adding history entries.
 */
import { createContext, type MouseEvent } from 'react';

/** The id of the lesson being shown; LessonPage provides it, Section reads it. */
export const LessonIdContext = createContext<string | null>(null);

/** The query the address holds now, with its '?', or ''. */
function currentQuery(): string {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  return at < 0 ? '' : hash.slice(at);
}

/** The href of a section of a lesson (no query: the click handler adds the live one). */
export function sectionHref(lesson: string, section: string): string {
  return `#/lesson/${lesson}/${section}`;
}

/** Scrolls to a section's heading and focuses it; false when the heading is not on the page. */
export function scrollToSection(section: string, smooth: boolean): boolean {
  const heading = document.getElementById(section);
  if (!heading) return false;
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  heading.scrollIntoView({ behavior: smooth && !still ? 'smooth' : 'auto', block: 'start' });
  heading.focus({ preventScroll: true });
  return true;
}

/** A click on a section link: jump there and put the section (and the widget state) in the address. */
export function onSectionLinkClick(event: MouseEvent, lesson: string, section: string): void {
  // Let the browser handle a new tab or window (the href alone opens the section there).
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (!scrollToSection(section, true)) return;
  event.preventDefault();
  const url = `${window.location.pathname}${window.location.search}${sectionHref(lesson, section)}${currentQuery()}`;
  window.history.replaceState(window.history.state, '', url);
}
