/**
 * Plain SGD, momentum and Adam side by side on the same bowl and from the same start, each with
 * its own learning rate (their sensible ranges differ). Every run is the engine's optimiser
 * (createOptimizer) updating a two-weight Param; the stepper walks all three along together and
 * a table reads out each one's position and loss at the current step.
 */
import { type ReactElement, useEffect, useMemo, useState } from 'react';
import { ContourPlot } from '../../app/ui/ContourPlot';
import { NumberField } from '../../app/ui/NumberField';
import { StepControls, stepperKeyProps } from '../../app/ui/StepControls';
import { useStepper } from '../../app/ui/useStepper';
import type { OptimizerConfig } from '../../engine/train/optimizers';
import { fmt } from './format';
import { descend, LEVELS, loss, X_DOMAIN, Y_DOMAIN } from './surface';

const STEPS = 40;

interface Runner {
  readonly id: string;
  readonly label: string;
  readonly config: OptimizerConfig;
  readonly color: string;
  readonly defaultLr: number;
}

const RUNNERS: readonly Runner[] = [
  { id: 'sgd', label: 'SGD', config: { kind: 'sgd' }, color: 'var(--gd-sgd)', defaultLr: 0.03 },
  {
    id: 'momentum',
    label: 'Momentum (μ = 0.9)',
    config: { kind: 'momentum', momentum: 0.9 },
    color: 'var(--gd-momentum)',
    defaultLr: 0.03,
  },
  {
    id: 'adam',
    label: 'Adam (β₁ = 0.9, β₂ = 0.999)',
    config: { kind: 'adam' },
    color: 'var(--gd-adam)',
    defaultLr: 0.3,
  },
];

export function OptimizerCompare(): ReactElement {
  const [rates, setRates] = useState<Record<string, number>>(() =>
    Object.fromEntries(RUNNERS.map((r) => [r.id, r.defaultLr])),
  );
  const runs = useMemo(() => RUNNERS.map((r) => ({ runner: r, run: descend(r.config, rates[r.id]!, STEPS) })), [rates]);
  const stepper = useStepper(STEPS + 1, 250);
  const k = stepper.step;
  // Open on the finished race, so the three paths are visible at once; Play replays it from the start.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount.
  useEffect(() => stepper.toEnd(), []);
  const at = (points: readonly (readonly [number, number])[]): readonly [number, number] =>
    points[Math.min(k, points.length - 1)]!;

  return (
    <div className="gd-widget" data-testid="optimizers" data-step={k}>
      <div className="gd-controls">
        {RUNNERS.map((r) => (
          <NumberField
            key={r.id}
            label={`${r.label}: α`}
            value={rates[r.id]!}
            min={0.001}
            max={1}
            step={0.01}
            onChange={(v) => setRates((old) => ({ ...old, [r.id]: v }))}
          />
        ))}
      </div>
      <div className="gd-stage" {...stepperKeyProps(stepper, 'Optimiser comparison: use the arrow keys to step')}>
        <ContourPlot
          f={loss}
          xDomain={X_DOMAIN}
          yDomain={Y_DOMAIN}
          levels={LEVELS}
          target={[0, 0]}
          paths={runs.map(({ runner, run }) => ({
            id: runner.id,
            label: runner.label,
            color: runner.color,
            points: run.points.slice(0, k + 1),
          }))}
          xLabel="w1"
          yLabel="w2"
          label={`Paths of SGD, momentum and Adam after ${k} steps on the same loss surface`}
          testId="optimizers-plot"
        />
        <table className="gd-table">
          <caption>After {k} steps</caption>
          <thead>
            <tr>
              <th scope="col">Optimiser</th>
              <th scope="col">w1</th>
              <th scope="col">w2</th>
              <th scope="col">L</th>
            </tr>
          </thead>
          <tbody>
            {runs.map(({ runner, run }) => {
              const [w1, w2] = at(run.points);
              return (
                <tr key={runner.id} data-optimizer={runner.id} data-w={JSON.stringify([w1, w2])}>
                  <th scope="row">
                    <span className="plot-swatch" style={{ background: runner.color }} /> {runner.label}
                  </th>
                  <td>{fmt(w1)}</td>
                  <td>{fmt(w2)}</td>
                  <td>{run.diverged && k >= run.points.length - 1 ? 'diverged' : fmt(loss(w1, w2), 4)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <StepControls stepper={stepper} noun="step" />
    </div>
  );
}
