/**
 * Keep and share, the notice and its actions: what KeepNotice.tsx shows (a restored session, a
 * share link applied, a problem), "Start fresh" and its "Undo". What the last restore put back is
 * remembered here (the restore hands it over through rememberRestored()), so Undo can bring the
 * same set-up and model back after Start fresh.
 */
import { PRESETS } from '../../../engine/spec';
import { DEFAULT_HYPER, patchHyper, setDraft, useStudio } from '../../stores/studio';
import { errorText } from '../controller';
import { withInputShape } from '../specEdit';
import type { SessionSetup } from './autosave';
import { studioDeps } from './deps';
import { type Install, install } from './install';
import { type KeepNotice, patchKeep } from './keepStore';
import { forgetKept } from './keptState';

/** What the last restore put back, for "Undo" after "Start fresh". */
let restored: { install: Install | null; setup: SessionSetup | null } | null = null;

/** The start-up plan restored a session: remember what it put back, for Undo. */
export function rememberRestored(install: Install | null, setup: SessionSetup | null): void {
  restored = { install, setup };
}

export function setNotice(notice: KeepNotice | null): void {
  patchKeep({ notice });
}

export function dismissNotice(): void {
  setNotice(null);
}

/** Drops what the last session restored: the default model and hyperparameters, freshly built. */
export function startFresh(): void {
  const shape = useStudio.getState().dataset.info?.shape;
  const key = shape?.[0] === 3 ? 'convnetjs-cifar10' : 'lecture-mnist';
  const spec = PRESETS[key]!.spec;
  setDraft(shape ? withInputShape(spec, shape) : spec, key);
  patchHyper(DEFAULT_HYPER, false);
  forgetKept();
  studioDeps().resetModel();
  setNotice({
    kind: 'fresh',
    text: 'Started fresh with the default model and hyperparameters.',
    details: restored?.install ? ['Undo brings the restored model back with its weights.'] : [],
  });
}

export function canUndoFresh(): boolean {
  return restored !== null;
}

/** Puts back what the last restore brought (after "Start fresh"). */
export async function undoStartFresh(): Promise<void> {
  const r = restored;
  if (!r) return;
  if (r.setup) {
    setDraft(r.setup.draft, r.setup.presetKey);
    patchHyper(r.setup.hyper as typeof DEFAULT_HYPER, false);
  }
  if (r.install) {
    try {
      await install(r.install);
      setNotice({ kind: 'restored', text: 'Your restored session is back.', details: [] });
    } catch (error) {
      setNotice({
        kind: 'problem',
        text: `The restored model could not be put back: ${errorText(error)}`,
        details: [],
      });
    }
  } else {
    studioDeps().resetModel();
    setNotice({ kind: 'restored', text: 'Your restored set-up is back.', details: [] });
  }
}
