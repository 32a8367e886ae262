/**
 * The training studio's session state: which backend the worker chose, the dataset, the model
 * being edited (draft) and the one built in the worker, hyperparameters, the run's status and its
 * history, and the latest live snapshots. The worker is the source of truth for everything that
 * trains; this store only mirrors what the worker reported, so a view never waits on training.
 *
 * Actions are plain module functions calling setState (zustand's recommended pattern). High-rate
 * data (history points, snapshots) lives here too, but charts read it through `subscribe` and
 * draw imperatively instead of re-rendering React per point.
 */
import { create } from 'zustand';
import type { LoadProgress } from '../../engine/data/progress';
import type { ModelSpec, ModelSummary } from '../../engine/spec';
import { PRESETS } from '../../engine/spec';
import type { Metrics } from '../../engine/train/metrics';
import type { OptimizerKind } from '../../engine/train/optimizers';
import type { ScheduleKind } from '../../engine/train/schedules';
import type { Progress, TrainerStatus } from '../../engine/train/trainer';
import type { BackendChoice, BackendKind, DatasetInfo, WireTensor } from '../../engine/worker/protocol';
import { finishedRun, keepRun } from './studioRuns';

export interface BackendState {
  readonly kind: BackendKind;
  readonly adapter: string | null;
  /** CPU threads that train a step. */
  readonly threads: number;
  readonly reason: string;
}

export type DatasetChoice = 'embedded-mnist' | 'mnist' | 'cifar10' | 'files';

export interface DatasetState {
  readonly choice: DatasetChoice;
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly info: DatasetInfo | null;
  readonly progress: LoadProgress | null;
  readonly error: string | null;
  /** Images held out of the training pool for validation (a whole number). */
  readonly validation: number;
}

/** He (Kaiming) normal for ReLU nets, Xavier (Glorot) uniform, or small normal noise (σ = 0.01). */
export type StudioInit = 'he' | 'xavier' | 'normal';

/** The hyperparameters as the form edits them; hyper.ts turns them into TrainerConfig fields. */
export interface StudioHyper {
  readonly optimizer: OptimizerKind;
  readonly learningRate: number;
  readonly schedule: ScheduleKind;
  readonly batchSize: number;
  readonly epochs: number;
  readonly l2: number;
  readonly seed: number;
  /** Weight initialisation; applies when the model is (re)built. */
  readonly init: StudioInit;
  readonly flip: boolean;
  readonly crop: boolean;
  readonly jitter: boolean;
}

export interface ChartPoint {
  readonly x: number;
  readonly y: number;
}

export interface History {
  readonly trainLoss: readonly ChartPoint[];
  readonly trainAccuracy: readonly ChartPoint[];
  readonly validationLoss: readonly ChartPoint[];
  readonly validationAccuracy: readonly ChartPoint[];
  /** The fixed validation subset, checked several times per epoch (absent in curves read from older files). */
  readonly subsetLoss?: readonly ChartPoint[];
  readonly subsetAccuracy?: readonly ChartPoint[];
}

/** The validation metrics the confusion matrix and per-class view show: the latest measured. */
export interface ValidationView {
  readonly metrics: Metrics;
  /** Epochs trained when measured, counting earlier runs over the same weights ("Train more"). */
  readonly epoch: number;
  /** True for a check of the fixed validation subset between epoch ends; false for a full pass. */
  readonly subset: boolean;
}

export interface EpochResult {
  readonly epoch: number;
  readonly train: Metrics;
  readonly validation: Metrics | null;
}

export interface LayerNorm {
  readonly layer: string;
  readonly weight: number;
  readonly gradient: number;
}

export interface Prediction {
  readonly probabilities: Float32Array;
  readonly activations: readonly WireTensor[];
}

/** 'idle' = a model is built and no trainer runs (a cancelled trainer reads as idle too). */
export type RunStatus = Exclude<TrainerStatus, 'cancelled'>;

export interface StudioState {
  readonly backend: BackendState | null;
  /** What the student asked for; `backend` is what the worker could give. */
  readonly engineChoice: BackendChoice;
  readonly workerError: string | null;
  readonly dataset: DatasetState;
  readonly presetKey: string | null;
  readonly draft: ModelSpec;
  readonly built: ModelSummary | null;
  readonly builtSpec: ModelSpec | null;
  readonly modelError: string | null;
  readonly hyper: StudioHyper;
  /** Hyperparameters changed since the trainer started (they apply from the next Reset). */
  readonly hyperPending: boolean;
  readonly status: RunStatus;
  readonly statusMessage: string | null;
  readonly progress: Progress | null;
  readonly history: History;
  /** Epochs trained by earlier runs over the same weights, so the curves' x axis keeps going. */
  readonly epochOffset: number;
  readonly lastEpoch: EpochResult | null;
  /** The latest validation measured in this session (null: see lastEpoch, e.g. from a loaded file). */
  readonly validationView: ValidationView | null;
  /** Counts models built: one build is one run for the compare-runs store. */
  readonly runId: number;
  readonly sample: number;
  readonly activationSource: 'sample' | 'drawing';
  readonly filters: WireTensor | null;
  /** The conv layer whose filters the filters view shows (its id); null = the first conv layer. */
  readonly filterLayer: string | null;
  readonly activations: readonly WireTensor[];
  readonly norms: readonly LayerNorm[];
  readonly drawing: Float32Array | null;
  readonly prediction: Prediction | null;
}

