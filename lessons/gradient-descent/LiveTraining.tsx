/**
 * The first real training run of the course: the lecture's MNIST CNN (two 5×5 conv + pool
 * stages, dense 100, dense 10) trained in a Web Worker on 4,000 embedded digits, with Start, Pause,
 * Step and Reset. The loss of every mini-batch is plotted as it arrives, with a running average
 * over the last 20 so the trend shows through the noise; after each epoch the engine evaluates
 * the net on 500 held-out digits it never trains on.
 */
import { type ReactElement, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { type ChartPoint, LineChart } from '../../app/ui/LineChart';
import type { OptimizerConfig } from '../../engine/train/optimizers';
import { count, fmt } from './format';
import {
  BATCH_SIZE,
  EPOCHS,
  TRAIN_SIZE,
  type TrainingPoint,
  type TrainingStatus,
  useTraining,
  VALIDATION_SIZE,
} from './useTraining';

type Choice = 'sgd' | 'momentum' | 'adam';

/** Stable objects, so choosing one does not rebuild the trainer on every render. */
const CHOICES: Record<Choice, { readonly config: OptimizerConfig; readonly lr: number; readonly label: string }> = {
  sgd: { config: { kind: 'sgd' }, lr: 0.1, label: 'SGD, α = 0.1' },
  momentum: { config: { kind: 'momentum', momentum: 0.9 }, lr: 0.02, label: 'Momentum, α = 0.02' },
  adam: { config: { kind: 'adam' }, lr: 0.002, label: 'Adam, α = 0.002' },
};

const AVERAGE_OVER = 20;
/** The loss of a uniform guess over ten classes, where training starts. */
const CHANCE = Math.log(10);

function runningMean(points: readonly TrainingPoint[]): ChartPoint[] {
  const out: ChartPoint[] = [];
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    sum += points[i]!.loss;
    if (i >= AVERAGE_OVER) sum -= points[i - AVERAGE_OVER]!.loss;
    out.push({ x: points[i]!.step, y: sum / Math.min(i + 1, AVERAGE_OVER) });
  }
  return out;
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

export function LiveTraining(): ReactElement {
  const [choice, setChoice] = useState<Choice>('sgd');
  const picked = CHOICES[choice];
  const { view, start, pause, step, reset } = useTraining(picked.config, picked.lr);

  if (view.status === 'error') {
    return (
      <p className="field-message--error" data-testid="training-error">
        {view.message}
      </p>
    );
  }

  const running = view.status === 'running';
  const finished = view.status === 'done' || view.status === 'diverged';
  // While the worker loads the digits and builds the net (first load, Reset, another optimiser).
  const loading = view.status === 'loading';
  const losses = view.points.map((p) => p.loss);
  const last = view.points[view.points.length - 1];
  const latestEpoch = view.epochs[view.epochs.length - 1];
  const stepNow = last?.step ?? 0;
  const xMax = Math.max(50, Math.min(view.totalSteps, Math.ceil(stepNow * 1.25)));

  return (
    <div
      className="gd-widget"
      data-testid="training"
      data-status={view.status}
      data-steps={stepNow}
      data-first-loss={losses.length ? mean(losses.slice(0, 5)) : ''}
      data-recent-loss={losses.length ? mean(losses.slice(-10)) : ''}
      data-accuracy={latestEpoch?.accuracy ?? ''}
    >
      <ChoiceGroup
        legend="Optimiser"
        options={(Object.keys(CHOICES) as Choice[]).map((k) => ({ value: k, label: CHOICES[k].label }))}
        value={choice}
        onChange={setChoice}
      />
      <div className="button-row" role="toolbar" aria-label="Training controls">
        <button
          type="button"
          className="button button--primary"
          onClick={running ? pause : start}
          disabled={finished || loading}
        >
          {running ? 'Pause' : view.status === 'paused' ? 'Resume' : 'Start'}
        </button>
        <button type="button" className="button" onClick={step} disabled={running || finished || loading}>
          Step
        </button>
        <button type="button" className="button" onClick={reset}>
          Reset
        </button>
        <span className="gd-status" aria-live="polite" data-testid="training-status">
          {STATUS_TEXT[view.status]} · iteration {count(stepNow)} of {count(view.totalSteps)} · epoch{' '}
          {view.stepsPerEpoch ? fmt(stepNow / view.stepsPerEpoch, 2) : '0'} of {EPOCHS}
        </span>
      </div>
      <LineChart
        label="Training loss against iteration"
        xLabel="iteration"
        yLabel="cross-entropy loss"
        xMax={xMax}
        testId="loss-chart"
        series={[
          {
            id: 'batch',
            label: 'batch loss',
            color: 'var(--gd-batch)',
            points: view.points.map((p) => ({ x: p.step, y: p.loss })),
          },
          {
            id: 'average',
            label: `mean of last ${AVERAGE_OVER}`,
            color: 'var(--gd-path)',
            points: runningMean(view.points),
          },
          // A reference line; it also gives the empty chart a sensible y axis before the first step.
          {
            id: 'chance',
            label: 'guessing (ln 10)',
            color: 'var(--border-strong)',
            points: [
              { x: 0, y: CHANCE },
              { x: xMax, y: CHANCE },
            ],
          },
        ]}
      />
      <p data-testid="validation" aria-live="polite">
        {latestEpoch
          ? `After epoch ${latestEpoch.epoch}: ${fmt(latestEpoch.accuracy * 100, 1)}% of the ${VALIDATION_SIZE} held-out digits classified correctly (loss ${fmt(latestEpoch.loss)}).`
          : `Held-out accuracy appears after each epoch (${count(view.stepsPerEpoch)} iterations of ${BATCH_SIZE} from ${count(TRAIN_SIZE)} digits).`}
      </p>
      {view.message && <p className="field-message--error">{view.message}</p>}
    </div>
  );
}

const STATUS_TEXT: Record<TrainingStatus, string> = {
  loading: 'Loading the digits…',
  idle: 'Ready',
  running: 'Training',
  paused: 'Paused',
  done: 'Finished',
  diverged: 'Diverged',
  error: 'Failed',
};
