/**
 * Keep and share, as the studio's actions use it: start it with the studio, ask it for the
 * start-up dataset, let it install a waiting kept model, and tell it about single steps.
 */
import { mountKeepNotice } from './KeepNotice';
import { type KeepDeps, startSession } from './session';

export { holdsKeptWeights, keepStartup, noteStep, takePendingModel } from './session';

/** Autosave, session restore, share links and the notice; returns the studio unmount's cleanup. */
export function startKeep(deps: KeepDeps): () => void {
  const stopSession = startSession(deps);
  const stopNotice = mountKeepNotice();
  return () => {
    stopSession();
    stopNotice();
  };
}
