/**
 * Lesson widget state in the address bar, so an instructor can link a prepared example:
 * `#/lesson/convolution/sliding-window?sw.s=2&sw.p=1`. `useUrlState(key, codec, fallback)` works
 * like useState, except that the first value comes from the lesson route's query and every change
 * is written back with history.replaceState (debounced): no new history entries, and no
 * `hashchange`, so the router never re-renders or re-scrolls because a slider moved.
 *
 * A link is untrusted input. The query is size-checked before it is split, each codec
 * (urlCodecs.ts) checks its text's length and shape before it converts or allocates anything,
 * and a value that does not decode falls back to the default with a short notice the widget
 * shows in place (UrlNotice.tsx). Nothing here throws.
 *
 * app/ui must not import the shell's router, so the lesson route is recognised here by its own
 * small pattern, the same one app/shell/router.ts accepts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** How a widget's value travels in the query. `decode` never throws: undefined means "not usable". */
export interface UrlCodec<T> {
  readonly encode: (value: T) => string;
  readonly decode: (text: string) => T | undefined;
  /** What a usable value looks like, in words, for the notice ("a whole number from 1 to 4"). */
  readonly expected: string;
}

/**
 * A link's query longer than this is not read at all. A prepared example needs a few hundred
 * characters; a big custom model in the layer calculator up to about 90,000 (as a studio link).
 */
export const MAX_LESSON_QUERY_CHARS = 100_000;
/** Writes wait this long after the last change, so dragging a slider writes once. */
export const URL_WRITE_DELAY_MS = 250;

const LESSON_HASH = /^#?\/lesson\/([a-z0-9-]+)([^?]*)(?:\?(.*))?$/s;

interface LessonHash {
  readonly lesson: string;
  /** Everything between the id and the query ('/section-id' or ''). */
  readonly rest: string;
  readonly params: URLSearchParams;
  /** The query was over the size limit and was not read. */
  readonly oversized: boolean;
}

function readLessonHash(hash: string): LessonHash | null {
  const m = LESSON_HASH.exec(hash);
  if (!m?.[1]) return null;
  const query = m[3] ?? '';
  const oversized = query.length > MAX_LESSON_QUERY_CHARS;
  let params = new URLSearchParams();
  if (!oversized) {
    try {
      params = new URLSearchParams(query);
    } catch {
      params = new URLSearchParams();
    }
  }
  return { lesson: m[1], rest: m[2] ?? '', params, oversized };
}

const shown = (text: string): string => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

interface Initial<T> {
  readonly value: T;
  readonly notice: string | null;
  /** The lesson this widget belongs to: it writes only while that lesson is the route. */
  readonly lesson: string | null;
}

function readInitial<T>(key: string, codec: UrlCodec<T>, fallback: T): Initial<T> {
  const here = typeof window === 'undefined' ? null : readLessonHash(window.location.hash);
  if (!here) return { value: fallback, notice: null, lesson: null };
  if (here.oversized) {
    return {
      value: fallback,
      notice: `The link’s settings are longer than ${MAX_LESSON_QUERY_CHARS.toLocaleString('en-US')} characters and were not read; the defaults are shown.`,
      lesson: here.lesson,
    };
  }
  const text = here.params.get(key);
  if (text === null) return { value: fallback, notice: null, lesson: here.lesson };
  const value = codec.decode(text);
  if (value === undefined) {
    return {
      value: fallback,
      notice: `Ignored ${key}=“${shown(text)}” from the link (it must be ${codec.expected}); the default is shown.`,
      lesson: here.lesson,
    };
  }
  return { value, notice: null, lesson: here.lesson };
}

/** Puts `key=text` (or removes `key` when text is null) into the address, if this lesson is still open. */
function writeKey(lesson: string, key: string, text: string | null): void {
  const here = readLessonHash(window.location.hash);
  if (!here || here.lesson !== lesson) return;
  // An oversized query was never read: it is replaced, not extended.
  const params = here.params;
  if (text === null) params.delete(key);
  else params.set(key, text);
  const query = params.toString();
  const hash = `#/lesson/${lesson}${here.rest}${query ? `?${query}` : ''}`;
  if (hash === window.location.hash) return;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
}

export type UrlState<T> = readonly [value: T, set: (next: T | ((previous: T) => T)) => void, notice: string | null];

/**
 * useState whose value lives in the lesson route's query under `key` (keep keys short and
 * prefixed per widget: 'sw.s'). The default is left out of the address, so an untouched lesson
 * keeps a clean URL. The notice is non-null when the link held an unusable value for this key.
 */
export function useUrlState<T>(key: string, codec: UrlCodec<T>, fallback: T): UrlState<T> {
  const [initial] = useState(() => readInitial(key, codec, fallback));
  const [value, setValue] = useState<T>(initial.value);
  const [notice, setNotice] = useState<string | null>(initial.notice);
  // The codec and default of the latest render, read when a write is due (they are usually constants).
  const latest = useRef({ codec, fallback });
  latest.current = { codec, fallback };
  const first = useRef(true);

  useEffect(() => {
    const lesson = initial.lesson;
    if (lesson === null) return;
    // The first render only echoes the link back; an unusable value is left for the notice to explain.
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      const { codec: c, fallback: f } = latest.current;
      const text = c.encode(value);
      writeKey(lesson, key, text === c.encode(f) ? null : text);
    }, URL_WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value, key, initial.lesson]);

  const set = useCallback((next: T | ((previous: T) => T)): void => {
    setNotice(null);
    setValue(next as T | ((previous: T) => T));
  }, []);

  return [value, set, notice];
}
