/**
 * The output-size formula with the current numbers substituted, and the verdict: the output size,
 * or, when the stride does not tile the padded input, why not in words and which paddings or
 * strides would fit, as buttons that apply the fix. Everything is the engine's: the result of
 * outputSize, its suggestions and explainFits' sentence.
 */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import {
  explainFits,
  type FitSuggestion,
  formatNumber,
  type OutputSizeError,
  type OutputSizeResult,
} from '../../engine/spec/arithmetic';
import type { Geometry } from './settings';

export interface ArithmeticFormulaProps {
  readonly g: Geometry;
  readonly result: OutputSizeResult;
  readonly onApply: (fix: FitSuggestion) => void;
}

export function ArithmeticFormula({ g, result, onApply }: ArithmeticFormulaProps): ReactElement {
  const effK = result.effectiveKernel;
  const value = result.ok ? result.value : result.exact;
  const shown = Number.isNaN(value) ? '?' : formatNumber(value);
  const verdict = result.ok ? `= ${shown}` : `= ${shown}\\quad\\text{(not a valid size)}`;
  const fText = g.d > 1 ? `F_{\\text{eff}}` : 'F';
  return (
    <div className="arith-formula" data-testid="arith-formula">
      {g.d > 1 && (
        <TeX block tex={`F_{\\text{eff}} = D\\,(F-1)+1 = ${g.d}\\cdot(${g.f}-1)+1 = ${effK}`} className="arith-eff" />
      )}
      <TeX
        block
        tex={`W_2 = \\frac{W_1 - ${fText} + 2P}{S} + 1 = \\frac{${g.n} - ${effK} + 2\\cdot ${g.p}}{${g.s}} + 1 ${verdict}`}
      />
      <div
        aria-live="polite"
        data-testid="arith-verdict"
        data-ok={result.ok}
        data-output={result.ok ? result.value : ''}
      >
        {result.ok ? (
          <p className="arith-ok">
            Output: <strong>{`${result.value}×${result.value}`}</strong>. The kernel fits in {result.value} positions
            along each axis.
          </p>
        ) : (
          <Misfit g={g} result={result} onApply={onApply} />
        )}
      </div>
    </div>
  );
}

interface MisfitProps {
  readonly g: Geometry;
  readonly result: OutputSizeError;
  readonly onApply: (fix: FitSuggestion) => void;
}

function Misfit({ g, result, onApply }: MisfitProps): ReactElement {
  const params = { size: g.n, kernel: g.f, stride: g.s, padStart: g.p, dilation: g.d };
  return (
    <div className="arith-misfit">
      <p>
        <strong>No valid output:</strong> {result.reason}.
      </p>
      {result.kind !== 'invalid' && <p>{explainFits(result, params)}</p>}
      {result.suggestions.length > 0 && (
        <fieldset className="button-row arith-fixes">
          <legend>Apply a fix</legend>
          {result.suggestions.map((fix) => (
            <button
              key={`${fix.padding}-${fix.stride}`}
              type="button"
              className="button"
              data-fix-padding={fix.padding}
              data-fix-stride={fix.stride}
              onClick={() => onApply(fix)}
            >
              {fix.stride === g.s ? `Padding ${fix.padding}` : `Stride ${fix.stride}`} → output {fix.output}
            </button>
          ))}
        </fieldset>
      )}
    </div>
  );
}
