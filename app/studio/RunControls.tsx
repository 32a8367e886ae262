/**
 * Start / Pause, Step and Reset, with their keyboard shortcuts, and the run's vital signs: status
 * (with the trainer's message in place, e.g. why it diverged), progress through the epochs with
 * an estimate of the time left, throughput in images per second, and the latest accuracies. The
 * buttons are aria-disabled rather than disabled so one that turns itself off (Reset while the
 * model rebuilds, Step when a run starts) keeps keyboard focus; key hints hide when the user has
 * turned single-key shortcuts off.
 */
import type { ReactElement } from 'react';
import { useSettings } from '../stores/settings';
import { useStudio } from '../stores/studio';
import { SoftButton } from '../ui/SoftButton';
import { resetModel, step, togglePlay } from './actions';
import { useRunShortcuts } from './useRunShortcuts';

const STATUS_TEXT: Readonly<Record<string, string>> = {
  idle: 'Ready',
  running: 'Training',
  paused: 'Paused',
  done: 'Done',
  diverged: 'Diverged',
};

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

const percent = (v: number | undefined): string =>
  v === undefined || Number.isNaN(v) ? '—' : `${(v * 100).toFixed(1)}%`;

export function RunControls(): ReactElement {
  useRunShortcuts();
  const status = useStudio((s) => s.status);
  const message = useStudio((s) => s.statusMessage);
  const progress = useStudio((s) => s.progress);
  // "Train more" starts a new trainer over the same weights: count its epochs after the earlier ones.
  const offset = useStudio((s) => s.epochOffset);
  const batchSize = useStudio((s) => s.hyper.batchSize);
  const ready = useStudio((s) => s.dataset.status === 'ready' && s.built !== null);
  const validation = useStudio((s) => s.lastEpoch?.validation?.accuracy);
  const train = useStudio((s) => s.history.trainAccuracy[s.history.trainAccuracy.length - 1]?.y);
  const keys = useSettings((s) => s.shortcuts);
  const running = status === 'running';
  /** Steps of the earlier runs, at this run's steps per epoch, so the bar continues too. */
  const earlier = progress ? Math.round(offset * progress.stepsPerEpoch) : 0;
  const left = progress
    ? ((progress.totalSteps - progress.step) * batchSize) / Math.max(1, progress.imagesPerSecond)
    : NaN;

  return (
    <section className="run-controls" aria-label="Training controls" data-testid="run-controls">
      <div className="button-row run-buttons">
        <SoftButton className="button button--primary run-play" off={!ready} onClick={togglePlay}>
          {running ? 'Pause' : status === 'done' ? 'Train more' : 'Start'} {keys && <kbd>Space</kbd>}
        </SoftButton>
        <SoftButton className="button" off={!ready || running} onClick={step}>
          Step {keys && <kbd>S</kbd>}
        </SoftButton>
        <SoftButton className="button" off={!ready} onClick={resetModel}>
          Reset {keys && <kbd>R</kbd>}
        </SoftButton>
      </div>
      <div className="run-status" role="status" aria-live="polite">
        <span className={`run-badge run-badge--${status}`} data-testid="run-status" data-status={status}>
          {STATUS_TEXT[status] ?? status}
        </span>
        {message && (
          <span className={status === 'diverged' ? 'studio-error' : 'muted'} data-testid="run-message">
            {message}
          </span>
        )}
      </div>
      <div className="run-progress">
        <progress
          max={progress ? earlier + progress.totalSteps : 1}
          value={progress ? earlier + progress.step : 0}
          aria-label="Training progress"
          data-testid="run-progress"
        />
        <span
          data-testid="run-epoch"
          data-epoch={progress ? offset + progress.epoch : ''}
          data-step={progress?.step ?? ''}
        >
          {progress
            ? `epoch ${(offset + progress.epoch).toFixed(2)} of ${epochsOf(offset + progress.totalSteps / progress.stepsPerEpoch)} · ${running ? `about ${duration(left)} left` : `step ${progress.step} of ${progress.totalSteps}`}`
            : 'not started'}
        </span>
      </div>
      <dl className="run-numbers">
        <div>
          <dt>images/s</dt>
          <dd data-testid="throughput" data-value={progress?.imagesPerSecond ?? 0}>
            {progress ? Math.round(progress.imagesPerSecond).toLocaleString('en-US') : '—'}
          </dd>
        </div>
        <div title="The learning rate of the last steps, as the schedule sets it">
          <dt>learning rate</dt>
          <dd data-testid="current-lr" data-value={progress?.learningRate ?? ''}>
            {progress ? formatRate(progress.learningRate) : '—'}
          </dd>
        </div>
        <div>
          <dt>train acc.</dt>
          <dd>{percent(train)}</dd>
        </div>
        <div>
          <dt>validation acc.</dt>
          <dd data-testid="val-accuracy" data-value={validation ?? ''}>
            {percent(validation)}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** Whole epochs as a whole number; a fractional total (a run resumed mid-epoch) to two places. */
function epochsOf(total: number): string {
  return Number.isInteger(Math.round(total * 100) / 100) ? total.toFixed(0) : total.toFixed(2);
}

/** 0.003, 0.00015, 2.5e-7: three significant figures, never a long tail of zeros. */
function formatRate(rate: number): string {
  return rate >= 1e-4 ? String(Number(rate.toPrecision(3))) : rate.toExponential(1);
}
