/**
 * What a student can do in the studio, as plain functions: load a dataset, pick or edit a model,
 * change hyperparameters, start / pause / step / reset. Each updates the store and sends the
 * matching protocol messages; the worker's answers come back through controller.ts.
 */
import { PRESETS } from '../../engine/spec';
import type { BackendChoice, DatasetSource } from '../../engine/worker/protocol';
import {
  type DatasetChoice,
  patchDataset,
  patchHyper,
  type StudioHyper,
  setDraft,
  setDrawing,
  useStudio,
} from '../stores/studio';
import { summaryResult } from '../ui/summaryResult';
import { sendBuild, setControllerHooks, studioClient } from './controller';
import { trainerConfig } from './hyper';
import { holdsKeptWeights, keepStartup, noteStep, startKeep, takePendingModel } from './keep';
import { markLiveDirty, startLivePolling } from './live';
import { withInputShape } from './specEdit';

/** Resolves a path under the app (e.g. 'data/…') against the page, since the worker's own URL differs. */
const appUrl = (path: string): string => new URL(path, document.baseURI).href;

function sourceFor(choice: Exclude<DatasetChoice, 'files'>): DatasetSource {
  switch (choice) {
    case 'embedded-mnist':
      return { kind: 'embedded-mnist', url: appUrl('data/mnist-embedded.bin.gz') };
    case 'mnist':
      return { kind: 'mnist-urls', base: appUrl('data/mnist/') };
    case 'cifar10':
      return { kind: 'cifar10-url', url: appUrl('data/cifar10/cifar-10-binary.tar.gz') };
  }
}

/** Connects the worker (once) and wires its answers to the next steps of the start-up sequence. */
export function openStudio(): () => void {
  setControllerHooks({
    // Order matters: data first (a backend may keep it on the GPU), then the model.
    onBackend: () => {
      if (useStudio.getState().dataset.status !== 'idle') return;
      // Keep and share: the first dataset comes from a share link or the restored session, read
      // from IndexedDB (keepStartup resolves once per page; at once after that).
      void keepStartup().then((choice) => {
        if (useStudio.getState().dataset.status === 'idle') loadDataset(choice);
      });
    },
    onDataset: onDatasetLoaded,
    onModel: markLiveDirty,
    onActivity: markLiveDirty,
  });
  studioClient();
  // Keep and share: autosave, session restore, share links (actions passed in: no import cycle).
  const stopKeep = startKeep({ loadDataset, resetModel });
  const stopLive = startLivePolling();
  return () => {
    stopLive();
    stopKeep();
  };
}

let lastSource: DatasetSource | null = null;

export function loadDataset(choice: Exclude<DatasetChoice, 'files'>): void {
  sendDataset(choice, sourceFor(choice));
}

export async function loadFiles(files: readonly File[]): Promise<void> {
  const read = await Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  sendDataset('files', { kind: 'files', files: read });
}

function sendDataset(choice: DatasetChoice, source: DatasetSource): void {
  // Dropped files are transferred to the worker; keep only re-fetchable sources for a re-split.
  lastSource = source.kind === 'files' ? null : source;
  patchDataset({ choice, status: 'loading', error: null, progress: null });
  const { validation } = useStudio.getState().dataset;
  studioClient().send({ type: 'load-dataset', source, validation, seed: useStudio.getState().hyper.seed });
}

/** A new validation size re-splits the dataset (re-downloading is cheap: the browser caches it). */
export function setValidation(validation: number): void {
  patchDataset({ validation });
  const { dataset } = useStudio.getState();
  if (lastSource && dataset.status === 'ready') sendDataset(dataset.choice, lastSource);
}

