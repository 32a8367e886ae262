/**
 * Keep and share, the address bar: while the studio is open its URL holds the live set-up
 * (dataset, validation split, preset or draft, hyperparameters) in the share-link encoding
 * (share.ts), rewritten with history.replaceState a little after each change. So the address can
 * be copied at any moment, and opening it elsewhere goes through the ordinary share-link path.
 * replaceState fires no `hashchange`, so writing the address never re-applies it as a link;
 * startup.ts recognises a reload of an address written here and restores the session instead.
 */
import { summarize } from '../../../engine/spec';
import { useStudio } from '../../stores/studio';
import { encodeShare, type ShareInput } from './share';

/** The same delay as the autosave's set-up writer, so a reload finds the address and the session in step. */
export const ADDRESS_DELAY_MS = 500;

const STUDIO_HASH = /^#\/studio\/?(\?|$)/;

/** The share query of a set-up, or null when its draft does not build. */
export function setupQuery(input: ShareInput): string | null {
  try {
    summarize(input.draft);
    return encodeShare(input);
  } catch {
    return null;
  }
}

/** The share query of the studio's live set-up (null: the draft does not build). */
export function liveQuery(): string | null {
  const s = useStudio.getState();
  return setupQuery({
    dataset: s.dataset.choice,
    validation: s.dataset.validation,
    presetKey: s.presetKey,
    draft: s.draft,
    hyper: s.hyper,
  });
}

function writeAddress(): void {
  // The studio may have been left while the write waited: never touch another page's address.
  if (!STUDIO_HASH.test(window.location.hash)) return;
  const query = liveQuery();
  // A draft that does not build cannot be a link: the plain address reloads into the session as it is.
  const hash = query === null ? '#/studio' : `#/studio?${query}`;
  if (hash === window.location.hash) return;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
}

let timer: ReturnType<typeof setTimeout> | null = null;

/** Rewrites the address after ADDRESS_DELAY_MS (a change during the wait restarts it). */
export function writeAddressSoon(): void {
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    writeAddress();
  }, ADDRESS_DELAY_MS);
}

/** Starts following the set-up (the studio is mounted and its start-up plan done); returns the stop. */
export function followAddress(): () => void {
  const unsubscribe = useStudio.subscribe((s, previous) => {
    if (
      s.draft !== previous.draft ||
      s.presetKey !== previous.presetKey ||
      s.hyper !== previous.hyper ||
      s.dataset.choice !== previous.dataset.choice ||
      s.dataset.validation !== previous.dataset.validation
    ) {
      writeAddressSoon();
    }
  });
  // The header's "Training studio" link (a plain '#/studio') while the studio is open: fill it in again.
  const onHash = (): void => writeAddressSoon();
  window.addEventListener('hashchange', onHash);
  writeAddressSoon();
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHash);
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
