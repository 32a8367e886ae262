/**
 * Keep and share, as the studio's actions use it: start it with the studio, ask it for the
 * start-up dataset, let it install a waiting kept model, and tell it about single steps.
 */
import type { KeepDeps } from './deps';
import { mountKeepNotice } from './KeepNotice';
import { startSession } from './session';

export { noteStep } from './autosave';
export { takePendingModel } from './install';
export { holdsKeptWeights } from './keptState';
export { keepStartup } from './startup';

/** Autosave, session restore, share links and the notice; returns the studio unmount's cleanup. */
export function startKeep(deps: KeepDeps): () => void {
  const stopSession = startSession(deps);
  const stopNotice = mountKeepNotice();
  return () => {
    stopSession();
    stopNotice();
  };
}
