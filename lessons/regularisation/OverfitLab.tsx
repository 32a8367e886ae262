/**
 * Overfitting, live: the lecture's CNN trains in a Web Worker (useWorkerRun) on 300 digits and
 * is checked on 1,000 others after every epoch. The chart and table show training against
 * validation loss, the gap between them, and the epoch early stopping keeps (lowest validation
 * loss). Switching a regulariser on rebuilds the run from the same seed; the last finished run
 * with other settings stays on the chart for comparison.
 */
import { type ReactElement, useEffect, useMemo, useState } from 'react';
import { type ChartSeries, LineChart } from '../../app/ui/LineChart';
import { type EpochPoint, useWorkerRun } from '../../app/ui/training/useWorkerRun';
import { EpochTable } from './EpochTable';
import { type EarlyStop, earlyStopping } from './earlyStopping';
import { count, fmt } from './format';
import {
  DROP_RATE,
  describeRegularisers,
  EPOCHS,
  L2_LAMBDA,
  NONE,
  overfitSetup,
  type Regularisers,
  SHIFT_PIXELS,
  TRAIN_IMAGES,
  VALIDATION_IMAGES,
} from './overfitSetup';

const PATIENCE = 3;
/** The loss of a uniform guess over ten classes, where training starts. */
const CHANCE = Math.log(10);

interface Finished {
  readonly key: string;
  readonly label: string;
  readonly epochs: readonly EpochPoint[];
}

const STATUS_TEXT: Record<string, string> = {
  loading: 'Preparing',
  ready: 'Ready',
  running: 'Training',
  paused: 'Paused',
  done: 'Finished',
  diverged: 'Diverged',
  error: 'Failed',
};

function patienceNote(stop: EarlyStop, epochs: number): string {
  if (!stop.stop) return `Early stopping with a patience of ${PATIENCE} epochs would still be training.`;
  const { after, kept } = stop.stop;
  if (kept.epoch === stop.best.epoch) {
    return `Early stopping with a patience of ${PATIENCE} epochs would have stopped after epoch ${after}, keeping those weights${after < epochs ? ` ${epochs - after} epochs sooner` : ''}.`;
  }
  return `Early stopping with a patience of ${PATIENCE} epochs would have stopped after epoch ${after} and kept epoch ${kept.epoch}: on a noisy curve a short patience gives up too early.`;
}

