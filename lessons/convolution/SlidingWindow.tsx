/**
 * The sliding window, step by step. A small input and a kernel, both editable; the kernel slides
 * over every position the input allows, and at each one the widget lights the window, notes which
 * weight multiplies each pixel, writes the multiply-add out, and fills in one more output cell.
 * A toggle switches between cross-correlation (what the engine and every framework compute) and
 * textbook convolution (the same, with the kernel rotated 180°), so the two results can be
 * compared on the same numbers. All outputs come from the engine (correlate.ts).
 */
import { type ReactElement, useCallback, useMemo, useState } from 'react';
import { NumberField } from '../../app/ui/NumberField';
import { StepControls, stepperKeyProps } from '../../app/ui/StepControls';
import { useStepper } from '../../app/ui/useStepper';
import { type WindowCell, WindowGrid } from '../../app/ui/WindowGrid';
import { correlate, flipKernel, patchAt } from './correlate';
import { LECTURE_INPUT, LECTURE_KERNEL } from './examples';
import { ModeToggle, type SlideMode } from './ModeToggle';
import { SlidingWorking } from './SlidingWorking';
import { fmt, resizeSquare } from './squares';

const set = (values: readonly number[], index: number, value: number): number[] =>
  values.map((v, i) => (i === index ? value : v));

export function SlidingWindow(): ReactElement {
  const [n, setN] = useState(3);
  const [k, setK] = useState(2);
  const [input, setInput] = useState<number[]>([...LECTURE_INPUT]);
  const [kernel, setKernel] = useState<number[]>([...LECTURE_KERNEL]);
  const [mode, setMode] = useState<SlideMode>('correlation');

  const slid = useMemo(() => (mode === 'convolution' ? flipKernel(kernel) : kernel), [mode, kernel]);
  const image = useMemo(() => ({ rows: n, cols: n, values: input }), [n, input]);
  const out = useMemo(() => correlate(image, slid, k), [image, slid, k]);
  const stepper = useStepper(out.rows * out.cols);
  const oy = out.cols ? Math.floor(stepper.step / out.cols) : 0;
  const ox = out.cols ? stepper.step % out.cols : 0;

  const changeN = (m: number): void => {
    setInput((v) => resizeSquare(v, n, m, (r, c) => (r * 7 + c * 3 + 2) % 10));
    setN(m);
    if (k > m) changeK(m);
  };
  const changeK = (m: number): void => {
    setKernel((v) => resizeSquare(v, k, m, () => 1));
    setK(m);
  };
  const restore = (): void => {
    setN(3);
    setK(2);
    setInput([...LECTURE_INPUT]);
    setKernel([...LECTURE_KERNEL]);
    stepper.reset();
  };
  const editInput = useCallback((r: number, c: number, v: number) => setInput((x) => set(x, r * n + c, v)), [n]);
  const editKernel = useCallback((r: number, c: number, v: number) => setKernel((x) => set(x, r * k + c, v)), [k]);

  const inWindow = (r: number, c: number): boolean => r >= oy && r < oy + k && c >= ox && c < ox + k;
  const inputCell = (r: number, c: number): WindowCell => ({
    text: fmt(input[r * n + c]!),
    kind: 'input',
    state: inWindow(r, c) ? 'window' : 'idle',
    note: inWindow(r, c) ? `×${fmt(slid[(r - oy) * k + (c - ox)]!)}` : undefined,
  });
  const outputCell = (r: number, c: number): WindowCell => {
    const index = r * out.cols + c;
    const state = index === stepper.step ? 'current' : index < stepper.step ? 'done' : 'idle';
    return { text: state === 'idle' ? '?' : fmt(out.values[index]!), kind: 'output', state };
  };

  return (
    <div className="sliding" data-testid="sliding-window" data-mode={mode}>
      <div className="sliding-controls">
        <NumberField label="Input size" value={n} onChange={changeN} min={2} max={6} integer />
        <NumberField label="Kernel size" value={k} onChange={changeK} min={1} max={n} integer />
        <ModeToggle mode={mode} onChange={setMode} />
        <button type="button" className="button" onClick={restore}>
          Lecture example
        </button>
      </div>
      <div className="sliding-stage" {...stepperKeyProps(stepper, 'Sliding window animation')}>
        <div className="sliding-grids">
          <div>
            <p className="grid-title">Input (type to edit)</p>
            <WindowGrid rows={n} cols={n} cell={inputCell} label="Input" size="lg" onEdit={editInput} testId="input" />
          </div>
          <div>
            <p className="grid-title">Kernel (type to edit)</p>
            <WindowGrid
              rows={k}
              cols={k}
              cell={(r, c) => ({ text: fmt(kernel[r * k + c]!), kind: 'input' })}
              label="Kernel"
              size="lg"
              onEdit={editKernel}
              testId="kernel"
            />
            {mode === 'convolution' && (
              <>
                <p className="grid-title">Rotated 180°, as convolution slides it</p>
                <WindowGrid
                  rows={k}
                  cols={k}
                  cell={(r, c) => ({ text: fmt(slid[r * k + c]!), kind: 'output' })}
                  label="Flipped kernel"
                  size="lg"
                  testId="flipped-kernel"
                />
              </>
            )}
          </div>
          <div>
            <p className="grid-title">
              Output ({out.rows}×{out.cols})
            </p>
            <WindowGrid rows={out.rows} cols={out.cols} cell={outputCell} label="Output" size="lg" testId="output" />
          </div>
        </div>
        <StepControls stepper={stepper} noun="window position" />
        <p className="muted sliding-keys">
          Keys: <kbd>→</kbd> step, <kbd>←</kbd> back, <kbd>Home</kbd> reset, <kbd>Space</kbd> play or pause (with this
          panel focused).
        </p>
        {out.rows > 0 && (
          <SlidingWorking
            row={oy}
            col={ox}
            patch={patchAt(image, k, oy, ox)}
            kernel={slid}
            value={out.values[stepper.step] ?? 0}
          />
        )}
      </div>
    </div>
  );
}
