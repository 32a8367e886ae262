/**
 * Convolution arithmetic, drawn like the classic animated figures: the input (pale blue) inside its
 * zero padding (dashed), the kernel's footprint (dark, with gaps when dilated) and the output
 * cell it produces (green). Five number fields set N, F, P, S and D; one-click examples load the
 * lecture's cases. The output size comes from engine/spec/arithmetic; when the stride does not
 * fit, the animation stops and ArithmeticFormula explains why and offers the engine's fixes.
 */
import { type ReactElement, useMemo } from 'react';
import { NumberField } from '../../app/ui/NumberField';
import { StepControls, stepperKeyProps } from '../../app/ui/StepControls';
import { UrlNotice } from '../../app/ui/UrlNotice';
import { intCodec, recordCodec } from '../../app/ui/urlCodecs';
import { useUrlState } from '../../app/ui/urlState';
import { useStepper } from '../../app/ui/useStepper';
import { type WindowCell, WindowGrid } from '../../app/ui/WindowGrid';
import { type FitSuggestion, outputSize } from '../../engine/spec/arithmetic';
import { ArithmeticFormula } from './ArithmeticFormula';
import { EXAMPLES, footprint, type Geometry } from './settings';

const START: Geometry = { n: 7, f: 3, p: 0, s: 1, d: 1 };
/** The fields' own bounds, so a link can hold only what the number fields below accept. */
const GEOMETRY_CODEC = recordCodec<Geometry>({
  n: intCodec(1, 12),
  f: intCodec(1, 7),
  p: intCodec(0, 4),
  s: intCodec(1, 5),
  d: intCodec(1, 4),
});

export function ArithmeticExplorer(): ReactElement {
  const [g, setG, notice] = useUrlState('ar.g', GEOMETRY_CODEC, START);
  const result = useMemo(() => outputSize({ size: g.n, kernel: g.f, stride: g.s, padStart: g.p, dilation: g.d }), [g]);
  const out = result.ok ? result.value : 0;
  const stepper = useStepper(out * out, 700);
  const oy = out ? Math.floor(stepper.step / out) : 0;
  const ox = out ? stepper.step % out : 0;
  const taps = useMemo(() => footprint(g, oy, ox), [g, oy, ox]);
  const padded = g.n + 2 * g.p;

  const update = (key: keyof Geometry) => (value: number) => setG((old) => ({ ...old, [key]: value }));
  const apply = (fix: FitSuggestion): void => setG((old) => ({ ...old, p: fix.padding, s: fix.stride }));
  const load = (next: Geometry): void => {
    setG(next);
    stepper.reset();
  };

  const inputCell = (r: number, c: number): WindowCell => {
    const isPad = r < g.p || c < g.p || r >= g.p + g.n || c >= g.p + g.n;
    return { text: isPad ? '0' : '', kind: isPad ? 'pad' : 'input', state: taps.has(`${r},${c}`) ? 'window' : 'idle' };
  };
  const outputCell = (r: number, c: number): WindowCell => {
    const i = r * out + c;
    return { text: '', kind: 'output', state: i === stepper.step ? 'current' : i < stepper.step ? 'done' : 'idle' };
  };
  const cellSize = padded > 11 ? 'sm' : 'md';

  return (
    <div className="arith" data-testid="arith-explorer" data-output={out} data-step={stepper.step}>
      <UrlNotice notices={[notice]} />
      <div className="arith-fields">
        <NumberField label="Input size N" value={g.n} onChange={update('n')} min={1} max={12} integer />
        <NumberField label="Kernel size F" value={g.f} onChange={update('f')} min={1} max={7} integer />
        <NumberField label="Padding P" value={g.p} onChange={update('p')} min={0} max={4} integer />
        <NumberField label="Stride S" value={g.s} onChange={update('s')} min={1} max={5} integer />
        <NumberField label="Dilation D" value={g.d} onChange={update('d')} min={1} max={4} integer />
      </div>
      <fieldset className="button-row arith-examples">
        <legend>Examples from the lecture</legend>
        {EXAMPLES.map((e) => (
          <button key={e.name} type="button" className="button" onClick={() => load(e.geometry)}>
            {e.name}
          </button>
        ))}
      </fieldset>
      <div className="arith-stage" {...stepperKeyProps(stepper, 'Convolution arithmetic animation')}>
        <div className="arith-grids">
          <div>
            <p className="grid-title">
              Input {g.n}×{g.n}
              {g.p > 0 ? `, padded to ${padded}×${padded}` : ''}
            </p>
            <WindowGrid
              rows={padded}
              cols={padded}
              cell={inputCell}
              label={`Input of ${g.n} by ${g.n} with padding ${g.p}`}
              size={cellSize}
              testId="arith-input"
            />
          </div>
          <div>
            <p className="grid-title">{out ? `Output ${out}×${out}` : 'No output'}</p>
            {out > 0 && (
              <WindowGrid
                rows={out}
                cols={out}
                cell={outputCell}
                label={`Output of ${out} by ${out}`}
                size={cellSize}
                testId="arith-output"
              />
            )}
          </div>
        </div>
        <StepControls stepper={stepper} noun="output position" />
      </div>
      <ArithmeticFormula g={g} result={result} onApply={apply} />
    </div>
  );
}
