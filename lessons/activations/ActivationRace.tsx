/**
 * The live experiment: train the same small network with sigmoid, tanh and ReLU hidden units on
 * the embedded MNIST digits and draw the three training-loss curves on one chart as they arrive.
 * Start runs the three trainings one after another (race.ts); Stop cancels. Nothing here is
 * precomputed: each curve is whatever this run of the engine produces.
 */
import { type ReactElement, useEffect, useRef, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { type ChartPoint, LineChart } from '../../app/ui/LineChart';
import { useMnist } from '../images-are-tensors/useMnist';
import { BATCH_SIZE, RACE_KINDS, Race, type RaceKind } from './race';

const COLORS: Record<RaceKind, string> = { sigmoid: 'var(--wrong)', tanh: 'var(--warn)', relu: 'var(--accent)' };
const LABELS: Record<RaceKind, string> = { sigmoid: 'Sigmoid', tanh: 'tanh', relu: 'ReLU' };
type Curves = Record<RaceKind, readonly ChartPoint[]>;
const EMPTY: Curves = { sigmoid: [], tanh: [], relu: [] };

export function ActivationRace(): ReactElement {
  const mnist = useMnist();
  const [steps, setSteps] = useState(200);
  const [lr, setLr] = useState(0.1);
  const [curves, setCurves] = useState<Curves>(EMPTY);
  const [accuracy, setAccuracy] = useState<Partial<Record<RaceKind, number | null>>>({});
  const [phase, setPhase] = useState<RaceKind | null>(null);
  const race = useRef<Race | null>(null);

  // Leaving the lesson stops the training rather than letting it run on unseen.
  useEffect(() => () => race.current?.stop(), []);

  const start = (): void => {
    if (mnist.status !== 'ready') return;
    setCurves(EMPTY);
    setAccuracy({});
    const r = new Race(
      mnist.dataset,
      { steps, learningRate: lr },
      {
        onLoss: (kind, step, loss) => setCurves((c) => ({ ...c, [kind]: [...c[kind], { x: step, y: loss }] })),
        onDone: (kind, acc) => setAccuracy((a) => ({ ...a, [kind]: acc })),
        onPhase: setPhase,
      },
    );
    race.current = r;
    void r.run();
  };
  const stop = (): void => {
    race.current?.stop();
    setPhase(null);
  };

  const running = phase !== null;
  return (
    <div className="act-race" data-testid="activation-race" data-phase={phase ?? 'idle'}>
      <div className="act-knobs">
        <ChoiceGroup
          legend="Steps per network"
          options={[100, 200, 400].map((v) => ({ value: v, label: String(v) }))}
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
        <button
          type="button"
          className="button button--primary"
          onClick={start}
          disabled={running || mnist.status !== 'ready'}
        >
          Start
        </button>
        <button type="button" className="button" onClick={stop} disabled={!running}>
          Stop
        </button>
      </div>
      <p role="status" className="act-status">
        {mnist.status === 'loading' && 'Loading the digits…'}
        {mnist.status === 'error' && mnist.message}
        {mnist.status === 'ready' &&
          (running
            ? `Training the ${LABELS[phase]} network (${steps} steps of ${BATCH_SIZE} digits)…`
            : 'Press Start to train the three networks in turn.')}
      </p>
      <LineChart
        testId="race-chart"
        label="Training loss against step for the sigmoid, tanh and ReLU networks"
        xLabel="training step"
        yLabel="training loss"
        xMax={steps}
        series={RACE_KINDS.map((k) => ({ id: k, label: LABELS[k], color: COLORS[k], points: curves[k] }))}
      />
      <p className="act-accuracy" data-testid="race-accuracy">
        Accuracy on 1,000 held-out digits after training:{' '}
        {RACE_KINDS.map((k) => `${LABELS[k]} ${accuracy[k] == null ? '—' : `${(100 * accuracy[k]).toFixed(1)}%`}`).join(
          ' · ',
        )}
      </p>
    </div>
  );
}
