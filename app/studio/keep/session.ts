/**
 * Keep and share, the session side: which model the studio holds and whether it is trained,
 * installing a kept model in the worker (rebuild from its spec with its hyperparameters, then
 * import its weights), the start-up plan (a share link, else the last session from IndexedDB),
 * and the autosave that makes a reload lose nothing.
 *
 * How it meets the studio's start-up sequence (actions.ts: backend -> dataset -> build):
 *   - openStudio calls startKeep, which starts reading the session at once;
 *   - onBackend waits for keepStartup() to say which dataset to load (the plan has set the
 *     draft, hyperparameters and validation split by then, so onDatasetLoaded finds a draft that fits);
 *   - onDatasetLoaded asks takePendingModel() first: when a kept model is waiting, it builds that
 *     one and imports its weights instead of resetModel's fresh build.
 * Nothing here sends 'build' while the start-up sequence is still running.
 */
import { type ModelSpec, type ModelSummary, PRESETS, summarize } from '../../../engine/spec';
import type { FromWorker } from '../../../engine/worker/protocol';
import {
  type DatasetChoice,
  DEFAULT_HYPER,
  EMPTY_HISTORY,
  type History,
  patchDataset,
  patchHyper,
  setDraft,
  useStudio,
} from '../../stores/studio';
import { errorText, sendBuild, studioClient } from '../controller';
import { trainerConfig } from '../hyper';
import { markLiveDirty } from '../live';
import { withInputShape } from '../specEdit';
import * as db from './db';
import { checkHyper, HYPER_SETTINGS } from './hyperTable';
import { type AutosaveState, type KeepNotice, patchKeep, useKeep } from './keepStore';
import {
  decodeModelFile,
  defaultModelName,
  encodeModelFile,
  type KeptDataset,
  type ModelFile,
  namedWeights,
  paramCount,
  type TrainingSummary,
  tensorsFor,
} from './modelFile';
import { decodeShare, type SharedDataset, type SharedSetup, studioQuery } from './share';

export interface KeepDeps {
  readonly loadDataset: (choice: SharedDataset) => void;
  readonly resetModel: () => void;
}

let deps: KeepDeps = { loadDataset: () => undefined, resetModel: () => undefined };

// ---------------------------------------------------------------------------------------------
// What the studio holds

/** The built model whose weights came from a file or the last session, with its training summary. */
let kept: { readonly built: ModelSummary; readonly training: TrainingSummary } | null = null;
/** Trained in this page since it was built. */
let trainedHere = false;
/** The current weights are also in the Saved list (just saved there, or loaded from it). */
let savedCopy = false;

/** Whether the built model's weights came from a file or the restored session. */
export function holdsKeptWeights(): boolean {
  const built = useStudio.getState().built;
  return kept !== null && built !== null && kept.built === built;
}

/** Whether the built model holds weights worth keeping (trained here, or kept from before). */
export function modelTrained(): boolean {
  return useStudio.getState().built !== null && (trainedHere || holdsKeptWeights());
}

/** Trained weights that are not in the Saved list: replacing them would lose work. */
export function hasUnsavedTraining(): boolean {
  return modelTrained() && !savedCopy;
}

export function markSavedCopy(built: ModelSummary | null): void {
  if (built === null || useStudio.getState().built !== built) return;
  savedCopy = true;
  // The session record says whether its model is in Saved (a share link keeps an unsaved one there).
  modelWriter.schedule(AFTER_STOP);
}

export const DATASET_LABELS: Readonly<Record<DatasetChoice, string>> = {
  'embedded-mnist': 'the built-in MNIST subset',
  mnist: 'full MNIST',
  cifar10: 'CIFAR-10',
  files: 'dropped files',
};

/** As the Data tab names them. */
const DATASET_NAMES: Readonly<Record<SharedDataset, string>> = {
  'embedded-mnist': 'MNIST subset (built in)',
  mnist: 'Full MNIST',
  cifar10: 'CIFAR-10',
};

/** The built-in dataset a model reading `shape` can use (its own when it names one). */
export function datasetFor(dataset: Pick<KeptDataset, 'choice' | 'shape'>): SharedDataset | null {
  if (dataset.choice !== null && dataset.choice !== 'files') return dataset.choice;
  const shape = dataset.shape.join();
  return shape === '1,28,28' ? 'embedded-mnist' : shape === '3,32,32' ? 'cifar10' : null;
}

