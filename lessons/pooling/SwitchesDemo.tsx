/**
 * The backward pass of max pooling. Forward (engine maxpool) records which input won each 2×2
 * window; backward (engine maxpoolBackward) sends each output's gradient to that input and
 * nothing anywhere else. Edit the input to move the winners, or edit the output gradient to see
 * where it lands.
 */
import { type ReactElement, useCallback, useMemo, useState } from 'react';
import { TensorGrid } from '../../app/ui/TensorGrid';
import { maxpool, maxpoolBackward } from '../../engine/cpu/maxpool';
import { PoolGrid } from './PoolGrid';

const START_X: readonly number[] = [1, 1, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4];
const START_DY: readonly number[] = [0.1, 0.2, 0.3, 0.4];

const replace = (values: readonly number[], index: number, value: number): number[] =>
  values.map((v, i) => (i === index ? value : v));

export function SwitchesDemo(): ReactElement {
  const [x, setX] = useState<readonly number[]>(START_X);
  const [dy, setDy] = useState<readonly number[]>(START_DY);
  const editX = useCallback((i: number, v: number) => setX((g) => replace(g, i, v)), []);
  const editDy = useCallback((i: number, v: number) => setDy((g) => replace(g, i, v)), []);
  const { y, switches, dx } = useMemo(() => {
    const pooled = maxpool({ shape: [1, 1, 4, 4], data: Float32Array.from(x) }, [2, 2]);
    const grad = new Float32Array(16);
    maxpoolBackward(Float32Array.from(dy), pooled.switches, grad);
    return { y: pooled.y.data, switches: pooled.switches, dx: grad };
  }, [x, dy]);
  const marks = new Map<number, string>(Array.from(switches, (s) => [s, 'is-switch']));

  return (
    <div className="explorer" data-testid="switches-demo">
      <div className="explorer-main">
        <div>
          <p className="grid-title">Forward: input x</p>
          <TensorGrid values={x} rows={4} cols={4} label="Input x" editable onEdit={editX} size="sm" hideCaption />
        </div>
        <div>
          <p className="grid-title">Switches</p>
          <PoolGrid values={x} rows={4} cols={4} label="Winners of each window" marks={marks} testId="switch-map" />
        </div>
        <div>
          <p className="grid-title">y = maxpool 2×2</p>
          <PoolGrid values={y} rows={2} cols={2} label="Pooled output y" testId="switch-y" />
        </div>
      </div>
      <div className="explorer-main">
        <div>
          <p className="grid-title">Backward: gradient ∂L/∂y</p>
          <TensorGrid
            values={dy}
            rows={2}
            cols={2}
            label="Output gradient"
            editable
            onEdit={editDy}
            size="sm"
            hideCaption
          />
        </div>
        <div>
          <p className="grid-title">∂L/∂x, routed through the switches</p>
          <PoolGrid values={dx} rows={4} cols={4} label="Input gradient" marks={marks} testId="switch-dx" />
        </div>
      </div>
    </div>
  );
}
