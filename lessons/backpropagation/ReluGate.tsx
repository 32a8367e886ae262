/**
 * ReLU backward as a gate: where the forward input was positive the upstream gradient passes
 * unchanged, elsewhere it is blocked (multiplied by 0). Four grids side by side: z, the gate
 * [z > 0], the upstream gradient, and the engine's activationBackward result.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { TensorGrid } from '../../app/ui/TensorGrid';
import { json } from './format';
import { reluCase } from './smallGrids';

export function ReluGate(): ReactElement {
  const [seed, setSeed] = useState(1);
  const c = useMemo(() => reluCase(seed), [seed]);
  const grids: readonly [string, Float32Array][] = [
    ['z (forward input)', c.z],
    ['gate [z > 0]', c.gate],
    ['∂L/∂ReLU(z) (upstream)', c.dy],
    ['∂L/∂z = upstream ⊙ gate', c.dx],
  ];
  return (
    <div className="bp-widget" data-testid="relu-gate" data-z={json(c.z)} data-dy={json(c.dy)} data-dx={json(c.dx)}>
      <div className="bp-grids">
        {grids.map(([name, values]) => (
          <div key={name} className="bp-grid-card">
            <p className="bp-grid-name">{name}</p>
            <TensorGrid values={values} rows={4} cols={4} label={name} heat="diverging" size="sm" hideCaption />
          </div>
        ))}
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={() => setSeed((s) => s + 1)}>
          New numbers
        </button>
      </div>
    </div>
  );
}
