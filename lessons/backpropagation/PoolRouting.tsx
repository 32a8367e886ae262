/**
 * Max-pool backward as routing. A 4×4 input is pooled 2×2; the engine records each window's
 * winner (its switch). Backward sends each upstream gradient to that one input and zero to the
 * other three. Hovering or focusing a cell of ∂L/∂y marks where its gradient lands.
 */
import { type ReactElement, useMemo, useState } from 'react';
import type { GridCell } from '../../app/ui/TensorGrid';
import { TensorGrid } from '../../app/ui/TensorGrid';
import { json } from './format';
import { poolCase } from './smallGrids';

export function PoolRouting(): ReactElement {
  const [seed, setSeed] = useState(1);
  const [active, setActive] = useState<GridCell | null>(null);
  const c = useMemo(() => poolCase(seed), [seed]);
  const target = active ? c.switches[active.index] : undefined;
  return (
    <div className="bp-widget" data-testid="pool-routing" data-x={json(c.x)} data-dy={json(c.dy)} data-dx={json(c.dx)}>
      <div className="bp-grids">
        <Card name="x (input)" values={c.x} size={4} highlight={target} heat="sequential" />
        <Card name="y = maxpool(x)" values={c.y} size={2} highlight={active?.index} heat="sequential" />
        <Card name="∂L/∂y (upstream)" values={c.dy} size={2} onActive={setActive} highlight={active?.index} />
        <Card name="∂L/∂x (routed)" values={c.dx} size={4} highlight={target} />
      </div>
      <p className="bp-readout" aria-live="polite" data-testid="pool-readout">
        {active && target !== undefined
          ? `Window (${active.row}, ${active.col}): its max ${c.x[target]} sits at row ${Math.floor(target / 4)}, column ${target % 4} of x, so ∂L/∂x there = ${c.dy[active.index]}; the other three get 0.`
          : 'Hover or focus a cell of ∂L/∂y to see where its gradient goes.'}
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => setSeed((s) => s + 1)}>
          New numbers
        </button>
      </div>
    </div>
  );
}

interface CardProps {
  readonly name: string;
  readonly values: ArrayLike<number>;
  readonly size: number;
  readonly highlight?: number;
  readonly heat?: 'sequential' | 'diverging';
  readonly onActive?: (cell: GridCell | null) => void;
}

function Card({ name, values, size, highlight, heat = 'diverging', onActive }: CardProps): ReactElement {
  return (
    <div className="bp-grid-card">
      <p className="bp-grid-name">{name}</p>
      <TensorGrid
        values={values}
        rows={size}
        cols={size}
        label={name}
        heat={heat}
        size="sm"
        highlight={highlight}
        onActiveCell={onActive}
        hideCaption
      />
    </div>
  );
}
