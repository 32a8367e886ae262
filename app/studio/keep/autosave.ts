/**
 * Keep and share, the autosave that makes a reload lose nothing: the set-up (draft, preset,
 * hyperparameters, dataset) and the trained model go to IndexedDB's session store a little after
 * they change, through two debounced writers that never overlap a write. It listens to the worker
 * (builds, training events) and the studio store (set-up changes); session.ts wires those
 * listeners once per page. The autosave's own state (on, writers waiting or busy) lives here only.
 */
import type { ModelSpec, ModelSummary } from '../../../engine/spec';
import type { FromWorker } from '../../../engine/worker/protocol';
import { type DatasetChoice, useStudio } from '../../stores/studio';
import { errorText } from '../controller';
import * as db from './db';
import { type AutosaveState, patchKeep, useKeep } from './keepStore';
import { inSavedList, modelTrained, noteBuilt, noteSavedCopy, noteTrained } from './keptState';
import { encodeModelFile, type ModelFile } from './modelFile';
import { snapshotModel } from './snapshot';

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

/** The start-up plan has applied its link or session: from now on, changes are saved. */
export function enableAutosave(): void {
  if (autosaveOn) return;
  autosaveOn = true;
  showAutosave();
}

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

export interface SessionSetup {
  readonly version: 1;
  readonly savedAt: string;
  readonly dataset: DatasetChoice;
  readonly validation: number;
  readonly presetKey: string | null;
  readonly draft: ModelSpec;
  readonly hyper: unknown;
}

export interface SessionModel {
  readonly version: 1;
  readonly savedAt: string;
  /** The model as a .convlab file (decoded as strictly as an imported one). */
  readonly bytes: Uint8Array;
  readonly saved: boolean;
  /** Where the run stood when the weights were saved, so a reload can resume it (absent: no run yet). */
  readonly run?: SessionRun;
}

/** The trainer's position when a session model was saved (see resume.ts). */
export interface SessionRun {
  /** Steps the run had taken by the last progress point before the weights were read. */
  readonly step: number;
  readonly totalSteps: number;
  readonly stepsPerEpoch: number;
  /** Epochs of earlier runs over the same weights (the curves' x axis starts there). */
  readonly epochOffset: number;
  /** Whether it was training (or paused mid-run) rather than finished. */
  readonly status: 'running' | 'paused' | 'done' | 'diverged' | 'idle';
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
  const before = useStudio.getState();
  const built = before.built;
  const run = runOf(before);
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
    saved: inSavedList(),
    ...(run ? { run } : {}),
  };
  await db.putSession('model', record);
});

/**
 * The run's position, read before the weights: the worker answers the export between two steps,
 * at or after this progress point, so a resumed run repeats at most one progress interval.
 */
function runOf(s: ReturnType<typeof useStudio.getState>): SessionRun | null {
  const p = s.progress;
  if (!p) return null;
  return {
    step: p.step,
    totalSteps: p.totalSteps,
    stepsPerEpoch: p.stepsPerEpoch,
    epochOffset: s.epochOffset,
    status: s.status,
  };
}

/** Delays (ms) after which training activity is saved: soon after a pause, an epoch or a step. */
const AFTER_STOP = 400;
const AFTER_STEP = 800;
/**
 * While training runs, the model is saved every this many ms of training time (the trainer's own
 * clock, which stops while paused or evaluating): a reload mid-run loses at most about this much.
 * On the lecture CNN the CPU engine's weights are 0.2 MB; a write takes a few ms.
 */
export const TRAINING_MS_BETWEEN_SAVES = 3000;
/** Training time of the run at the last save it asked for (a new trainer starts its clock at 0). */
let savedAtTrainingMs = 0;

export function onWorkerMessage(message: FromWorker): void {
  if (message.type === 'model') {
    noteBuilt();
    modelWriter.schedule(AFTER_STOP);
    return;
  }
  if (message.type !== 'trainer') return;
  const event = message.event;
  if (event.type === 'status' && (event.status === 'cancelled' || event.status === 'idle')) return;
  noteTrained();
  // Stepping by hand brings a progress event: save soon. A running trainer: every few seconds of training.
  if (event.type === 'progress') {
    if (useStudio.getState().status !== 'running') {
      modelWriter.schedule(AFTER_STOP);
      return;
    }
    const ms = event.progress.trainingMs;
    if (ms < savedAtTrainingMs) savedAtTrainingMs = 0;
    if (ms - savedAtTrainingMs >= TRAINING_MS_BETWEEN_SAVES) {
      savedAtTrainingMs = ms;
      // Debounced and serialised by the writer: a save still writing when the next is due runs after it.
      modelWriter.schedule(0);
    }
  } else if (event.type === 'epoch' || event.status !== 'running') modelWriter.schedule(AFTER_STOP);
}

/** actions.step(): a single step sends no event until every 10th; save the session after it. */
export function noteStep(): void {
  noteTrained();
  modelWriter.schedule(AFTER_STEP);
}

export function onSetupChange(
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
export function flushAll(): void {
  setupWriter.flush();
  modelWriter.flush();
}

export const onVisibility = (): void => {
  if (document.visibilityState === 'hidden') flushAll();
};

/** Saves the set-up now (a share link just replaced it). */
export function saveSetupNow(): void {
  setupWriter.schedule(0);
}

/** Saves the model now (a kept model was just installed). */
export function saveModelNow(): void {
  modelWriter.schedule(0);
}

/** The built model's weights were just put in, or loaded from, the Saved list. */
export function markSavedCopy(built: ModelSummary | null): void {
  if (built === null || useStudio.getState().built !== built) return;
  noteSavedCopy();
  // The session record says whether its model is in Saved (a share link keeps an unsaved one there).
  modelWriter.schedule(AFTER_STOP);
}
