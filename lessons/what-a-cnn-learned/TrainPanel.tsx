/**
 * Trains the lesson's net (net.ts) in its worker: one button, a progress bar over the bounded
 * number of steps, the latest training loss and the held-out accuracy after each epoch. Every
 * view below inspects whatever weights the net has when it is not training, so a student can
 * look at the random net first and at the trained one after.
 */
import type { ReactElement } from 'react';
import { useLearned } from './learnedRun';
import { BATCH_SIZE, EPOCHS, TRAIN_LIMIT, VALIDATION } from './net';

const STATUS: Record<string, string> = {
  loading: 'Loading the digits and building the net…',
  ready: 'Ready: the weights are still random.',
  running: 'Training…',
  paused: 'Paused.',
  done: 'Trained.',
  diverged: 'Training diverged.',
  error: 'Something went wrong.',
};

export function TrainPanel(): ReactElement {
  const { controls } = useLearned();
  const { view } = controls;
  const total = view.totalSteps || Math.ceil(TRAIN_LIMIT / BATCH_SIZE) * EPOCHS;
  const last = view.points.at(-1);
  const accuracy = view.epochs.at(-1)?.valAccuracy ?? null;
  const running = view.status === 'running';
  const canStart = view.status === 'ready' || view.status === 'paused';
  return (
    <div className="wl-train" data-testid="train" data-status={view.status} data-steps={view.stepsDone}>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={!running && !canStart}
          onClick={() => (running ? controls.pause() : controls.start())}
        >
          {running ? 'Pause' : view.stepsDone > 0 && view.status !== 'done' ? 'Resume training' : 'Train the net'}
        </button>
        <button type="button" className="button" onClick={() => controls.reset()} disabled={view.status === 'loading'}>
          Reset to random weights
        </button>
      </div>
      <progress className="wl-progress" max={total} value={view.stepsDone} aria-label="Training progress" />
      <p aria-live="polite" data-testid="train-status">
        {STATUS[view.status]} Step {view.stepsDone} of {total}
        {last ? `, training loss ${last.loss.toFixed(3)}` : ''}
        {accuracy !== null ? `, held-out accuracy ${(accuracy * 100).toFixed(1)}% on ${VALIDATION} digits` : ''}.
      </p>
      {view.message ? (
        <p className="field-message--error" role="alert">
          {view.message}
        </p>
      ) : null}
    </div>
  );
}
