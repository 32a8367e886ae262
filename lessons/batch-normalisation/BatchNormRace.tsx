/**
 * The same seven-convolution network trained twice, side by side, from the same seed and on the
 * same digits: once plain, once with batch norm after every convolution (raceSetup.ts). Each run
 * has its own Web Worker (two useWorkerRun hooks), so both train at once. One chart carries both
 * loss curves; after each epoch a table gives both held-out accuracies. Start, Pause and Reset act
 * on both runs together, and changing the learning rate rebuilds both.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { LineChart } from '../../app/ui/LineChart';
import { type RunView, useWorkerRun } from '../../app/ui/training/useWorkerRun';
import { fmt } from './format';
import { BATCH_SIZE, EPOCHS, RATES, type Rate, raceSetup, TRAIN_LIMIT, VALIDATION } from './raceSetup';

const STATUS_TEXT: Record<RunView['status'], string> = {
  loading: 'Loading',
  ready: 'Ready',
  running: 'Training',
  paused: 'Paused',
  done: 'Finished',
  diverged: 'Diverged',
  error: 'Error',
};

/** The loss of a uniform guess over ten classes, where an untrained net starts. */
const CHANCE = Math.log(10);
/** Iterations in the whole run, known before the first progress point arrives (fixes the x axis). */
const PLANNED_STEPS = EPOCHS * Math.ceil(TRAIN_LIMIT / BATCH_SIZE);

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

function runAttributes(prefix: string, view: RunView): Record<string, string | number> {
  const losses = view.points.map((p) => p.loss);
  return {
    [`data-${prefix}-status`]: view.status,
    [`data-${prefix}-steps`]: view.stepsDone,
    [`data-${prefix}-points`]: losses.length,
    // The first point and the mean of the last three: one batch can be unlucky, three rarely all are.
    [`data-${prefix}-first-loss`]: losses.length ? losses[0]! : '',
    [`data-${prefix}-recent-loss`]: losses.length ? mean(losses.slice(-3)) : '',
  };
}

export function BatchNormRace(): ReactElement {
  const [rate, setRate] = useState<Rate>(RATES[0]);
  const plainSetup = useMemo(() => raceSetup(false, rate), [rate]);
  const bnSetup = useMemo(() => raceSetup(true, rate), [rate]);
  const plain = useWorkerRun(plainSetup);
  const bn = useWorkerRun(bnSetup);
  const runs = [plain, bn];

  const running = runs.some((r) => r.view.status === 'running');
  const canStart = runs.some((r) => r.view.status === 'ready' || r.view.status === 'paused');
  const paused = runs.some((r) => r.view.status === 'paused');
  const problem = runs.map((r) => r.view.message).find((m) => m !== null) ?? null;
  const totalSteps = Math.max(plain.view.totalSteps, bn.view.totalSteps);
  const epochs = Array.from({ length: EPOCHS }, (_, e) => e + 1);
  const accuracy = (view: RunView, epoch: number): string => {
    const acc = view.epochs.find((p) => p.epoch === epoch)?.valAccuracy;
    return acc === undefined || acc === null ? '—' : `${fmt(acc * 100, 1)}%`;
  };

  return (
    <div
      className="bn-widget"
      data-testid="race"
      {...runAttributes('plain', plain.view)}
      {...runAttributes('bn', bn.view)}
    >
      <ChoiceGroup
        legend="Learning rate (plain SGD, both nets)"
        options={RATES.map((r) => ({ value: r, label: `α = ${r}` }))}
        value={rate}
        onChange={setRate}
      />
      <div className="button-row" role="toolbar" aria-label="Training controls for both networks">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            for (const r of runs) {
              if (running) r.pause();
              else r.start();
            }
          }}
          disabled={!running && !canStart}
        >
          {running ? 'Pause' : paused ? 'Resume' : 'Start'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            for (const r of runs) r.reset();
          }}
        >
          Reset
        </button>
        <span aria-live="polite" data-testid="race-status">
          Plain: {STATUS_TEXT[plain.view.status]}, step {plain.view.stepsDone} · With batch norm:{' '}
          {STATUS_TEXT[bn.view.status]}, step {bn.view.stepsDone}
          {totalSteps ? ` · of ${totalSteps}` : ''}
        </span>
      </div>
      <LineChart
        label="Training loss against iteration, plain network and network with batch norm"
        xLabel="iteration"
        yLabel="cross-entropy loss"
        xMax={Math.max(PLANNED_STEPS, totalSteps)}
        testId="race-chart"
        series={[
          {
            id: 'plain',
            label: 'plain',
            color: 'var(--bn-plain)',
            points: plain.view.points.map((p) => ({ x: p.step, y: p.loss })),
          },
          {
            id: 'bn',
            label: 'with batch norm',
            color: 'var(--accent)',
            points: bn.view.points.map((p) => ({ x: p.step, y: p.loss })),
          },
          {
            id: 'chance',
            label: 'guessing (ln 10)',
            color: 'var(--border-strong)',
            points: [
              { x: 0, y: CHANCE },
              { x: Math.max(PLANNED_STEPS, totalSteps), y: CHANCE },
            ],
          },
        ]}
      />
      <table className="bn-stats" data-testid="race-accuracy">
        <caption>
          Accuracy on {VALIDATION} held-out digits after each epoch ({TRAIN_LIMIT} training digits per epoch)
        </caption>
        <thead>
          <tr>
            <th scope="col">Epoch</th>
            <th scope="col">Plain</th>
            <th scope="col">With batch norm</th>
          </tr>
        </thead>
        <tbody>
          {epochs.map((e) => (
            <tr key={e}>
              <th scope="row">{e}</th>
              <td data-testid={`plain-accuracy-${e}`}>{accuracy(plain.view, e)}</td>
              <td data-testid={`bn-accuracy-${e}`}>{accuracy(bn.view, e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problem && <p className="field-message--error">{problem}</p>}
    </div>
  );
}
