/**
 * Keep and share, what the studio holds: whether the built model's weights came from a file or
 * the last session (with that training summary), whether it was trained in this page, and whether
 * its weights are also in the Saved list. These flags decide whether there is work to keep, so the
 * autosave, the Saved tab and a share link all ask here. This module alone holds them; the others
 * read and change them only through the small functions below.
 */
import type { ModelSummary } from '../../../engine/spec';
import { useStudio } from '../../stores/studio';
import type { TrainingSummary } from './modelFile';

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

/** Whether the current weights are also in the Saved list. */
export function inSavedList(): boolean {
  return savedCopy;
}

/** The kept weights' training summary while the built model still holds them, else null. */
export function keptTraining(): TrainingSummary | null {
  return holdsKeptWeights() ? kept!.training : null;
}

/** A kept model was installed: `built` holds its weights, also in Saved when `saved`. */
export function noteInstalled(built: ModelSummary, training: TrainingSummary, saved: boolean): void {
  kept = { built, training };
  savedCopy = saved;
}

/** "Start fresh": the kept weights are let go (the fresh build replaces them). */
export function forgetKept(): void {
  kept = null;
}

/** The worker built a model: not trained here yet, and not in Saved. */
export function noteBuilt(): void {
  trainedHere = false;
  savedCopy = false;
}

/** The model trained (a step, an epoch, a run): its weights now differ from any copy in Saved. */
export function noteTrained(): void {
  trainedHere = true;
  savedCopy = false;
}

/** The current weights were just put in, or loaded from, the Saved list. */
export function noteSavedCopy(): void {
  savedCopy = true;
}
