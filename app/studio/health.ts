/**
 * What a student can do when the worker paused an unhealthy run: go back to the last good
 * checkpoint (the worker puts its weights back; the curves drop the points after it; the restored
 * model's loss is measured on validation images so the notice can show it is back in range), or
 * continue anyway (the paused trainer resumes; the worker does not judge that run again).
 */
import { useStudio } from '../stores/studio';
import { errorText, studioClient } from './controller';
import { clearHealth, useHealth } from './healthStore';
import { markLiveDirty } from './live';

/** Validation images the restored model is measured on: enough for a steady loss, quick on the CPU. */
const CHECK_IMAGES = 500;

export async function goBackToCheckpoint(): Promise<void> {
  const verdict = useHealth.getState().verdict;
  if (!verdict || verdict.checkpointStep === null || useHealth.getState().busy) return;
  useHealth.setState({ busy: true, error: null });
  try {
    const client = studioClient();
    await client.restoreCheckpoint();
    const evaluation = await client.evaluate('validation', CHECK_IMAGES);
    trimCurves(evaluation.step);
    markLiveDirty();
    // The note about the restored model stays until the next run starts.
    const stop = useStudio.subscribe((state) => {
      if (state.status !== 'running') return;
      stop();
      if (useHealth.getState().restored !== null) clearHealth();
    });
    useHealth.setState({
      verdict: null,
      busy: false,
      restored: {
        step: evaluation.step,
        loss: evaluation.metrics.loss,
        accuracy: evaluation.metrics.accuracy,
        images: Math.min(CHECK_IMAGES, useStudio.getState().dataset.info?.validationCount ?? CHECK_IMAGES),
      },
    });
  } catch (error) {
    useHealth.setState({ busy: false, error: `Could not go back: ${errorText(error)}` });
  }
}

/** Resumes the paused run as it is; the worker will not pause it again. */
export function continueAnyway(): void {
  clearHealth();
  if (useStudio.getState().status === 'paused') studioClient().send({ type: 'start' });
}

/** The curves keep what was trained up to the checkpoint; the next run draws on from there. */
function trimCurves(step: number): void {
  const { history, epochOffset, progress } = useStudio.getState();
  const stepsPerEpoch = progress?.stepsPerEpoch ?? 0;
  const cut = stepsPerEpoch > 0 ? epochOffset + step / stepsPerEpoch : epochOffset;
  const trimmed = Object.fromEntries(
    Object.entries(history).map(([key, points]) => [
      key,
      (points as readonly { x: number }[] | undefined)?.filter((p) => p.x <= cut + 1e-9),
    ]),
  ) as unknown as typeof history;
  // The worker stopped the run (a trainer that met NaN had already finished as 'diverged'): it is
  // ready to start again from the checkpoint, and the epoch offset stays, as the run goes on.
  useStudio.setState({ history: trimmed, progress: null, status: 'idle', statusMessage: null });
}
