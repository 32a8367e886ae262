/**
 * The activation explorer: pick a function, see it (solid) and its derivative (dashed) on one
 * plot, and move the input x by dragging or with the arrow keys. The readout shows f(x) and f'(x)
 * as the engine computes them, which is what the forward pass outputs and what the backward pass
 * multiplies the incoming gradient by. Functions with a knob (Leaky ReLU's slope, PReLU's slope,
 * ELU's α, maxout's two lines) show it as a number field.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { FunctionPlot } from '../../app/ui/FunctionPlot';
import { TeX } from '../../app/ui/Math';
import { NumberField } from '../../app/ui/NumberField';
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

export function ActivationExplorer(): ReactElement {
  const [id, setId] = useState<ActivationId>('sigmoid');
  const [x, setX] = useState(1);
  const [params, setParams] = useState<ActivationParams>(DEFAULT_PARAMS);
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
