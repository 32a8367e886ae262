/**
 * Keep and share, installing a kept model in the worker: rebuild it from its spec with its
 * hyperparameters, then import its weights. A model that needs another dataset waits here until
 * the start-up sequence has loaded one (onDatasetLoaded in actions.ts asks takePendingModel()
 * before it builds the draft), so nothing sends 'build' while that sequence is still running.
 * The waiting model is this module's own state; the restore hands it one through awaitDataset().
 */
import { type ModelSpec, PRESETS, summarize } from '../../../engine/spec';
import { EMPTY_HISTORY, patchHyper, setDraft, useStudio } from '../../stores/studio';
import { sendBuild, studioClient } from '../controller';
import { trainerConfig } from '../hyper';
import { markLiveDirty } from '../live';
import { saveModelNow } from './autosave';
import { studioDeps } from './deps';
import { noteInstalled } from './keptState';
import { type ModelFile, namedWeights } from './modelFile';
import { DATASET_LABELS, datasetFor, lastX, putInLibrary, specTitle } from './snapshot';

export interface Install {
  readonly file: ModelFile;
  /** The weights are also in the Saved list. */
  readonly saved: boolean;
  /** The draft and preset to show (a restored session's, which may differ from the built spec). */
  readonly draft: ModelSpec | null;
  readonly presetKey: string | null;
  /** The last session's model: if it cannot be installed, it goes to the Saved list. */
  readonly fromSession: boolean;
}

interface Pending extends Install {
  readonly settle: (error: Error | null) => void;
}

let pending: Pending | null = null;

function presetKeyOf(spec: ModelSpec): string | null {
  const json = JSON.stringify(spec);
  return Object.keys(PRESETS).find((k) => JSON.stringify(PRESETS[k]!.spec) === json) ?? null;
}

/** Rebuilds the model from the file's spec with its hyperparameters, then imports its weights. */
export async function install(job: Install): Promise<void> {
  const { file } = job;
  const info = useStudio.getState().dataset.info;
  if (!info || info.shape.join() !== file.dataset.shape.join()) {
    throw new Error(`This model reads ${file.dataset.shape.join('×')} images; load a dataset with that shape first.`);
  }
  patchHyper(file.hyper, false);
  const draftValid = job.draft !== null && summaryOk(job.draft) && inputOf(job.draft) === file.dataset.shape.join();
  if (draftValid) setDraft(job.draft!, job.presetKey);
  else setDraft(file.spec, presetKeyOf(file.spec));
  const client = studioClient();
  client.send({ type: 'stop' });
  client.send({ type: 'configure', config: trainerConfig(file.hyper, info.shape[2]) });
  sendBuild(file.spec, file.hyper.seed, file.hyper.init);
  // The worker answers 'model' (setBuilt clears the curves) before it answers this request.
  await client.importWeights(namedWeights(file.weights));
  const built = useStudio.getState().built;
  if (built === null) throw new Error('The model could not be built.');
  noteInstalled(built, file.training, job.saved);
  const history = file.history ?? EMPTY_HISTORY;
  useStudio.setState({
    history,
    lastEpoch: file.lastEpoch ?? null,
    // New curves continue where the kept ones end.
    epochOffset: Math.max(lastX(history), file.training.epochs),
  });
  markLiveDirty();
  saveModelNow();
}

const summaryOk = (spec: ModelSpec): boolean => {
  try {
    summarize(spec);
    return true;
  } catch {
    return false;
  }
};

/** The input shape a spec reads, joined ('1,28,28'), or '' when it starts with no input layer. */
export const inputOf = (spec: ModelSpec): string =>
  spec.layers[0]?.type === 'input' ? spec.layers[0].shape.join() : '';

/** The start-up plan: install `job` once the dataset it chose has loaded, then `settle`. */
export function awaitDataset(job: Install, settle: (error: Error | null) => void): void {
  pending = { ...job, settle };
}

/**
 * Loads a model file into the studio: at once when the loaded dataset fits it, else after loading
 * the dataset it was trained on (the start-up sequence's onDatasetLoaded installs it then).
 */
export function loadIntoStudio(file: ModelFile, saved: boolean): Promise<void> {
  const job: Install = { file, saved, draft: null, presetKey: null, fromSession: false };
  const s = useStudio.getState();
  if (s.dataset.status === 'ready' && s.dataset.info?.shape.join() === file.dataset.shape.join()) return install(job);
  const choice = datasetFor(file.dataset);
  if (choice === null) {
    return Promise.reject(
      new Error(
        `This model reads ${file.dataset.shape.join('×')} images (${file.dataset.name}); drop files of that shape in the Data tab first.`,
      ),
    );
  }
  if (s.dataset.status === 'loading') return Promise.reject(new Error('A dataset is loading: wait for it, then load.'));
  return new Promise<void>((resolve, reject) => {
    pending?.settle(new Error('Another model was loaded instead.'));
    pending = { ...job, settle: (error) => (error ? reject(error) : resolve()) };
    const stop = useStudio.subscribe((state) => {
      if (state.dataset.status === 'error' && pending) {
        stop();
        const p = pending;
        pending = null;
        p.settle(new Error(`The model needs ${DATASET_LABELS[choice]}, which could not be loaded: see the Data tab.`));
      } else if (state.dataset.status === 'ready' || !pending) stop();
    });
    studioDeps().loadDataset(choice);
  });
}

/**
 * Called by onDatasetLoaded (actions.ts) before it builds the draft: installs a waiting kept
 * model (restored session or loaded file) that fits the dataset, and says whether it did.
 */
export function takePendingModel(): boolean {
  const job = pending;
  if (!job) return false;
  pending = null;
  const shape = useStudio.getState().dataset.info?.shape.join();
  if (shape !== job.file.dataset.shape.join()) {
    const why = `it reads ${job.file.dataset.shape.join('×')} images, not ${shape?.replace(/,/g, '×')}`;
    if (!job.fromSession) {
      job.settle(new Error(`${why}.`));
      return false;
    }
    // The studio builds a fresh model for this dataset next: keep the session's trained one in Saved first.
    void putInLibrary(job.file, `Previous session · ${specTitle(job.file.spec)}`).then(
      (name) => job.settle(new Error(`${why}; it is kept in Saved as “${name}”.`)),
      () => job.settle(new Error(`${why}.`)),
    );
    return false;
  }
  install(job).then(
    () => job.settle(null),
    (error: unknown) => job.settle(error instanceof Error ? error : new Error(String(error))),
  );
  return true;
}
