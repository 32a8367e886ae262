/**
 * Max and average pooling on an editable 6×6 grid. Choose the mode, the window F and the stride S;
 * the output, its size formula with live numbers and the parameter count (always 0) come from the
 * engine (poolMath.ts). Hover or focus an output cell to see its window in the input; click it
 * (or press Enter on it) to keep that window lit and see its arithmetic written out. In max mode the
 * input cells that won a window (the 'switches') are marked.
 */
import { type ReactElement, useCallback, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { TeX } from '../../app/ui/Math';
import { TensorGrid } from '../../app/ui/TensorGrid';
import { UnitArithmetic } from '../../app/ui/UnitArithmetic';
import { poolUnitAt } from '../../app/ui/UnitArithmeticMath';
import { UrlNotice } from '../../app/ui/UrlNotice';
import { choiceCodec, intCodec, squareCodec } from '../../app/ui/urlCodecs';
import { useUrlState } from '../../app/ui/urlState';
import { PoolGrid } from './PoolGrid';
import { type PoolMode, poolGrid, windowCells } from './poolMath';

const N = 6;
export const PLAYGROUND_START: readonly number[] = [
  1, 3, 2, 0, 4, 1, 5, 6, 1, 2, 0, 3, 0, 2, 9, 7, 1, 1, 4, 1, 3, 8, 6, 2, 2, 0, 1, 1, 5, 0, 7, 3, 2, 4, 1, 6,
];

// The widget's state in the lesson's address (app/ui/urlState.ts), bounded as the controls are.
const GRID_CODEC = squareCodec({ minSize: N, maxSize: N, min: -99, max: 99 });
const MODE_CODEC = choiceCodec<PoolMode>(['max', 'avg']);
const STEP_CODEC = intCodec(1, 3);

export function PoolPlayground(): ReactElement {
  const [grid, setGrid, gridNotice] = useUrlState('pp.in', GRID_CODEC, PLAYGROUND_START);
  const [mode, setMode, modeNotice] = useUrlState('pp.m', MODE_CODEC, 'max');
  const [size, setSize, sizeNotice] = useUrlState('pp.f', STEP_CODEC, 2);
  const [stride, setStride, strideNotice] = useUrlState('pp.s', STEP_CODEC, 2);
  const [hovered, setActive] = useState<number | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const result = useMemo(() => poolGrid(grid, N, N, mode, size, stride), [grid, mode, size, stride]);
  const onEdit = useCallback(
    (index: number, value: number) => {
      setGrid((g) => g.map((v, i) => (i === index ? value : v)));
    },
    [setGrid],
  );

  const outCount = result.ok ? result.outH * result.outW : 0;
  const chosen = picked !== null && picked < outCount ? picked : null;
  const active = hovered ?? chosen;
  const marks = new Map<number, string>();
  if (result.ok) {
    for (const s of result.switches) marks.set(s, 'is-switch');
    if (active !== null && active < result.outH * result.outW) {
      const oy = Math.floor(active / result.outW);
      const ox = active % result.outW;
      for (const i of windowCells(oy, ox, size, stride, N)) {
        marks.set(i, marks.get(i) === 'is-switch' ? 'is-switch is-window' : 'is-window');
      }
    }
  }

  return (
    <div className="explorer" data-testid="pool-playground">
      <UrlNotice notices={[gridNotice, modeNotice, sizeNotice, strideNotice]} />
      <div className="explorer-controls">
        <ChoiceGroup
          legend="Mode"
          options={[
            { value: 'max', label: 'max' },
            { value: 'avg', label: 'average' },
          ]}
          value={mode}
          onChange={setMode}
        />
        <ChoiceGroup
          legend="Window F"
          options={[1, 2, 3].map((v) => ({ value: v, label: `${v}×${v}` }))}
          value={size}
          onChange={setSize}
        />
        <ChoiceGroup
          legend="Stride S"
          options={[1, 2, 3].map((v) => ({ value: v, label: String(v) }))}
          value={stride}
          onChange={setStride}
        />
      </div>
      <div className="explorer-main">
        <div>
          <p className="grid-title">
            Input {N}×{N} (type to edit)
          </p>
          <TensorGrid
            values={grid}
            rows={N}
            cols={N}
            label="Pooling input"
            editable
            onEdit={onEdit}
            min={-99}
            max={99}
            size="sm"
          />
        </div>
        <div>
          <p className="grid-title">{mode === 'max' ? 'Windows and switches' : 'Windows'}</p>
          <PoolGrid
            values={grid}
            rows={N}
            cols={N}
            label="Input with the active window marked"
            marks={marks}
            testId="pool-windows"
          />
        </div>
        <div>
          <p className="grid-title">Output</p>
          {result.ok ? (
            <PoolGrid
              values={result.values}
              rows={result.outH}
              cols={result.outW}
              label="Pooling output"
              onActive={setActive}
              onPick={setPicked}
              picked={chosen}
              marks={chosen === null ? undefined : new Map([[chosen, 'is-picked']])}
              testId="pool-output"
            />
          ) : (
            <p className="field-message--error" role="alert" data-testid="pool-error">
              No output: {result.message}.
            </p>
          )}
        </div>
      </div>
      {result.ok && chosen !== null ? (
        <UnitArithmetic
          unit={poolUnitAt(
            mode,
            { channels: 1, height: N, width: N, data: grid },
            { kernel: [size, size], stride: [stride, stride], pad: [0, 0] },
            0,
            Math.floor(chosen / result.outW),
            chosen % result.outW,
            result.values[chosen] ?? 0,
          )}
          title={`Output row ${Math.floor(chosen / result.outW)}, column ${chosen % result.outW}: ${mode === 'max' ? 'max' : 'average'} of its ${size}×${size} window`}
          row={Math.floor(chosen / result.outW)}
          col={chosen % result.outW}
          format={(v) => (Number.isInteger(v) ? String(v) : v.toFixed(2))}
          testId="pool-arithmetic"
        />
      ) : (
        result.ok && <p className="muted">Click an output unit (or focus it and press Enter) to see its arithmetic.</p>
      )}
      <output className="pool-readout" aria-live="polite">
        <TeX tex={result.formula} />
        {result.ok && (
          <span>
            {' '}
            Output <strong data-testid="pool-out-size">{`${result.outH}×${result.outW}`}</strong>, parameters{' '}
            <strong data-testid="pool-params">{result.params}</strong>
          </span>
        )}
      </output>
    </div>
  );
}
