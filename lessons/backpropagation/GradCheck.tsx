/**
 * Numerical gradient check on the tiny network. Pick any weight or bias; the widget shows the
 * analytic gradient from the engine's backward pass next to the central difference
 * (L(w + h) − L(w − h)) / 2h, each loss from the engine's forward pass, and their relative error.
 * The h slider runs from 10⁻¹ to 10⁻⁷: large h is inaccurate because L curves, tiny h is
 * inaccurate because the engine stores numbers in float32 and w ± h rounds.
 */
import { type ReactElement, useId, useMemo, useState } from 'react';
import { TeX } from '../../app/ui/Math';
import { fmt } from './format';
import { gradientOf, NET_INPUT, NET_PARAMS, netBackward, netForward, nudge, PARAM_REFS } from './tinyNet';

/** Relative error |a − n| / max(|a|, |n|); null when both are 0 (nothing to compare). */
export function relativeError(a: number, n: number): number | null {
  const scale = Math.max(Math.abs(a), Math.abs(n));
  return scale === 0 ? null : Math.abs(a - n) / scale;
}

export function GradCheck(): ReactElement {
  const uid = useId();
  const [which, setWhich] = useState(PARAM_REFS.findIndex((p) => p.name === 'W1[0,1]'));
  const [exponent, setExponent] = useState(-3);
  const ref = PARAM_REFS[which]!;
  const h = 10 ** exponent;

  const analytic = useMemo(() => {
    const fwd = netForward(NET_PARAMS, NET_INPUT);
    return gradientOf(netBackward(NET_PARAMS, NET_INPUT, fwd), ref);
  }, [ref]);
  const plus = netForward(nudge(NET_PARAMS, ref, h), NET_INPUT).loss;
  const minus = netForward(nudge(NET_PARAMS, ref, -h), NET_INPUT).loss;
  const numerical = (plus - minus) / (2 * h);
  const rel = relativeError(analytic, numerical);
  const verdict = rel === null ? 'none' : rel < 1e-4 ? 'good' : rel < 1e-2 ? 'fair' : 'poor';
  const w = NET_PARAMS[ref.tensor][ref.index]!;

  return (
    <div
      className="bp-widget gradcheck"
      data-testid="grad-check"
      data-param={ref.name}
      data-h={h}
      data-analytic={analytic}
      data-numerical={numerical}
      data-rel-error={rel ?? ''}
    >
      <div className="gradcheck-controls">
        <div className="number-field">
          <label htmlFor={`${uid}-param`}>Parameter</label>
          <select id={`${uid}-param`} value={which} onChange={(e) => setWhich(Number(e.target.value))}>
            {PARAM_REFS.map((p, i) => (
              <option key={p.name} value={i}>
                {p.name} = {NET_PARAMS[p.tensor][p.index]}
              </option>
            ))}
          </select>
        </div>
        <div className="number-field bp-slider">
          <label htmlFor={`${uid}-h`}>
            Step h = 10<sup>{exponent}</sup>
          </label>
          <input
            id={`${uid}-h`}
            type="range"
            min={-7}
            max={-1}
            step={0.5}
            value={exponent}
            aria-valuetext={`h = ${h.toExponential(1)}`}
            onChange={(e) => setExponent(Number(e.target.value))}
          />
        </div>
      </div>
      <TeX
        block
        tex={`\\frac{L(w + h) - L(w - h)}{2h} = \\frac{${plus.toFixed(7)} - ${minus.toFixed(7)}}{2 \\times ${texNumber(h)}} = ${numerical.toFixed(6)}`}
      />
      <dl className="bp-readings">
        <div>
          <dt>Weight {ref.name}</dt>
          <dd>{w}</dd>
        </div>
        <div>
          <dt>Analytic (backprop)</dt>
          <dd data-testid="analytic">{analytic.toFixed(6)}</dd>
        </div>
        <div>
          <dt>Numerical</dt>
          <dd data-testid="numerical">{numerical.toFixed(6)}</dd>
        </div>
        <div>
          <dt>Relative error</dt>
          <dd data-testid="rel-error" data-verdict={verdict}>
            {rel === null ? 'both are 0' : rel.toExponential(2)}
          </dd>
        </div>
      </dl>
      <p className="bp-readout" aria-live="polite">
        {verdictText(verdict)}
      </p>
    </div>
  );
}

function texNumber(h: number): string {
  const [mantissa, exp] = h.toExponential(2).split('e');
  return `${fmt(Number(mantissa), 2)}\\times 10^{${Number(exp)}}`;
}

function verdictText(verdict: 'none' | 'good' | 'fair' | 'poor'): string {
  switch (verdict) {
    case 'none':
      return 'Both are exactly 0: the second hidden unit’s ReLU is shut for this input, so the weights into it, and those reading its 0 output, do not affect the loss.';
    case 'good':
      return 'The two agree closely: the backward pass is right for this weight.';
    case 'fair':
      return 'Close, but not to many digits: try another h.';
    case 'poor':
      return 'They disagree noticeably. Here that is h, not a bug: move h towards 10⁻³.';
  }
}
