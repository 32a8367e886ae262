/**
 * The live experiment: train the same small network with sigmoid, tanh and ReLU hidden units on
 * the embedded MNIST digits and draw the three training-loss curves on one chart as they arrive.
 * Start trains the three side by side, each in its own Web Worker (race.ts); Stop pauses them.
 * Nothing here is precomputed: each curve is whatever this run of the engine produces.
 */
import { type ReactElement, useEffect, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { LineChart } from '../../app/ui/LineChart';
import { type RunView, useWorkerRun, type WorkerRunControls } from '../../app/ui/training/useWorkerRun';
import { BATCH_SIZE, HELD_OUT, RACE_KINDS, type RaceKind, raceSetup, STEP_CHOICES } from './race';

const COLORS: Record<RaceKind, string> = { sigmoid: 'var(--wrong)', tanh: 'var(--warn)', relu: 'var(--accent)' };
const LABELS: Record<RaceKind, string> = { sigmoid: 'Sigmoid', tanh: 'tanh', relu: 'ReLU' };

/** The validation accuracy after the run's one epoch; null before it ends. */
function accuracyOf(view: RunView): number | null {
  return view.epochs[view.epochs.length - 1]?.valAccuracy ?? null;
}

export function ActivationRace(): ReactElement {
  const [steps, setSteps] = useState<number>(200);
  const [lr, setLr] = useState(0.1);
  const settings = useMemo(() => ({ steps, learningRate: lr }), [steps, lr]);
  // One worker per network: RACE_KINDS is a constant, so the hooks are always called in this order.
  const runs: Record<RaceKind, WorkerRunControls> = {
    sigmoid: useWorkerRun(useMemo(() => raceSetup('sigmoid', settings), [settings])),
    tanh: useWorkerRun(useMemo(() => raceSetup('tanh', settings), [settings])),
    relu: useWorkerRun(useMemo(() => raceSetup('relu', settings), [settings])),
  };
  const views = RACE_KINDS.map((k) => runs[k].view);
  /** Start was pressed and some network is still being rebuilt from an earlier race. */
  const [pending, setPending] = useState(false);

  const allReady = views.every((v) => v.status === 'ready');
  useEffect(() => {
    if (!pending || !allReady) return;
    setPending(false);
    for (const k of RACE_KINDS) runs[k].start();
  });

  const start = (): void => {
    // A finished or stopped race starts afresh: new weights from the same seed, curves cleared.
    for (const k of RACE_KINDS) if (runs[k].view.status !== 'ready') runs[k].reset();
    setPending(true);
  };
  const stop = (): void => {
    setPending(false);
    for (const k of RACE_KINDS) runs[k].pause();
  };

  const running = pending || views.some((v) => v.status === 'running');
  const loading = views.some((v) => v.status === 'loading');
  const failed = views.find((v) => v.status === 'error' || v.status === 'diverged');
  return (
    <div className="act-race" data-testid="activation-race" data-phase={running ? 'training' : 'idle'}>
      <div className="act-knobs">
        <ChoiceGroup
          legend="Steps per network"
          options={STEP_CHOICES.map((v) => ({ value: v, label: String(v) }))}
          value={steps}
          onChange={setSteps}
        />
        <ChoiceGroup
          legend="Learning rate (plain SGD)"
          options={[0.02, 0.1, 0.5].map((v) => ({ value: v, label: String(v) }))}
          value={lr}
          onChange={setLr}
        />
      </div>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={start} disabled={running || loading}>
          Start
        </button>
        <button type="button" className="button" onClick={stop} disabled={!running}>
          Stop
        </button>
      </div>
      <p role="status" className="act-status">
        {running
          ? `Training the three networks side by side (${steps} steps of ${BATCH_SIZE} digits each)…`
          : loading
            ? 'Loading the digits…'
            : 'Press Start to train the three networks side by side.'}
      </p>
      {failed?.message && <p className="field-message--error">{failed.message}</p>}
      <LineChart
        testId="race-chart"
        label="Training loss against step for the sigmoid, tanh and ReLU networks"
        xLabel="training step"
        yLabel="training loss"
        xMax={steps}
        series={RACE_KINDS.map((k) => ({
          id: k,
          label: LABELS[k],
          color: COLORS[k],
          points: runs[k].view.points.map((p) => ({ x: p.step, y: p.loss })),
        }))}
      />
      <p className="act-accuracy" data-testid="race-accuracy">
        Accuracy on {HELD_OUT.toLocaleString('en-GB')} held-out digits after training:{' '}
        {RACE_KINDS.map((k) => {
          const accuracy = accuracyOf(runs[k].view);
          return `${LABELS[k]} ${accuracy === null ? '—' : `${(100 * accuracy).toFixed(1)}%`}`;
        }).join(' · ')}
      </p>
    </div>
  );
}
