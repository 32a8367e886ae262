/**
 * Transposed convolution, step by step: a small editable input (2×2 or 3×3) and kernel, a stride,
 * a padding and an output padding. Each step takes the next input value and adds value·kernel onto
 * the canvas, S cells on from the previous copy, so overlaps add up; padding trims P cells from
 * every side (drawn dashed). The output-size formula is evaluated with the current numbers, and the
 * engine's transposed convolution (transposed.ts) is shown beside the last step for comparison.
 */
import { type ReactElement, useMemo } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { TeX } from '../../app/ui/Math';
import { StepControls, stepperKeyProps } from '../../app/ui/StepControls';
import { UrlNotice } from '../../app/ui/UrlNotice';
import { intCodec, recordCodec, refineCodec, squareCodec } from '../../app/ui/urlCodecs';
import { useUrlState } from '../../app/ui/urlState';
import { useStepper } from '../../app/ui/useStepper';
import { type WindowCell, WindowGrid } from '../../app/ui/WindowGrid';
import { EDIT_MAX, EDIT_MIN, SquareEditor } from '../convolution/SquareEditor';
import { fmt, resizeSquare } from '../convolution/squares';
import {
  canvasSize,
  engineTransposed,
  scatterCanvas,
  type TransposedSettings,
  transposedProblem,
  transposedSize,
} from './transposed';

/** Keeps the top-left block when a square grid grows or shrinks; new cells get `fill`. */
const resize = (values: readonly number[], n: number, m: number, fill: number): number[] =>
  resizeSquare(values, n, m, () => fill);
const choices = (values: readonly number[]) => values.map((v) => ({ value: v, label: String(v) }));

const START_INPUT = [1, 2, 3, 4];
const START_KERNEL = [1, 1, 1, 1, 2, 1, 1, 1, 1];

const START: TransposedSettings = { i: 2, f: 3, s: 2, p: 0, op: 0 };
// The widget's state in the lesson's address (app/ui/urlState.ts), bounded as the choices below.
const SETTINGS_CODEC = refineCodec(
  recordCodec<TransposedSettings>({
    i: intCodec(2, 3),
    f: intCodec(2, 3),
    s: intCodec(1, 3),
    p: intCodec(0, 1),
    op: intCodec(0, 2),
  }),
  (t) => t.op < t.s,
  'output padding smaller than the stride',
);
const GRID_CODEC = squareCodec({ minSize: 2, maxSize: 3, min: EDIT_MIN, max: EDIT_MAX });

