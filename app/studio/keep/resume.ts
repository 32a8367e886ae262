/**
 * Keep and share, resuming a run after a reload: the autosaved session model says where its run
 * stood (SessionRun: step, steps per epoch, total steps, epoch offset). When the restored model
 * comes from the middle of a run whose set-up still gives the same steps per epoch, the studio
 * offers "Resume training": the worker is told the weights' step ('continue-from'), so the next
 * trainer counts on from it (epoch counter and learning-rate schedule too) instead of from 0.
 */
import { create } from 'zustand';
import { useStudio } from '../../stores/studio';
import { studioClient } from '../controller';
import type { SessionRun } from './autosave';

export interface ResumeState {
  readonly offer: SessionRun | null;
}

export const useResume = create<ResumeState>()(() => ({ offer: null }));

const whole = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;

/** A session record's run, if it is well formed (records come from storage: trust nothing). */
export function checkRun(raw: unknown): SessionRun | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!whole(r.step, 1) || !whole(r.stepsPerEpoch, 1) || !whole(r.totalSteps, 1)) return null;
  if (typeof r.epochOffset !== 'number' || !Number.isFinite(r.epochOffset) || r.epochOffset < 0) return null;
  if (r.step >= r.totalSteps) return null;
  const status = r.status;
  if (status !== 'running' && status !== 'paused') return null;
  return { step: r.step, stepsPerEpoch: r.stepsPerEpoch, totalSteps: r.totalSteps, epochOffset: r.epochOffset, status };
}

let stopWatching: (() => void) | null = null;

/**
 * After the session's model is installed: offers to resume its run when it was mid-run and the
 * restored set-up (training images, batch size, epochs) gives the same steps as it had.
 */
export function offerResume(raw: unknown): void {
  const run = checkRun(raw);
  const s = useStudio.getState();
  const info = s.dataset.info;
  if (!run || !info || s.built === null) return;
  const stepsPerEpoch = Math.ceil(info.trainCount / s.hyper.batchSize);
  if (stepsPerEpoch !== run.stepsPerEpoch || stepsPerEpoch * s.hyper.epochs !== run.totalSteps) return;
  useResume.setState({ offer: run });
  const built = s.built;
  stopWatching?.();
  // Any other start (Start, Step, Reset, another model) answers the offer.
  stopWatching = useStudio.subscribe((state) => {
    if (state.built !== built || state.status === 'running' || state.progress !== null) dismissResume();
  });
}

export function dismissResume(): void {
  stopWatching?.();
  stopWatching = null;
  useResume.setState({ offer: null });
}

/** Continues the saved run from its step: the curves keep their x axis, the counter goes on. */
export function resumeTraining(): void {
  const run = useResume.getState().offer;
  const s = useStudio.getState();
  dismissResume();
  if (!run || s.dataset.status !== 'ready' || s.built === null) return;
  useStudio.setState({ epochOffset: run.epochOffset });
  const client = studioClient();
  client.send({ type: 'continue-from', step: run.step });
  client.send({ type: 'start' });
}