function onDatasetLoaded(): void {
  const { dataset, draft } = useStudio.getState();
  const shape = dataset.info?.shape;
  if (!shape) return;
  // A drawing or upload made for the other dataset's image size cannot be predicted any more.
  const drawing = useStudio.getState().drawing;
  if (drawing && drawing.length !== shape[0] * shape[1] * shape[2]) setDrawing(null);
  const input = draft.layers[0];
  const fits = input?.type === 'input' && input.shape.join() === shape.join();
  if (!fits) {
    // The draft was for another dataset: start from the dataset's classic small net.
    const key = shape[0] === 3 ? 'convnetjs-cifar10' : 'lecture-mnist';
    setDraft(withInputShape(PRESETS[key]!.spec, shape), key);
  }
  // Keep and share: a restored session or a loaded model file builds its own model and imports its weights.
  if (takePendingModel()) return;
  resetModel();
}

export function applyPreset(key: string): void {
  const preset = PRESETS[key];
  const shape = useStudio.getState().dataset.info?.shape;
  if (!preset) return;
  setDraft(shape ? withInputShape(preset.spec, shape) : preset.spec, key);
  resetModel();
}

/** A valid edit rebuilds at once while nothing has been trained; later, Reset applies it. */
export function editDraft(spec: Parameters<typeof setDraft>[0]): void {
  setDraft(spec, null);
  const { status, progress } = useStudio.getState();
  // Keep and share: weights restored or loaded from a file count as trained (holdsKeptWeights).
  if (status === 'idle' && progress === null && !holdsKeptWeights() && summaryResult(spec).ok) resetModel();
}

/** Stops training and rebuilds the model (from the draft if valid, else the last valid model). */
export function resetModel(): void {
  const { draft, builtSpec, hyper, dataset } = useStudio.getState();
  const spec = summaryResult(draft).ok ? draft : builtSpec;
  if (!spec || dataset.status !== 'ready') return;
  const client = studioClient();
  client.send({ type: 'stop' });
  client.send({ type: 'configure', config: trainerConfig(hyper, dataset.info?.shape[2] ?? 28) });
  useStudio.setState({ epochOffset: 0 });
  sendBuild(spec, hyper.seed, hyper.init);
}

export function updateHyper(patch: Partial<StudioHyper>): void {
  const { status, hyper, dataset } = useStudio.getState();
  const onlyLearningRate = Object.keys(patch).every((k) => k === 'learningRate');
  const next = { ...hyper, ...patch };
  // The learning rate applies to a running trainer at once; everything else from the next run.
  patchHyper(
    patch,
    useStudio.getState().hyperPending || ((status === 'running' || status === 'paused') && !onlyLearningRate),
  );
  studioClient().send({ type: 'configure', config: trainerConfig(next, dataset.info?.shape[2] ?? 28) });
}

/**
 * Asks the worker for another engine. The worker moves the model over with its weights; the
 * curves continue from where they were, and the next Start trains on the new engine.
 */
export function chooseEngine(choice: BackendChoice): void {
  const s = useStudio.getState();
  const last = s.history.trainLoss[s.history.trainLoss.length - 1];
  useStudio.setState({ engineChoice: choice, backend: null, epochOffset: last?.x ?? 0, progress: null });
  studioClient().send({ type: 'init', backend: choice });
}

export function canTrain(): boolean {
  const s = useStudio.getState();
  return s.dataset.status === 'ready' && s.built !== null;
}

/** After a finished run the worker starts a fresh trainer over the trained weights: continue the curves' x axis. */
function continueAfterFinish(): void {
  const s = useStudio.getState();
  if (s.status !== 'done' && s.status !== 'diverged') return;
  const last = s.history.trainLoss[s.history.trainLoss.length - 1];
  useStudio.setState({ epochOffset: last?.x ?? 0, progress: null });
}

export function start(): void {
  if (!canTrain()) return;
  continueAfterFinish();
  studioClient().send({ type: 'start' });
}

export function pause(): void {
  studioClient().send({ type: 'pause' });
}

export function togglePlay(): void {
  if (useStudio.getState().status === 'running') pause();
  else start();
}

export function step(): void {
  if (!canTrain()) return;
  continueAfterFinish(); // Step after "Done" goes on from there too, like "Train more".
  studioClient().send({ type: 'step' });
  noteStep(); // Keep and share: let the session autosave soon after a single step.
}
