/**
 * What one run of the experiment shows: the weights' spread (asked for and actually drawn), the
 * first and last layers' spread, every layer's histogram, and the spread per layer on a log axis.
 */
import type { ReactElement } from 'react';
import type { ExperimentResult } from './experiment';
import { fmt, percent } from './format';
import { LayerHistogram } from './LayerHistogram';
import { StdChart } from './StdChart';

const TARGET_FORMULA: Record<ExperimentResult['settings']['init'], (n: number) => string> = {
  small: () => '',
  large: () => '',
  xavier: (n) => `1/√${n} = `,
  he: (n) => `√(2/${n}) = `,
};

export function ExperimentResults({ result }: { result: ExperimentResult }): ReactElement {
  const { settings, layers } = result;
  const first = layers[0]!.activation;
  const last = layers[layers.length - 1]!.activation;
  const tanh = settings.activation === 'tanh';
  return (
    <div className="init-results">
      <dl className="init-readout" data-testid="run-summary">
        <div>
          <dt>σ of the weights, asked for</dt>
          <dd>
            {TARGET_FORMULA[settings.init](settings.width)}
            <span data-testid="target-std">{result.targetWeightStd.toPrecision(4)}</span>
          </dd>
        </div>
        <div>
          <dt>σ of the weights drawn (layer 1)</dt>
          <dd data-testid="drawn-std">{layers[0]!.weightStd.toPrecision(4)}</dd>
        </div>
        <div>
          <dt>std of the input</dt>
          <dd data-testid="input-std">{fmt(result.input.std)}</dd>
        </div>
        <div>
          <dt>std of layer 1</dt>
          <dd data-testid="first-std">{fmt(first.std)}</dd>
        </div>
        <div>
          <dt>std of layer {layers.length}</dt>
          <dd data-testid="last-std">{fmt(last.std)}</dd>
        </div>
        <div>
          <dt>{tanh ? `layer ${layers.length} with |a| > 0.99` : `layer ${layers.length} at or below 0`}</dt>
          <dd data-testid="last-share">{percent(tanh ? last.saturated : last.nonPositive)}</dd>
        </div>
      </dl>
      <div className="init-hist-grid">
        {layers.map((l) => (
          <LayerHistogram key={l.layer} layer={l} activation={settings.activation} />
        ))}
      </div>
      <StdChart
        label="Standard deviation of each layer's activations, log scale"
        series={[
          {
            id: 'activations',
            label: 'activations',
            color: 'var(--accent)',
            values: layers.map((l) => l.activation.std),
          },
        ]}
      />
    </div>
  );
}
