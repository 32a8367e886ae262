/**
 * The sliding window, step by step. A small input and a kernel, both editable; the kernel slides
 * over every position the input allows, and at each one the widget lights the window, notes which
 * weight multiplies each pixel, writes the multiply-add out, and fills in one more output cell.
 * A toggle switches between cross-correlation (what the engine and every framework compute) and
 * textbook convolution (the same, with the kernel rotated 180°), so the two results can be
 * compared on the same numbers. All outputs come from the engine (correlate.ts).
 */
import { type ReactElement, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { NumberField } from '../../app/ui/NumberField';
import { StepControls, stepperKeyProps } from '../../app/ui/StepControls';
import { UnitArithmetic } from '../../app/ui/UnitArithmetic';
import { convUnitAt } from '../../app/ui/UnitArithmeticMath';
import { UrlNotice } from '../../app/ui/UrlNotice';
import { choiceCodec, numberCodec, squareCodec } from '../../app/ui/urlCodecs';
import { useUrlState } from '../../app/ui/urlState';
import { useStepper } from '../../app/ui/useStepper';
import { type WindowCell, WindowGrid } from '../../app/ui/WindowGrid';
import { correlate, flipKernel } from './correlate';
import { LECTURE_INPUT, LECTURE_KERNEL } from './examples';
import { ModeToggle, type SlideMode } from './ModeToggle';
import { PickableOutput } from './PickableOutput';
import { EDIT_MAX, EDIT_MIN, SquareEditor } from './SquareEditor';
import { fmt, resizeSquare } from './squares';

// The widget's state in the lesson's address (app/ui/urlState.ts): a link reproduces an example.
const INPUT_CODEC = squareCodec({ minSize: 2, maxSize: 6, min: EDIT_MIN, max: EDIT_MAX });
const KERNEL_CODEC = squareCodec({ minSize: 1, maxSize: 6, min: EDIT_MIN, max: EDIT_MAX });
const MODE_CODEC = choiceCodec<SlideMode>(['correlation', 'convolution']);
const BIAS_CODEC = numberCodec(-99, 99);
const ACTIVATION_CODEC = choiceCodec<'none' | 'relu'>(['none', 'relu']);

export function SlidingWindow(): ReactElement {
  const [input, setInput, inputNotice] = useUrlState<readonly number[]>('sw.in', INPUT_CODEC, LECTURE_INPUT);
  const [linkedKernel, setKernel, kernelNotice] = useUrlState<readonly number[]>('sw.k', KERNEL_CODEC, LECTURE_KERNEL);
  const [mode, setMode, modeNotice] = useUrlState('sw.m', MODE_CODEC, 'correlation');
  const [bias, setBias, biasNotice] = useUrlState('sw.b', BIAS_CODEC, 0);
  const [relu, setRelu, reluNotice] = useUrlState('sw.a', ACTIVATION_CODEC, 'none');
  const n = Math.round(Math.sqrt(input.length));
  // A link's kernel larger than its input cannot slide: the lecture's kernel is used instead.
  const kernelFits = Math.round(Math.sqrt(linkedKernel.length)) <= n;
  const kernel = kernelFits ? linkedKernel : LECTURE_KERNEL;
  const k = Math.round(Math.sqrt(kernel.length));
  const fitNotice = kernelFits
    ? null
    : `The link’s kernel is larger than its ${n}×${n} input; the lecture’s kernel is shown.`;
  /**
   * A unit the student clicked, and the stepper's step when they did: stepping (which moves
   * stepper.step) hands control back to the stepper.
   */
  const [pickedAt, setPickedAt] = useState<{ index: number; step: number } | null>(null);

  const slid = useMemo(() => (mode === 'convolution' ? flipKernel(kernel) : kernel), [mode, kernel]);
  const image = useMemo(() => ({ rows: n, cols: n, values: input }), [n, input]);
  const activation = relu === 'relu' ? 'relu' : null;
  const out = useMemo(() => correlate(image, slid, k, bias, activation), [image, slid, k, bias, activation]);
  const stepper = useStepper(out.rows * out.cols);
  const { step, pause } = stepper;
  const picked = pickedAt !== null && pickedAt.step === step ? pickedAt.index : null;
  const position = picked !== null && picked < out.rows * out.cols ? picked : step;
  const oy = out.cols ? Math.floor(position / out.cols) : 0;
  const ox = out.cols ? position % out.cols : 0;
  const pick = (r: number, c: number): void => {
    pause();
    setPickedAt({ index: r * out.cols + c, step });
  };

  const changeN = (m: number): void => {
    setInput((v) => resizeSquare(v, n, m, (r, c) => (r * 7 + c * 3 + 2) % 10));
    if (k > m) changeK(m);
  };
  const changeK = (m: number): void => {
    setKernel(resizeSquare(kernel, k, m, () => 1));
  };
  const restore = (): void => {
    setInput([...LECTURE_INPUT]);
    setKernel([...LECTURE_KERNEL]);
    setBias(0);
    setRelu('none');
    setPickedAt(null);
    stepper.reset();
  };
  const inWindow = (r: number, c: number): boolean => r >= oy && r < oy + k && c >= ox && c < ox + k;
  const inputCell = (r: number, c: number): WindowCell => ({
    text: fmt(input[r * n + c]!),
    kind: 'input',
    state: inWindow(r, c) ? 'window' : 'idle',
    note: inWindow(r, c) ? `×${fmt(slid[(r - oy) * k + (c - ox)]!)}` : undefined,
  });
  const outputCell = (r: number, c: number): WindowCell => {
    const index = r * out.cols + c;
    const state = index === position ? 'current' : index < step ? 'done' : 'idle';
    return { text: state === 'idle' ? '?' : fmt(out.values[index]!), kind: 'output', state };
  };

  return (
    <div className="sliding" data-testid="sliding-window" data-mode={mode}>
      <UrlNotice notices={[inputNotice, kernelNotice, fitNotice, modeNotice, biasNotice, reluNotice]} />
      <div className="sliding-controls">
        <NumberField label="Input size" value={n} onChange={changeN} min={2} max={6} integer />
        <NumberField label="Kernel size" value={k} onChange={changeK} min={1} max={n} integer />
        <ModeToggle mode={mode} onChange={setMode} />
        <NumberField label="Bias b" value={bias} onChange={setBias} min={-99} max={99} />
        <ChoiceGroup
          legend="Activation"
          options={[
            { value: 'none', label: 'none' },
            { value: 'relu', label: 'ReLU' },
          ]}
          value={relu}
          onChange={setRelu}
        />
        <button type="button" className="button" onClick={restore}>
          Lecture example
        </button>
      </div>
      <div className="sliding-stage" {...stepperKeyProps(stepper, 'Sliding window animation')}>
        <div className="sliding-grids">
          <SquareEditor
            title="Input"
            n={n}
            values={input}
            onChange={setInput}
            cell={inputCell}
            size="lg"
            testId="input"
          />
          <SquareEditor title="Kernel" n={k} values={kernel} onChange={setKernel} size="lg" testId="kernel">
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
          </SquareEditor>
          <div>
            <p className="grid-title">
              Output ({out.rows}×{out.cols}): click a unit
            </p>
            <PickableOutput
              rows={out.rows}
              cols={out.cols}
              cell={outputCell}
              onPick={pick}
              label="Output"
              testId="output"
            />
          </div>
        </div>
        <StepControls stepper={stepper} noun="window position" />
        <p className="muted sliding-keys">
          Keys: <kbd>→</kbd> step, <kbd>←</kbd> back, <kbd>Home</kbd> reset, <kbd>Space</kbd> play or pause (with this
          panel focused).
        </p>
        {out.rows > 0 && (
          <UnitArithmetic
            unit={convUnitAt(
              {
                input: { channels: 1, height: n, width: n, data: input },
                weight: slid,
                bias: [bias],
                filters: 1,
                groups: 1,
                geometry: { kernel: [k, k], stride: [1, 1], pad: [0, 0] },
                activation,
              },
              0,
              oy,
              ox,
              out.values[position] ?? 0,
            )}
            title={`Output row ${oy}, column ${ox}${picked !== null ? ' (clicked)' : ''}`}
            format={fmt}
            row={oy}
            col={ox}
            testId="working"
          />
        )}
      </div>
    </div>
  );
}
