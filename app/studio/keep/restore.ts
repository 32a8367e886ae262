/**
 * Keep and share, restoring the last session: read the autosaved set-up and model from IndexedDB
 * (never waiting long on a blocked database), check them as strictly as an imported file, set the
 * studio up from them and queue the trained model to install once its dataset has loaded. The
 * notice says in words what came back, or why it could not.
 */
import { PRESETS, summarize } from '../../../engine/spec';
import { DEFAULT_HYPER, patchDataset, patchHyper, setDraft, useStudio } from '../../stores/studio';
import { errorText } from '../controller';
import type { SessionModel, SessionSetup } from './autosave';
import * as db from './db';
import { checkHyper, HYPER_SETTINGS } from './hyperTable';
import { awaitDataset, type Install, inputOf } from './install';
import { patchKeep } from './keepStore';
import { decodeModelFile, type ModelFile } from './modelFile';
import { rememberRestored, setNotice } from './notice';
import { offerResume } from './resume';
import type { SharedDataset } from './share';
import { datasetFor, specTitle } from './snapshot';

/** Reads the session; never takes more than a few seconds (a blocked database must not stall the studio). */
export async function readSession(): Promise<{ setup: SessionSetup | undefined; model: SessionModel | undefined }> {
  const read = Promise.all([db.getSession<SessionSetup>('setup'), db.getSession<SessionModel>('model')]);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('the browser storage did not answer')), 4000),
  );
  try {
    const [setup, model] = await Promise.race([read, timeout]);
    return { setup, model };
  } catch (error) {
    patchKeep({ storageError: `Saving in this browser is unavailable: ${errorText(error)}.` });
    return { setup: undefined, model: undefined };
  }
}

function validSetup(setup: SessionSetup | undefined): SessionSetup | null {
  if (setup?.version !== 1) return null;
  try {
    summarize(setup.draft);
  } catch {
    return null;
  }
  return checkHyper(setup.hyper).ok ? setup : null;
}

/** Sets the studio up from the last session; returns the dataset to load. */
export function applySession(rawSetup: SessionSetup | undefined, model: SessionModel | undefined): SharedDataset {
  const setup = validSetup(rawSetup);
  const problems: string[] = [];
  if (rawSetup && !setup) problems.push('The saved set-up was not readable; the defaults are used.');
  if (setup) {
    setDraft(setup.draft, setup.presetKey);
    patchHyper(setup.hyper as typeof DEFAULT_HYPER, false);
    patchDataset({ validation: setup.validation });
  }
  let file: ModelFile | null = null;
  if (model) {
    try {
      file = decodeModelFile(model.bytes);
    } catch (error) {
      problems.push(`Your last session’s trained model could not be restored: ${errorText(error)}`);
    }
  }
  let choice: SharedDataset =
    setup && setup.dataset !== 'files'
      ? setup.dataset
      : inputOf(useStudio.getState().draft) === '3,32,32'
        ? 'cifar10'
        : 'embedded-mnist';
  if (file) {
    const job: Install = {
      file,
      saved: model!.saved === true,
      fromSession: true,
      draft: setup?.draft ?? null,
      presetKey: setup?.presetKey ?? null,
    };
    const fitting = datasetFor(file.dataset);
    if (fitting && file.dataset.shape.join() !== shapeOf(choice)) choice = fitting;
    rememberRestored(job, setup);
    const when = new Date(model!.savedAt);
    awaitDataset(job, (error) => {
      if (error) {
        setNotice({
          kind: 'problem',
          text: `Your last session’s trained model could not be restored: ${error.message}`,
          details: problems,
        });
        return;
      }
      setNotice({ kind: 'restored', text: restoredText(file!, when), details: problems });
      // Saved in the middle of a run: offer to carry on from its step rather than from 0.
      offerResume(model!.run);
    });
  } else if (setup && !isDefaultSetup(setup)) {
    rememberRestored(null, setup);
    setNotice({
      kind: 'restored',
      text: `Restored your last session (the ${specTitle(setup.draft, setup.presetKey)} set-up and your hyperparameters, from ${timeText(new Date(setup.savedAt))}).`,
      details: problems,
    });
  } else if (problems.length > 0) {
    setNotice({ kind: 'problem', text: problems[0]!, details: problems.slice(1) });
  }
  return choice;
}

const shapeOf = (choice: SharedDataset): string => (choice === 'cifar10' ? '3,32,32' : '1,28,28');

function isDefaultSetup(setup: SessionSetup): boolean {
  const defaultDraft = PRESETS['lecture-mnist']!.spec;
  return (
    setup.dataset === 'embedded-mnist' &&
    JSON.stringify(setup.draft) === JSON.stringify(defaultDraft) &&
    HYPER_SETTINGS.every((s) => (setup.hyper as Record<string, unknown>)[s.key] === DEFAULT_HYPER[s.key])
  );
}

function timeText(when: Date): string {
  if (Number.isNaN(when.getTime())) return 'earlier';
  const sameDay = when.toDateString() === new Date().toDateString();
  const time = when.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return sameDay ? `today ${time}` : `${when.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} ${time}`;
}

function restoredText(file: ModelFile, when: Date): string {
  const t = file.training;
  const parts = [specTitle(file.spec), `${formatEpochs(t.epochs)} trained`];
  if (t.validationAccuracy !== null) parts.push(`${(t.validationAccuracy * 100).toFixed(1)}% validation accuracy`);
  parts.push(`from ${timeText(when)}`);
  return `Restored your last session (${parts.join(', ')}).`;
}

export function formatEpochs(epochs: number): string {
  if (epochs === 0) return 'a few steps';
  const n = epochs < 10 ? Number(epochs.toFixed(2)) : Math.round(epochs);
  return `${n} epoch${n === 1 ? '' : 's'}`;
}