export function OverfitLab(): ReactElement {
  const [on, setOn] = useState<Regularisers>(NONE);
  const setup = useMemo(() => overfitSetup(on), [on]);
  const key = describeRegularisers(on);
  const { view, start, pause, reset } = useWorkerRun(setup);
  const [finished, setFinished] = useState<readonly Finished[]>([]);

  useEffect(() => {
    if (view.status !== 'done') return;
    setFinished((runs) => [...runs.filter((r) => r.key !== key), { key, label: key, epochs: view.epochs }]);
  }, [view.status, view.epochs, key]);

  const previous = [...finished].reverse().find((r) => r.key !== key) ?? null;
  const stop = earlyStopping(view.epochs, PATIENCE);
  const last = view.epochs[view.epochs.length - 1];
  const running = view.status === 'running';
  const canStart = view.status === 'ready' || view.status === 'paused';
  const toggle = (name: keyof Regularisers) => (event: { target: { checked: boolean } }) =>
    setOn((o) => ({ ...o, [name]: event.target.checked }));

  const series: ChartSeries[] = [
    {
      id: 'train',
      label: 'training loss',
      color: 'var(--reg-train)',
      points: view.epochs.map((e) => ({ x: e.epoch, y: e.trainLoss })),
    },
    {
      id: 'val',
      label: 'validation loss',
      color: 'var(--reg-val)',
      points: view.epochs.flatMap((e) => (e.valLoss === null ? [] : [{ x: e.epoch, y: e.valLoss }])),
    },
  ];
  // A reference line; it also gives the empty chart a sensible y axis before the first epoch.
  series.push({
    id: 'chance',
    label: 'guessing (ln 10)',
    color: 'var(--border)',
    points: [
      { x: 0, y: CHANCE },
      { x: EPOCHS, y: CHANCE },
    ],
  });
  if (previous) {
    series.push({
      id: 'previous',
      label: `validation loss, ${previous.label}`,
      color: 'var(--reg-previous)',
      points: previous.epochs.flatMap((e) => (e.valLoss === null ? [] : [{ x: e.epoch, y: e.valLoss }])),
    });
  }
  if (stop) {
    const top = Math.max(...view.epochs.flatMap((e) => [e.trainLoss, e.valLoss ?? 0]));
    series.push({
      id: 'best',
      label: `lowest validation loss (epoch ${stop.best.epoch})`,
      color: 'var(--mark)',
      // Drawn top-down, so the legend repeats the point it marks: the best validation loss.
      points: [
        { x: stop.best.epoch, y: top },
        { x: stop.best.epoch, y: stop.best.valLoss ?? 0 },
      ],
    });
  }

  return (
    <div
      className="reg-widget"
      data-testid="overfit"
      data-status={view.status}
      data-epochs={view.epochs.length}
      data-best-epoch={stop?.best.epoch ?? ''}
    >
      <fieldset className="reg-switches" disabled={running}>
        <legend>Regularisers (changing one starts a fresh run)</legend>
        <label className="reg-check">
          <input type="checkbox" checked={on.dropout} onChange={toggle('dropout')} /> Dropout p = {DROP_RATE} on the 100
          hidden units
        </label>
        <label className="reg-check">
          <input type="checkbox" checked={on.augmentation} onChange={toggle('augmentation')} /> Augmentation: random
          shifts of up to {SHIFT_PIXELS} pixels
        </label>
        <label className="reg-check">
          <input type="checkbox" checked={on.l2} onChange={toggle('l2')} /> L2 weight decay λ = {L2_LAMBDA}
        </label>
      </fieldset>
      <div className="button-row" role="toolbar" aria-label="Training controls">
        <button
          type="button"
          className="button button--primary"
          onClick={running ? pause : start}
          disabled={!running && !canStart}
        >
          {running ? 'Pause' : view.status === 'paused' ? 'Resume' : 'Start'}
        </button>
        <button type="button" className="button" onClick={reset} disabled={view.status === 'loading'}>
          Reset
        </button>
        <span className="reg-status" aria-live="polite" data-testid="overfit-status">
          {STATUS_TEXT[view.status]} · {key} · epoch {view.epochs.length} of {EPOCHS}
        </span>
      </div>
      {view.message && (
        <p className="field-message--error" role="alert">
          {view.message}
        </p>
      )}
      <div className="reg-stack">
        <LineChart
          label="Training and validation loss after each epoch"
          xLabel="epoch"
          yLabel="cross-entropy loss"
          xMax={EPOCHS}
          testId="overfit-chart"
          series={series}
        />
        <EpochTable epochs={view.epochs} best={stop?.best.epoch ?? null} />
      </div>
      <p aria-live="polite" data-testid="overfit-gap">
        {last
          ? `After epoch ${last.epoch}: ${fmt((last.trainAccuracy ?? 0) * 100, 1)}% right on the ${TRAIN_IMAGES} training digits, ${fmt((last.valAccuracy ?? 0) * 100, 1)}% on the ${count(VALIDATION_IMAGES)} held-out ones; validation loss minus training loss = ${fmt((last.valLoss ?? 0) - last.trainLoss, 3)}.`
          : `Press Start: ${EPOCHS} epochs of ${TRAIN_IMAGES} digits, each followed by a check on ${count(VALIDATION_IMAGES)} held-out digits.`}
      </p>
      {stop && (
        <p data-testid="best-epoch">
          Lowest validation loss: <strong>epoch {stop.best.epoch}</strong> ({fmt(stop.best.valLoss ?? 0, 3)}), the
          weights to keep. {patienceNote(stop, view.epochs.length)}
        </p>
      )}
    </div>
  );
}
