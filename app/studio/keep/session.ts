/**
 * Keep and share, the wiring: which model the studio holds (keptState.ts), the current model as
 * a file (snapshot.ts), the autosave (autosave.ts), installing a kept model (install.ts), the
 * last session (restore.ts), share links (sharedLink.ts), the start-up plan (startup.ts) and the
 * notice (notice.ts) each live in their own module, importing one way down that list.
 * This one connects them to the page: the worker and store listeners once per page, the start-up
 * plan on the first mount, and a share link on every later mount or hash change.
 */
import { useStudio } from '../../stores/studio';
import { studioClient } from '../controller';
import { followAddress } from './address';
import { flushAll, onSetupChange, onVisibility, onWorkerMessage } from './autosave';
import { type KeepDeps, setKeepDeps } from './deps';
import { keepStartup, onHashChange, startupBegun } from './startup';

let listening = false;

/**
 * Called by openStudio on every mount of the studio: wires the autosave (once per page) and the
 * start-up plan, and returns what to undo when the studio unmounts.
 */
export function startSession(next: KeepDeps): () => void {
  setKeepDeps(next);
  if (!listening) {
    listening = true;
    studioClient().subscribe(onWorkerMessage);
    useStudio.subscribe(onSetupChange);
    window.addEventListener('pagehide', flushAll);
    document.addEventListener('visibilitychange', onVisibility);
  }
  // The first mount plans the start-up; a later one (coming back from a lesson) may come with a link.
  if (!startupBegun()) void keepStartup();
  else void onHashChange();
  const hashListener = (): void => void onHashChange();
  window.addEventListener('hashchange', hashListener);
  // The address follows the set-up once the plan (or the link above, read first) has applied.
  let mounted = true;
  let stopAddress = (): void => {};
  void keepStartup().then(() => {
    if (mounted) stopAddress = followAddress();
  });
  return () => {
    mounted = false;
    stopAddress();
    window.removeEventListener('hashchange', hashListener);
    // Leaving the studio: write what is waiting (the worker and its model stay for the page's lifetime).
    flushAll();
  };
}
