/**
 * The live experiment: the 20-layer plain net and the same net with shortcuts (nets.ts), trained
 * side by side from the same seed on the embedded MNIST digits, each in its own Web Worker through
 * the shared useWorkerRun hook. One set of buttons drives both. The page shows both smoothed loss
 * curves on one chart, each net's held-out accuracy after every epoch, and the latest gradient
 * norm of every weight layer, by depth, as the runs go.
 */
import type { ReactElement } from 'react';
import { LineChart } from '../../app/ui/LineChart';
import { type RunView, useWorkerRun } from '../../app/ui/training/useWorkerRun';
import { GradientBars } from './GradientBars';
import { BATCH_SIZE, PLAIN_SETUP, RESIDUAL_SETUP, TRAIN_LIMIT, VALIDATION } from './nets';
import { latestWeightNorms, lossTrace, SMOOTH_OVER, smoothedLoss, weightLayers } from './runSeries';

const CHANCE = Math.log(10);
const COLORS = { plain: 'var(--rc-plain)', residual: 'var(--rc-residual)' } as const;

const STATUS_TEXT: Record<RunView['status'], string> = {
  loading: 'Loading',
  ready: 'Ready',
  running: 'Training',
  paused: 'Paused',
  done: 'Finished',
  diverged: 'Diverged',
  error: 'Error',
};

const percent = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export function PlainVsResidual(): ReactElement {
  const plain = useWorkerRun(PLAIN_SETUP);
  const residual = useWorkerRun(RESIDUAL_SETUP);
  const runs = [plain, residual];
  const views = { plain: plain.view, residual: residual.view };
  const anyRunning = runs.some((r) => r.view.status === 'running');
  const canGo = runs.some((r) => r.view.status === 'ready' || r.view.status === 'paused');
  const startOrPause = (): void => {
    for (const r of runs) {
      if (anyRunning) r.pause();
      else r.start();
    }
  };
  const stepBoth = (): void => {
    for (const r of runs) r.step();
  };
  const resetBoth = (): void => {
    for (const r of runs) r.reset();
  };
  const steps = Math.max(plain.view.stepsDone, residual.view.stepsDone);
  const total = Math.max(plain.view.totalSteps, residual.view.totalSteps);
  const xMax = Math.max(50, Math.min(total, Math.ceil(steps * 1.25)));
  const epochs = Math.max(plain.view.epochs.length, residual.view.epochs.length);
  const layerCount = Math.max(weightLayers(plain.view).length, weightLayers(residual.view).length);
  const norms = { plain: latestWeightNorms(plain.view), residual: latestWeightNorms(residual.view) };
  const normStep = plain.view.gradientNorms[plain.view.gradientNorms.length - 1]?.step;

  return (
    <div
      className="rc-experiment"
      data-testid="experiment"
      data-plain-status={plain.view.status}
      data-residual-status={residual.view.status}
      data-plain-steps={plain.view.stepsDone}
      data-residual-steps={residual.view.stepsDone}
      data-plain-losses={lossTrace(plain.view)}
      data-residual-losses={lossTrace(residual.view)}
    >
      <div className="button-row" role="toolbar" aria-label="Controls for both runs">
        <button
          type="button"
          className="button button--primary"
          onClick={startOrPause}
          disabled={!anyRunning && !canGo}
        >
          {anyRunning ? 'Pause both' : steps > 0 ? 'Resume both' : 'Train both'}
        </button>
        <button type="button" className="button" onClick={stepBoth} disabled={anyRunning || !canGo}>
          Step both
        </button>
        <button type="button" className="button" onClick={resetBoth}>
          Reset both
        </button>
      </div>
      <p className="rc-status" aria-live="polite" data-testid="experiment-status">
        Plain: {STATUS_TEXT[plain.view.status]}, step {plain.view.stepsDone} of {plain.view.totalSteps}. Residual:{' '}
        {STATUS_TEXT[residual.view.status]}, step {residual.view.stepsDone} of {residual.view.totalSteps}.
      </p>
      <LineChart
        label="Training loss of the plain and the residual net against step"
        xLabel="step (batches of 32)"
        yLabel="cross-entropy loss"
        xMax={xMax}
        testId="experiment-loss"
        series={[
          // The reference line first, so both nets' curves are drawn over it, not hidden.
          {
            id: 'chance',
            label: 'guessing (ln 10)',
            color: 'var(--border-strong)',
            points: [
              { x: 0, y: CHANCE },
              { x: xMax, y: CHANCE },
            ],
          },
          { id: 'plain', label: 'plain', color: COLORS.plain, points: smoothedLoss(plain.view) },
          { id: 'residual', label: 'residual', color: COLORS.residual, points: smoothedLoss(residual.view) },
        ]}
      />
      <p className="muted">
        Each curve is the mean loss of the last {SMOOTH_OVER} batches. Both nets see the same{' '}
        {TRAIN_LIMIT.toLocaleString('en-US')} digits in the same order, {BATCH_SIZE} at a time.
      </p>
      <GradientBars
        layerCount={layerCount}
        label={`Gradient norm of each weight layer's weights${normStep ? ` at about step ${normStep}` : ''}, plain net against residual net, on a log scale`}
        series={[
          { id: 'plain', label: 'plain', color: COLORS.plain, norms: norms.plain },
          { id: 'residual', label: 'residual', color: COLORS.residual, norms: norms.residual },
        ]}
      />
      <div className="rc-table-scroll">
        <table className="data-table" data-testid="experiment-epochs">
          <caption>Accuracy on {VALIDATION} held-out digits after each epoch</caption>
          <thead>
            <tr>
              <th scope="col">Epoch</th>
              <th scope="col">Plain</th>
              <th scope="col">Residual</th>
            </tr>
          </thead>
          <tbody>
            {epochs === 0 ? (
              <tr>
                <td colSpan={3} className="muted rc-pending">
                  Appears after the first epoch ({Math.ceil(TRAIN_LIMIT / BATCH_SIZE)} steps).
                </td>
              </tr>
            ) : (
              Array.from({ length: epochs }, (_, i) => i + 1).map((epoch) => (
                <tr key={epoch} data-epoch={epoch}>
                  <th scope="row">{epoch}</th>
                  <td data-net="plain">{percent(views.plain.epochs[epoch - 1]?.valAccuracy ?? null)}</td>
                  <td data-net="residual">{percent(views.residual.epochs[epoch - 1]?.valAccuracy ?? null)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {(['plain', 'residual'] as const).map((net) =>
        views[net].message ? (
          <p key={net} className="field-message--error" role="alert">
            {net === 'plain' ? 'Plain net: ' : 'Residual net: '}
            {views[net].message}
          </p>
        ) : null,
      )}
    </div>
  );
}