export const EMPTY_HISTORY: History = { trainLoss: [], trainAccuracy: [], validationLoss: [], validationAccuracy: [] };

export const DEFAULT_HYPER: StudioHyper = {
  optimizer: 'adam',
  learningRate: 0.001,
  schedule: 'constant',
  batchSize: 32,
  epochs: 2,
  l2: 0,
  seed: 1,
  init: 'he',
  flip: false,
  crop: false,
  jitter: false,
};

const initial: StudioState = {
  backend: null,
  engineChoice: 'auto',
  workerError: null,
  dataset: { choice: 'embedded-mnist', status: 'idle', info: null, progress: null, error: null, validation: 1000 },
  presetKey: 'lecture-mnist',
  draft: PRESETS['lecture-mnist']!.spec,
  built: null,
  builtSpec: null,
  modelError: null,
  hyper: DEFAULT_HYPER,
  hyperPending: false,
  status: 'idle',
  statusMessage: null,
  progress: null,
  history: EMPTY_HISTORY,
  epochOffset: 0,
  lastEpoch: null,
  validationView: null,
  runId: 0,
  sample: 0,
  activationSource: 'sample',
  filters: null,
  filterLayer: null,
  activations: [],
  norms: [],
  drawing: null,
  prediction: null,
};

export const useStudio = create<StudioState>()(() => initial);

const set = (patch: Partial<StudioState>): void => useStudio.setState(patch);

export function setBackend(backend: BackendState): void {
  set({ backend, workerError: null });
}

export function setWorkerError(message: string | null): void {
  set({ workerError: message });
}

export function patchDataset(patch: Partial<DatasetState>): void {
  set({ dataset: { ...useStudio.getState().dataset, ...patch } });
}

/** Replaces the draft; `presetKey` stays only when the draft is a preset's spec unchanged. */
export function setDraft(draft: ModelSpec, presetKey: string | null = null): void {
  set({ draft, presetKey });
}

export function setBuilt(summary: ModelSummary, spec: ModelSpec): void {
  set({
    built: summary,
    builtSpec: spec,
    modelError: null,
    status: 'idle',
    statusMessage: null,
    progress: null,
    history: EMPTY_HISTORY,
    lastEpoch: null,
    validationView: null,
    runId: useStudio.getState().runId + 1,
    filters: null,
    activations: [],
    norms: [],
    hyperPending: false,
  });
}

export function setModelError(message: string | null): void {
  set({ modelError: message });
}

export function patchHyper(patch: Partial<StudioHyper>, pending: boolean): void {
  set({ hyper: { ...useStudio.getState().hyper, ...patch }, hyperPending: pending });
}

export function setStatus(status: TrainerStatus, message: string | null): void {
  set({ status: status === 'cancelled' ? 'idle' : status, statusMessage: message });
  // A finished run (or one finished again after "Train more") is kept for comparison.
  const run = status === 'done' || status === 'diverged' ? finishedRun(useStudio.getState(), status) : null;
  if (run) keepRun(run);
}

export function addProgress(progress: Progress): void {
  const { history: h, epochOffset } = useStudio.getState();
  const x = epochOffset + progress.epoch;
  const v = progress.validation;
  set({
    progress,
    history: {
      ...h,
      trainLoss: [...h.trainLoss, { x, y: progress.loss }],
      trainAccuracy: [...h.trainAccuracy, { x, y: progress.accuracy }],
      ...(v
        ? {
            subsetLoss: [...(h.subsetLoss ?? []), { x, y: v.loss }],
            subsetAccuracy: [...(h.subsetAccuracy ?? []), { x, y: v.accuracy }],
          }
        : {}),
    },
    ...(v ? { validationView: { metrics: v, epoch: x, subset: true } } : {}),
  });
}

export function addEpoch(result: EpochResult): void {
  const { history: h, epochOffset } = useStudio.getState();
  const v = result.validation;
  const x = epochOffset + result.epoch;
  set({
    lastEpoch: result,
    ...(v ? { validationView: { metrics: v, epoch: x, subset: false } } : {}),
    history: v
      ? {
          ...h,
          validationLoss: [...h.validationLoss, { x, y: v.loss }],
          validationAccuracy: [...h.validationAccuracy, { x, y: v.accuracy }],
        }
      : h,
  });
}

export function chooseSample(sample: number): void {
  set({ sample, activationSource: 'sample' });
}

export function setActivationSource(activationSource: 'sample' | 'drawing'): void {
  set({ activationSource });
}

export function setLive(
  filters: WireTensor | null,
  activations: readonly WireTensor[],
  norms: readonly LayerNorm[],
): void {
  set({ filters, activations, norms });
}

/** Picks the conv layer the filters view shows; the next live round fetches its weights. */
export function setFilterLayer(filterLayer: string | null): void {
  set({ filterLayer });
}

export function setDrawing(drawing: Float32Array | null): void {
  set(drawing ? { drawing, activationSource: 'drawing' } : { drawing, prediction: null, activationSource: 'sample' });
}

export function setPrediction(prediction: Prediction | null): void {
  set({ prediction });
}