export function TransposedConv(): ReactElement {
  const [t, setT, settingsNotice] = useUrlState('tc.t', SETTINGS_CODEC, START);
  const [linkedInput, setInput, inputNotice] = useUrlState<readonly number[]>('tc.in', GRID_CODEC, START_INPUT);
  const [linkedKernel, setKernel, kernelNotice] = useUrlState<readonly number[]>('tc.k', GRID_CODEC, START_KERNEL);
  // A link's grids must match its sizes; one that does not is replaced by the starting grid, resized.
  const inputFits = linkedInput.length === t.i * t.i;
  const kernelFits = linkedKernel.length === t.f * t.f;
  const input = inputFits ? linkedInput : resize(START_INPUT, 2, t.i, 1);
  const kernel = kernelFits ? linkedKernel : resize(START_KERNEL, 3, t.f, 1);
  const fitNotice =
    inputFits && kernelFits ? null : 'The link’s grids do not match its sizes; the starting grids are shown.';
  const problem = transposedProblem(t);
  const stepper = useStepper(t.i * t.i);
  const step = stepper.step;
  const n = canvasSize(t);
  const o = transposedSize(t);
  const canvas = useMemo(() => scatterCanvas(t, input, kernel, step), [t, input, kernel, step]);
  const engine = useMemo(() => (problem ? null : engineTransposed(t, input, kernel)), [t, input, kernel, problem]);

  const change = (key: keyof TransposedSettings) => (value: number) => {
    if (key === 'i') setInput(resize(input, t.i, value, 1));
    if (key === 'f') setKernel(resize(kernel, t.f, value, 1));
    setT((prev) => {
      const next = { ...prev, [key]: value };
      return { ...next, op: Math.min(next.op, next.s - 1) };
    });
    stepper.reset();
  };

  const a = Math.floor(step / t.i);
  const b = step % t.i;
  const kept = (r: number, c: number): boolean => r >= t.p && c >= t.p && r < t.p + o && c < t.p + o;
  const canvasCell = (r: number, c: number): WindowCell => {
    const index = r * n + c;
    const state = canvas.touched.has(index) ? 'current' : canvas.values[index] !== 0 ? 'done' : 'idle';
    return { text: fmt(canvas.values[index]!), kind: kept(r, c) ? 'output' : 'pad', state };
  };
  const value = input[step] ?? 0;

  return (
    <div className="transposed" data-testid="transposed-widget">
      <UrlNotice notices={[settingsNotice, inputNotice, kernelNotice, fitNotice]} />
      <div className="arith-fields">
        <ChoiceGroup legend="Input i×i" options={choices([2, 3])} value={t.i} onChange={change('i')} />
        <ChoiceGroup legend="Kernel F" options={choices([2, 3])} value={t.f} onChange={change('f')} />
        <ChoiceGroup legend="Stride S" options={choices([1, 2, 3])} value={t.s} onChange={change('s')} />
        <ChoiceGroup legend="Padding P" options={choices([0, 1])} value={t.p} onChange={change('p')} />
        <ChoiceGroup
          legend="Output padding"
          options={choices(Array.from({ length: t.s }, (_, j) => j))}
          value={t.op}
          onChange={change('op')}
        />
      </div>
      <output className="transposed-formula" data-testid="tc-formula" data-size={problem ? '' : o}>
        <TeX
          tex={`o = (i - 1)\\,S - 2P + F + \\text{output padding} = (${t.i} - 1)\\cdot ${t.s} - 2\\cdot ${t.p} + ${t.f} + ${t.op} = ${o}`}
        />
        {problem && (
          <span className="field-message--error" role="alert" data-testid="tc-error">
            {' '}
            No output: {problem}.
          </span>
        )}
      </output>
      <div className="arith-stage" {...stepperKeyProps(stepper, 'Transposed convolution steps')}>
        <div className="transposed-grids">
          <SquareEditor
            title="Input"
            n={t.i}
            values={input}
            onChange={setInput}
            cell={(r, c) => ({
              text: fmt(input[r * t.i + c]!),
              kind: 'input',
              state: r === a && c === b ? 'window' : 'idle',
            })}
            label="Transposed convolution input"
            testId="tc-input"
          />
          <SquareEditor
            title="Kernel"
            n={t.f}
            values={kernel}
            onChange={setKernel}
            label="Transposed convolution kernel"
            testId="tc-kernel"
          />
          <div>
            <p className="grid-title">
              Canvas {n}×{n} after step {step + 1} (dashed: trimmed by P)
            </p>
            <WindowGrid rows={n} cols={n} cell={canvasCell} label="Scatter canvas" size="sm" testId="tc-canvas" />
          </div>
        </div>
        <StepControls stepper={stepper} noun="input value" />
        <p className="transposed-step" data-testid="tc-step" aria-live="polite">
          Input row {a}, column {b} holds {fmt(value)}: it adds {fmt(value)} × kernel onto canvas rows {a * t.s}–
          {a * t.s + t.f - 1}, columns {b * t.s}–{b * t.s + t.f - 1}; where copies overlap the values add.
        </p>
      </div>
      {engine && (
        <div>
          <p className="grid-title">
            Output {o}×{o}, from the engine (the same as the canvas without its dashed border once every step is done)
          </p>
          <WindowGrid
            rows={o}
            cols={o}
            cell={(r, c) => ({ text: fmt(engine[r * o + c]!), kind: 'output' })}
            label="Transposed convolution output"
            size="sm"
            testId="tc-output"
          />
        </div>
      )}
    </div>
  );
}
