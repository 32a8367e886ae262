/**
 * Keep and share, the start-up plan and links opened later. How it meets the studio's start-up
 * sequence (actions.ts: backend -> dataset -> build):
 *   - openStudio calls startKeep, which starts reading the session at once;
 *   - onBackend waits for keepStartup() to say which dataset to load (the plan has set the
 *     draft, hyperparameters and validation split by then, so onDatasetLoaded finds a draft that fits);
 *   - onDatasetLoaded asks takePendingModel() first: when a kept model is waiting, it builds that
 *     one and imports its weights instead of resetModel's fresh build.
 * The plan applies a share link when the page was opened with one, else the last session; a link
 * pasted into the address bar later goes through onHashChange. The plan's promise lives here only.
 * The address bar holds the live set-up (address.ts); a reload with that address is the session.
 */
import { type StudioHyper, useStudio } from '../../stores/studio';
import { errorText } from '../controller';
import { liveQuery, setupQuery } from './address';
import { enableAutosave, type SessionSetup, saveSetupNow } from './autosave';
import { studioDeps } from './deps';
import { checkHyper } from './hyperTable';
import { hasUnsavedTraining } from './keptState';
import { setNotice } from './notice';
import { applySession, readSession } from './restore';
import { decodeShare, type SharedDataset, studioQuery } from './share';
import { applyShared, keepSessionModel } from './sharedLink';
import { putInLibrary, snapshotModel } from './snapshot';

let startup: Promise<SharedDataset> | null = null;

/** Whether the start-up plan has begun (the first mount of the page began it). */
export function startupBegun(): boolean {
  return startup !== null;
}

/** The dataset to load first; applies a share link or the last session on the first call of the page. */
export function keepStartup(): Promise<SharedDataset> {
  startup ??= planStartup().catch((error: unknown) => {
    setNotice({ kind: 'problem', text: `Your last session could not be restored: ${errorText(error)}`, details: [] });
    enableAutosave();
    return 'embedded-mnist' as const;
  });
  return startup;
}

async function planStartup(): Promise<SharedDataset> {
  const query = studioQuery(window.location.hash);
  // Nothing is applied yet: the store holds the studio's defaults, which a session that never
  // changed its set-up (and so never saved one) is using.
  const defaults = liveQuery();
  const session = await readSession();
  // The address follows the live set-up (address.ts), so a reload comes with the query this page
  // wrote: that is the session itself, restored with its trained model, not a link to apply.
  if (query !== null && !isSessionAddress(query, session.setup, defaults)) {
    const shared = decodeShare(query);
    const keptAs = await keepSessionModel(session.model);
    const choice = applyShared(shared, keptAs);
    enableAutosave();
    saveSetupNow();
    return choice;
  }
  const choice = applySession(session.setup, session.model);
  enableAutosave();
  return choice;
}

/**
 * Whether a studio query is the one address.ts writes for the saved set-up, or for the defaults
 * when none was saved (a reload, not a link).
 */
function isSessionAddress(query: string, setup: SessionSetup | undefined, defaults: string | null): boolean {
  if (!setup) return query === defaults;
  if (!checkHyper(setup.hyper).ok) return false;
  const { dataset, validation, presetKey, draft } = setup;
  return query === setupQuery({ dataset, validation, presetKey, draft, hyper: setup.hyper as StudioHyper });
}

/** A share link opened while the studio is already open (pasted into the address bar). */
export async function onHashChange(): Promise<void> {
  // The start-up plan reads a link the page was opened with: let it go first.
  await keepStartup();
  const query = studioQuery(window.location.hash);
  // No link, or the address this studio wrote itself (Back to it from a lesson): nothing to apply.
  if (query === null || query === liveQuery()) return;
  let keptAs: string | null = null;
  if (hasUnsavedTraining()) {
    try {
      const file = await snapshotModel();
      keptAs = await putInLibrary(file, `Before the shared link · ${file.name}`);
    } catch {
      // The notice below still applies the link; the model stays in the autosaved session until replaced.
    }
  }
  const before = useStudio.getState().dataset;
  const choice = applyShared(decodeShare(query), keptAs);
  if (
    before.status === 'ready' &&
    before.choice === choice &&
    before.validation === useStudio.getState().dataset.validation
  ) {
    studioDeps().resetModel();
  } else if (before.status !== 'loading') studioDeps().loadDataset(choice);
}