const lastX = (h: History): number =>
  Math.max(0, h.trainLoss[h.trainLoss.length - 1]?.x ?? 0, h.validationLoss[h.validationLoss.length - 1]?.x ?? 0);

function trainingSummary(): TrainingSummary {
  const s = useStudio.getState();
  const base = holdsKeptWeights() ? kept!.training : null;
  const v = s.lastEpoch?.validation;
  return {
    epochs: Math.round(Math.max(lastX(s.history), base?.epochs ?? 0) * 1000) / 1000,
    validationAccuracy: v ? v.accuracy : (base?.validationAccuracy ?? null),
    validationLoss: v ? v.loss : (base?.validationLoss ?? null),
  };
}

export function specTitle(spec: ModelSpec, presetKey: string | null = null): string {
  if (presetKey !== null && Object.hasOwn(PRESETS, presetKey)) return PRESETS[presetKey]!.title;
  return spec.name?.trim() || 'Custom model';
}

/** The current model as a model file (weights read from the worker). */
export async function snapshotModel(name?: string): Promise<ModelFile> {
  const s = useStudio.getState();
  const { built, builtSpec } = s;
  const info = s.dataset.info;
  if (!built || !builtSpec || !info) throw new Error('There is no model yet: wait until the dataset has loaded.');
  const weights = await studioClient().exportWeights();
  if (useStudio.getState().built !== built) throw new Error('The model was rebuilt meanwhile; try again.');
  const training = trainingSummary();
  const now = new Date();
  const after = useStudio.getState();
  return {
    name: name?.trim() || defaultModelName(specTitle(builtSpec), now, training.validationAccuracy),
    savedAt: now.toISOString(),
    spec: builtSpec,
    hyper: after.hyper,
    dataset: {
      choice: after.dataset.choice,
      name: after.dataset.choice === 'files' ? info.name : DATASET_NAMES[after.dataset.choice],
      shape: [...info.shape] as [number, number, number],
      classNames: [...info.classNames],
    },
    training,
    history: after.history,
    ...(after.lastEpoch ? { lastEpoch: after.lastEpoch } : {}),
    weights: tensorsFor(builtSpec, weights),
  };
}

export function metaFor(file: ModelFile, bytes: number): Omit<db.SavedModelMeta, 'id'> {
  return {
    name: file.name,
    savedAt: file.savedAt,
    specName: specTitle(file.spec),
    params: paramCount(file.spec),
    epochs: file.training.epochs,
    accuracy: file.training.validationAccuracy,
    datasetName: file.dataset.name,
    bytes,
  };
}

// ---------------------------------------------------------------------------------------------
// Installing a kept model in the worker

interface Install {
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
async function install(job: Install): Promise<void> {
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
  kept = { built, training: file.training };
  savedCopy = job.saved;
  const history = file.history ?? EMPTY_HISTORY;
  useStudio.setState({
    history,
    lastEpoch: file.lastEpoch ?? null,
    // New curves continue where the kept ones end.
    epochOffset: Math.max(lastX(history), file.training.epochs),
  });
  markLiveDirty();
  modelWriter.schedule(0);
}

const summaryOk = (spec: ModelSpec): boolean => {
  try {
    summarize(spec);
    return true;
  } catch {
    return false;
  }
};
const inputOf = (spec: ModelSpec): string => (spec.layers[0]?.type === 'input' ? spec.layers[0].shape.join() : '');

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
    deps.loadDataset(choice);
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

// ---------------------------------------------------------------------------------------------
// Autosave

/** A debounced, serialised writer: one write at a time; a request during a write runs after it. */
class Writer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private due = Number.POSITIVE_INFINITY;
  private busyWriting = false;
  private again = false;

  constructor(private readonly write: () => Promise<void>) {}

  get waiting(): boolean {
    return this.timer !== null;
  }

  get running(): boolean {
    return this.busyWriting;
  }

  /** Writes after `delay` ms, or sooner if a sooner write is already due. */
  schedule(delay: number): void {
    if (!autosaveOn || useKeep.getState().storageError !== null) return;
    const due = Date.now() + delay;
    if (this.timer !== null && this.due <= due) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.due = due;
    this.timer = setTimeout(() => void this.run(), delay);
    showAutosave();
  }

  flush(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    void this.run();
  }

