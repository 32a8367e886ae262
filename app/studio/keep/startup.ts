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
 */
import { useStudio } from '../../stores/studio';
import { errorText } from '../controller';
import { enableAutosave, saveSetupNow } from './autosave';
import { studioDeps } from './deps';
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
  const session = await readSession();
  if (query !== null) {
    const shared = decodeShare(query);
    // The link has done its job: a reload now restores the session (with its training), not the link.
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${window.location.search}#/studio`,
    );
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

/** A share link opened while the studio is already open (pasted into the address bar). */
export async function onHashChange(): Promise<void> {
  // The start-up plan reads (and clears) a link the page was opened with: let it go first.
  await keepStartup();
  const query = studioQuery(window.location.hash);
  if (query === null) return;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}#/studio`);
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
