/**
 * Widget for symmetry.ts: pick how the tiny net starts, take gradient steps, and watch whether the
 * three hidden units ever become different. Every number is the engine's.
 */
import { type ReactElement, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { ScrollBox } from '../../app/ui/ScrollBox';
import { distinctUnits, HIDDEN, INPUT, LEARNING_RATE, pass, type StartMode, startNet, step } from './symmetry';

const MODES = [
  { value: 'zeros' as const, label: 'All zeros' },
  { value: 'constant' as const, label: 'All 0.5' },
  { value: 'random' as const, label: 'Random, σ = 0.5' },
];

const UNITS = Array.from({ length: HIDDEN }, (_, j) => j);

const f3 = (v: number): string => (Math.abs(v) < 5e-4 ? '0.000' : v.toFixed(3));

export function SymmetryDemo(): ReactElement {
  const [mode, setMode] = useState<StartMode>('constant');
  const [state, setState] = useState(() => ({ net: startNet('constant', 1), steps: 0 }));
  const now = pass(state.net);
  const distinct = distinctUnits(state.net);
  const n = INPUT.length;

  const restart = (m: StartMode): void => {
    setMode(m);
    setState({ net: startNet(m, 1), steps: 0 });
  };

  return (
    <div className="init-symmetry" data-testid="symmetry-demo" data-distinct={distinct} data-steps={state.steps}>
      <ChoiceGroup legend="Start every weight at" options={MODES} value={mode} onChange={restart} />
      <div className="init-buttons">
        <button
          type="button"
          className="button button--primary"
          onClick={() => setState((s) => ({ net: step(s.net), steps: s.steps + 1 }))}
        >
          Take a gradient step
        </button>
        <button type="button" className="button" onClick={() => restart(mode)}>
          Start again
        </button>
      </div>
      <p className="init-status">
        Input x = [{INPUT.join(', ')}], target 1, loss ½(y − 1)², learning rate {LEARNING_RATE}. After {state.steps}{' '}
        steps: y = <span data-testid="sym-output">{f3(now.output)}</span>, loss{' '}
        <span data-testid="sym-loss">{f3(now.loss)}</span>
      </p>
      <ScrollBox className="init-table-wrap" label="Table of the units">
        <table className="init-table">
          <thead>
            <tr>
              <th scope="col">unit</th>
              <th scope="col">h = tanh(w·x)</th>
              <th scope="col">incoming weights w</th>
              <th scope="col">their gradient</th>
              <th scope="col">outgoing weight</th>
            </tr>
          </thead>
          <tbody>
            {UNITS.map((j) => (
              <tr key={j} data-unit={j}>
                <th scope="row">{j + 1}</th>
                <td>{f3(now.hidden[j]!)}</td>
                <td className="init-vector">{[...state.net.w1.subarray(j * n, (j + 1) * n)].map(f3).join(' ')}</td>
                <td className="init-vector">{[...now.dw1.subarray(j * n, (j + 1) * n)].map(f3).join(' ')}</td>
                <td>{f3(state.net.w2[j]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <p className="init-status" data-testid="sym-distinct">
        Different hidden units: {distinct} of {HIDDEN}
      </p>
    </div>
  );
}