  private async run(): Promise<void> {
    this.timer = null;
    this.due = Number.POSITIVE_INFINITY;
    if (this.busyWriting) {
      this.again = true;
      return;
    }
    this.busyWriting = true;
    showAutosave();
    try {
      await this.write();
      patchKeep({ autosavedAt: new Date().toISOString(), autosaveError: null });
    } catch (error) {
      patchKeep({ autosaveError: errorText(error) });
    } finally {
      this.busyWriting = false;
      if (this.again) {
        this.again = false;
        this.schedule(0);
      }
      showAutosave();
    }
  }
}

let autosaveOn = false;

function showAutosave(): void {
  const { autosaveError, storageError } = useKeep.getState();
  if (storageError !== null) {
    patchKeep({ autosave: 'off' });
    return;
  }
  const state: AutosaveState =
    setupWriter.running || modelWriter.running
      ? 'saving'
      : setupWriter.waiting || modelWriter.waiting
        ? 'pending'
        : autosaveError
          ? 'error'
          : autosaveOn
            ? 'saved'
            : 'starting';
  patchKeep({ autosave: state });
}

interface SessionSetup {
  readonly version: 1;
  readonly savedAt: string;
  readonly dataset: DatasetChoice;
  readonly validation: number;
  readonly presetKey: string | null;
  readonly draft: ModelSpec;
  readonly hyper: unknown;
}

interface SessionModel {
  readonly version: 1;
  readonly savedAt: string;
  /** The model as a .convlab file (decoded as strictly as an imported one). */
  readonly bytes: Uint8Array;
  readonly saved: boolean;
}

const setupWriter = new Writer(async () => {
  const s = useStudio.getState();
  const setup: SessionSetup = {
    version: 1,
    savedAt: new Date().toISOString(),
    dataset: s.dataset.choice,
    validation: s.dataset.validation,
    presetKey: s.presetKey,
    draft: s.draft,
    hyper: s.hyper,
  };
  await db.putSession('setup', setup);
});

const modelWriter = new Writer(async () => {
  if (!modelTrained()) {
    await db.deleteSession('model');
    return;
  }
  const built = useStudio.getState().built;
  let file: ModelFile;
  try {
    file = await snapshotModel('Last session');
  } catch (error) {
    // Rebuilt while the weights were on their way: the new model's 'model' message saves it.
    if (useStudio.getState().built !== built) return;
    throw error;
  }
  const record: SessionModel = {
    version: 1,
    savedAt: file.savedAt,
    bytes: encodeModelFile(file),
    saved: savedCopy,
  };
  await db.putSession('model', record);
});

/** Delays (ms) after which training activity is saved: soon after a pause, an epoch or a step. */
const AFTER_STOP = 400;
const AFTER_STEP = 800;
/** While training runs, at most this often. */
const WHILE_RUNNING = 15_000;

function onWorkerMessage(message: FromWorker): void {
  if (message.type === 'model') {
    trainedHere = false;
    savedCopy = false;
    modelWriter.schedule(AFTER_STOP);
    return;
  }
  if (message.type !== 'trainer') return;
  const event = message.event;
  if (event.type === 'status' && (event.status === 'cancelled' || event.status === 'idle')) return;
  trainedHere = true;
  savedCopy = false;
  // Stepping by hand brings a progress event every 10 steps: save soon; a running trainer, every 15 s.
  if (event.type === 'progress')
    modelWriter.schedule(useStudio.getState().status === 'running' ? WHILE_RUNNING : AFTER_STOP);
  else if (event.type === 'epoch' || event.status !== 'running') modelWriter.schedule(AFTER_STOP);
}

/** actions.step(): a single step sends no event until every 10th; save the session after it. */
export function noteStep(): void {
  trainedHere = true;
  savedCopy = false;
  modelWriter.schedule(AFTER_STEP);
}

function onSetupChange(
  state: ReturnType<typeof useStudio.getState>,
  previous: ReturnType<typeof useStudio.getState>,
): void {
  if (
    state.draft !== previous.draft ||
    state.presetKey !== previous.presetKey ||
    state.hyper !== previous.hyper ||
    state.dataset.choice !== previous.dataset.choice ||
    state.dataset.validation !== previous.dataset.validation
  ) {
    setupWriter.schedule(500);
  }
}

