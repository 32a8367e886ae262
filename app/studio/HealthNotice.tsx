/**
 * The notice in place when the worker paused an unhealthy run: what happened, in a student's
 * words (the worker's own sentence about this run), what to try, and two ways on: "Go back to the
 * last good checkpoint" (weights from before things went wrong, with the loss measured there) and
 * "Continue anyway". After going back it says where the model is now and what its loss is.
 */
import type { ReactElement } from 'react';
import { useStudio } from '../stores/studio';
import { continueAnyway, goBackToCheckpoint } from './health';
import { clearHealth, type HealthVerdictMessage, useHealth } from './healthStore';
import './studio-health.css';

const HEADINGS: Readonly<Record<HealthVerdictMessage['verdict'], string>> = {
  diverging: 'Training paused: the loss is diverging',
  collapsed: 'Training paused: the network has collapsed to chance',
  'non-finite': 'Training stopped: the loss is no longer a number',
};

const rate = (lr: number): string => String(Number(lr.toPrecision(3)));

export function HealthNotice(): ReactElement | null {
  const { verdict, restored, busy, error } = useHealth();
  const learningRate = useStudio((s) => s.hyper.learningRate);
  if (restored) {
    return (
      <section className="health-notice health-notice--restored" role="status" data-testid="health-restored">
        <p>
          Back at the last good checkpoint, step <strong data-testid="health-restored-step">{restored.step}</strong>.
          Its loss on the first {restored.images.toLocaleString('en-US')} validation images is{' '}
          <strong data-testid="health-restored-loss" data-value={restored.loss}>
            {restored.loss.toFixed(3)}
          </strong>{' '}
          (accuracy {(restored.accuracy * 100).toFixed(1)}%). Lower the learning rate before you press Start, or the
          same thing will happen again.
        </p>
        <div className="button-row">
          <button type="button" className="button" onClick={clearHealth}>
            Dismiss
          </button>
        </div>
      </section>
    );
  }
  if (!verdict) return null;
  const canGoBack = verdict.checkpointStep !== null;
  return (
    <section
      className="health-notice"
      role="alert"
      aria-labelledby="health-notice-heading"
      data-testid="health-notice"
      data-verdict={verdict.verdict}
    >
      <h2 id="health-notice-heading">{HEADINGS[verdict.verdict]}</h2>
      <p data-testid="health-message">{verdict.message}</p>
      <p className="health-notice-try">What to try:</p>
      <ul className="health-notice-tips">
        <li>
          Lower the learning rate, for example by 10×: from {rate(learningRate)} to {rate(learningRate / 10)} (in the
          Hyperparameters tab).
        </li>
        <li>Check the initialisation: He suits ReLU networks; tiny random numbers let the signal fade away.</li>
        <li>Add batch normalisation after the convolutions: it keeps each layer's inputs in a steady range.</li>
      </ul>
      {error && (
        <p className="studio-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={!canGoBack || busy}
          onClick={() => void goBackToCheckpoint()}
        >
          Go back to the last good checkpoint
          {canGoBack ? ` (step ${verdict.checkpointStep})` : ''}
        </button>
        {verdict.verdict !== 'non-finite' && (
          <button type="button" className="button" disabled={busy} onClick={continueAnyway}>
            Continue anyway
          </button>
        )}
      </div>
      {!canGoBack && <p className="muted">There is no checkpoint yet: Reset rebuilds the model from the start.</p>}
    </section>
  );
}
