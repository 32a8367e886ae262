/**
 * Keep and share, applying a share link to the studio: its architecture, hyperparameters and
 * validation split (decoded by share.ts, which leaves out what it cannot use), with a notice that
 * says in words what the link set up. Used by the start-up plan and by a link opened later
 * (startup.ts), which both keep the model the link replaces in Saved first.
 */
import { DEFAULT_HYPER, patchDataset, patchHyper, setDraft, useStudio } from '../../stores/studio';
import type { SessionModel } from './autosave';
import { inputOf } from './install';
import { decodeModelFile } from './modelFile';
import { setNotice } from './notice';
import type { SharedDataset, SharedSetup } from './share';
import { DATASET_LABELS, putInLibrary, specTitle } from './snapshot';

/**
 * A share link replaces the session's model: a trained one that is not in Saved yet is put there
 * first, so opening a link never loses work. Returns the name it was saved under.
 */
export async function keepSessionModel(model: SessionModel | undefined): Promise<string | null> {
  if (!model || model.saved) return null;
  try {
    const file = decodeModelFile(model.bytes);
    return await putInLibrary(file, `Previous session · ${specTitle(file.spec)}`);
  } catch {
    return null;
  }
}

/** Sets the studio up from a share link; returns the dataset to load. */
export function applyShared(shared: SharedSetup, keptAs: string | null): SharedDataset {
  const s = useStudio.getState();
  if (shared.spec) setDraft(shared.spec, shared.presetKey);
  patchHyper({ ...DEFAULT_HYPER, ...shared.hyper }, false);
  if (shared.validation !== null) patchDataset({ validation: shared.validation });
  const draft = useStudio.getState().draft;
  const dataset: SharedDataset = shared.dataset ?? (inputOf(draft) === '3,32,32' ? 'cifar10' : 'embedded-mnist');
  const h = useStudio.getState().hyper;
  const model = shared.spec
    ? specTitle(shared.spec, shared.presetKey)
    : `the current model, ${specTitle(s.draft, s.presetKey)},`;
  const optimiser = h.optimizer === 'sgd' ? 'SGD' : h.optimizer === 'adam' ? 'Adam' : 'Momentum';
  const details = [...shared.notices];
  if (keptAs) details.push(`Your previous session’s trained model is kept in Saved as “${keptAs}”.`);
  setNotice({
    kind: 'shared',
    text: `Set up from a shared link: ${model} on ${DATASET_LABELS[dataset]}, ${optimiser} at learning rate ${h.learningRate}, batch size ${h.batchSize}, ${h.epochs} epoch${h.epochs === 1 ? '' : 's'}.`,
    details,
  });
  return dataset;
}