/** The page is going away (reload, tab closed, navigated off): write what is waiting now. */
function flushAll(): void {
  setupWriter.flush();
  modelWriter.flush();
}

const onVisibility = (): void => {
  if (document.visibilityState === 'hidden') flushAll();
};

// ---------------------------------------------------------------------------------------------
// Start-up: a share link, else the last session

let startup: Promise<SharedDataset> | null = null;
/** What the last restore put back, for "Undo" after "Start fresh". */
let restored: { install: Install | null; setup: SessionSetup | null } | null = null;

/** The dataset to load first; applies a share link or the last session on the first call of the page. */
export function keepStartup(): Promise<SharedDataset> {
  startup ??= planStartup().catch((error: unknown) => {
    setNotice({ kind: 'problem', text: `Your last session could not be restored: ${errorText(error)}`, details: [] });
    enableAutosave();
    return 'embedded-mnist' as const;
  });
  return startup;
}

/** Reads the session; never takes more than a few seconds (a blocked database must not stall the studio). */
async function readSession(): Promise<{ setup: SessionSetup | undefined; model: SessionModel | undefined }> {
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
    setupWriter.schedule(0);
    return choice;
  }
  const choice = applySession(session.setup, session.model);
  enableAutosave();
  return choice;
}

function enableAutosave(): void {
  if (autosaveOn) return;
  autosaveOn = true;
  showAutosave();
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

function applySession(rawSetup: SessionSetup | undefined, model: SessionModel | undefined): SharedDataset {
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
    restored = { install: job, setup };
    const when = new Date(model!.savedAt);
    pending = {
      ...job,
      settle: (error) => {
        if (error) {
          setNotice({
            kind: 'problem',
            text: `Your last session’s trained model could not be restored: ${error.message}`,
            details: problems,
          });
          return;
        }
        setNotice({ kind: 'restored', text: restoredText(file!, when), details: problems });
      },
    };
  } else if (setup && !isDefaultSetup(setup)) {
    restored = { install: null, setup };
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

/**
 * A share link replaces the session's model: a trained one that is not in Saved yet is put there
 * first, so opening a link never loses work. Returns the name it was saved under.
 */
async function keepSessionModel(model: SessionModel | undefined): Promise<string | null> {
  if (!model || model.saved) return null;
  try {
    const file = decodeModelFile(model.bytes);
    return await putInLibrary(file, `Previous session · ${specTitle(file.spec)}`);
  } catch {
    return null;
  }
}

/** Adds a model to the Saved list under `name`; returns the name. */
export async function putInLibrary(file: ModelFile, name: string): Promise<string> {
  const renamed = { ...file, name };
  const bytes = encodeModelFile(renamed);
  await db.putModel(metaFor(renamed, bytes.length), bytes);
  return name;
}

/** Sets the studio up from a share link; returns the dataset to load. */
function applyShared(shared: SharedSetup, keptAs: string | null): SharedDataset {
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

/** A share link opened while the studio is already open (pasted into the address bar). */
async function onHashChange(): Promise<void> {
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
    deps.resetModel();
  } else if (before.status !== 'loading') deps.loadDataset(choice);
}

// ---------------------------------------------------------------------------------------------
// The notice and its actions

function setNotice(notice: KeepNotice | null): void {
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
  kept = null;
  deps.resetModel();
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
    deps.resetModel();
    setNotice({ kind: 'restored', text: 'Your restored set-up is back.', details: [] });
  }
}

// ---------------------------------------------------------------------------------------------

let listening = false;

/**
 * Called by openStudio on every mount of the studio: wires the autosave (once per page) and the
 * start-up plan, and returns what to undo when the studio unmounts.
 */
export function startSession(next: KeepDeps): () => void {
  deps = next;
  if (!listening) {
    listening = true;
    studioClient().subscribe(onWorkerMessage);
    useStudio.subscribe(onSetupChange);
    window.addEventListener('pagehide', flushAll);
    document.addEventListener('visibilitychange', onVisibility);
  }
  // The first mount plans the start-up; a later one (coming back from a lesson) may come with a link.
  if (startup === null) void keepStartup();
  else void onHashChange();
  const hashListener = (): void => void onHashChange();
  window.addEventListener('hashchange', hashListener);
  return () => {
    window.removeEventListener('hashchange', hashListener);
    // Leaving the studio: write what is waiting (the worker and its model stay for the page's lifetime).
    flushAll();
  };
}
