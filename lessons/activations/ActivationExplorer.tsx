/**
 * The activation explorer: pick a function, see it (solid) and its derivative (dashed) on one
 * plot, and move the input x by dragging or with the arrow keys. The readout shows f(x) and f'(x)
 * as the engine computes them, which is what the forward pass outputs and what the backward pass
 * multiplies the incoming gradient by. Functions with a knob (Leaky ReLU's slope, PReLU's slope,
 * ELU's α, maxout's two lines) show it as a number field.
 */
import { type ReactElement, useMemo } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { FunctionPlot } from '../../app/ui/FunctionPlot';
import { TeX } from '../../app/ui/Math';
import { NumberField } from '../../app/ui/NumberField';
import { UrlNotice } from '../../app/ui/UrlNotice';
import { choiceCodec, numberCodec, recordCodec } from '../../app/ui/urlCodecs';
import { type UrlCodec, useUrlState } from '../../app/ui/urlState';
import {
  ACTIVATIONS,
  type ActivationId,
  type ActivationParams,
  DEFAULT_PARAMS,
  evaluate,
  sample,
  show,
} from './functions';

const X_RANGE: readonly [number, number] = [-5, 5];

// The explorer's state in the lesson's address (app/ui/urlState.ts), bounded as the fields are.
const ID_CODEC = choiceCodec<ActivationId>(ACTIVATIONS.map((a) => a.id));
const X_CODEC = numberCodec(X_RANGE[0], X_RANGE[1]);
const KNOBS = recordCodec({
  leak: numberCodec(0, 1),
  prelu: numberCodec(-1, 1),
  elu: numberCodec(0.01, 3),
  w1: numberCodec(-3, 3),
  b1: numberCodec(-3, 3),
  w2: numberCodec(-3, 3),
  b2: numberCodec(-3, 3),
});
const PARAMS_CODEC: UrlCodec<ActivationParams> = {
  encode: (p) =>
    KNOBS.encode({
      leak: p.leak,
      prelu: p.preluSlope,
      elu: p.eluAlpha,
      w1: p.maxout[0],
      b1: p.maxout[1],
      w2: p.maxout[2],
      b2: p.maxout[3],
    }),
  decode: (text) => {
    const k = KNOBS.decode(text);
    return k && { leak: k.leak, preluSlope: k.prelu, eluAlpha: k.elu, maxout: [k.w1, k.b1, k.w2, k.b2] };
  },
  expected: KNOBS.expected,
};

export function ActivationExplorer(): ReactElement {
  const [id, setId, idNotice] = useUrlState('ae.f', ID_CODEC, 'sigmoid');
  const [x, setX, xNotice] = useUrlState('ae.x', X_CODEC, 1);
  const [params, setParams, paramsNotice] = useUrlState('ae.p', PARAMS_CODEC, DEFAULT_PARAMS);
  const info = ACTIVATIONS.find((a) => a.id === id)!;
  const curves = useMemo(() => sample(id, X_RANGE[0], X_RANGE[1], params), [id, params]);
  const at = evaluate(id, x, params);
  const yValues = [...curves.f, ...curves.df].map((p) => p[1]);
  const yDomain: [number, number] = [Math.min(-1.2, ...yValues), Math.min(5, Math.max(1.2, ...yValues))];
  const setMaxout = (i: number, v: number): void =>
    setParams((p) => ({
      ...p,
      maxout: p.maxout.map((old, j) => (j === i ? v : old)) as [number, number, number, number],
    }));

  return (
    <div className="act-explorer" data-testid="activation-explorer" data-activation={id}>
      <UrlNotice notices={[idNotice, xNotice, paramsNotice]} />
      <ChoiceGroup
        legend="Activation"
        options={ACTIVATIONS.map((a) => ({ value: a.id, label: a.label }))}
        value={id}
        onChange={setId}
      />
      <TeX block tex={info.tex} />
      <div className="act-knobs">
        {id === 'leakyRelu' && (
          <NumberField
            label="Slope α for x < 0"
            value={params.leak}
            min={0}
            max={1}
            step={0.01}
            onChange={(v) => setParams((p) => ({ ...p, leak: v }))}
          />
        )}
        {id === 'prelu' && (
          <NumberField
            label="Learned slope a (its current value)"
            value={params.preluSlope}
            min={-1}
            max={1}
            step={0.05}
            onChange={(v) => setParams((p) => ({ ...p, preluSlope: v }))}
          />
        )}
        {id === 'elu' && (
          <NumberField
            label="α"
            value={params.eluAlpha}
            min={0.01}
            max={3}
            step={0.1}
            onChange={(v) => setParams((p) => ({ ...p, eluAlpha: v }))}
          />
        )}
        {id === 'maxout' &&
          (['w₁', 'b₁', 'w₂', 'b₂'] as const).map((name, i) => (
            <NumberField
              key={name}
              label={name}
              value={params.maxout[i]!}
              min={-3}
              max={3}
              step={0.1}
              onChange={(v) => setMaxout(i, v)}
            />
          ))}
      </div>
      <div className="act-stage">
        <FunctionPlot
          testId="activation-plot"
          label="Input x"
          curves={[
            { id: 'f', label: `${info.label} f(x)`, color: 'var(--accent)', points: curves.f },
            { id: 'df', label: 'derivative f′(x)', color: 'var(--warn)', dashed: true, points: curves.df },
          ]}
          xDomain={X_RANGE}
          yDomain={yDomain}
          x={x}
          onXChange={setX}
          step={0.1}
        />
        <dl className="act-readout" data-testid="activation-readout" data-x={x} data-y={at.y} data-dydx={at.dydx}>
          <dt>x</dt>
          <dd>{show(x)}</dd>
          <dt>f(x)</dt>
          <dd data-testid="fx">{show(at.y)}</dd>
          <dt>f′(x)</dt>
          <dd data-testid="dfx">{show(at.dydx)}</dd>
        </dl>
      </div>
      <p className="act-hint">
        Drag the dashed line, or click the plot and use ← → (Shift for steps of 1, Home / End for the ends).
      </p>
    </div>
  );
}
