/**
 * Start, pause and reset a lesson's bounded training run, with its progress: steps done of the
 * total, the latest training loss and accuracy, and validation accuracy after each epoch. The
 * run itself lives in a Web Worker (useWorkerRun); this only shows it. The status and step count
 * are also data attributes, so tests can wait on them without reading prose.
 */
import type { ReactElement } from 'react';
import type { WorkerRunControls } from '../../app/ui/training/useWorkerRun';

const STATUS_TEXT: Record<string, string> = {
  loading: 'Preparing the digits and the net…',
  ready: 'Ready to train',
  running: 'Training',
  paused: 'Paused',
  done: 'Trained',
  diverged: 'Diverged',
  error: 'Failed',
};

export function TrainPanel({
  controls,
  testId,
}: {
  readonly controls: WorkerRunControls;
  readonly testId: string;
}): ReactElement {
  const { view, start, pause, reset } = controls;
  const last = view.points.at(-1);
  const lastEpoch = view.epochs.at(-1);
  const canStart = view.status === 'ready' || view.status === 'paused';
  return (
    <div
      className="cc-train"
      data-testid={testId}
      data-status={view.status}
      data-steps={view.stepsDone}
      data-first-loss={view.points[0]?.loss}
      data-last-loss={last?.loss}
      data-val-accuracy={lastEpoch?.valAccuracy ?? undefined}
    >
      <div className="button-row">
        <button type="button" onClick={start} disabled={!canStart}>
          {view.status === 'paused' ? 'Resume' : 'Train'}
        </button>
        <button type="button" onClick={pause} disabled={view.status !== 'running'}>
          Pause
        </button>
        <button type="button" onClick={reset} disabled={view.status === 'loading'}>
          Reset
        </button>
      </div>
      <progress
        max={view.totalSteps || 1}
        value={view.stepsDone}
        aria-label={`Training steps done: ${view.stepsDone} of ${view.totalSteps}`}
      />
      <p className="cc-status" role="status">
        {STATUS_TEXT[view.status]}
        {view.totalSteps > 0 && ` · step ${view.stepsDone} of ${view.totalSteps}`}
        {last && ` · loss ${last.loss.toFixed(3)} · training accuracy ${(100 * last.accuracy).toFixed(0)}%`}
        {lastEpoch?.valAccuracy != null &&
          ` · validation accuracy after epoch ${lastEpoch.epoch}: ${(100 * lastEpoch.valAccuracy).toFixed(1)}%`}
      </p>
      {view.message && view.status !== 'done' && <p className="field-message--error">{view.message}</p>}
    </div>
  );
}
