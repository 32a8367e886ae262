/**
 * The backward side of the experiment: the same kind of net, a random unit-Gaussian gradient put
 * on the last layer's output and sent back through every layer by the engine's backward kernels.
 * The chart puts the spread of the activations (forward, read left to right) next to the spread of
 * the gradients (backward, read right to left), so the student sees the same per-layer factor
 * shrink or blow up both. The table adds dL/dW, the update each weight matrix would get.
 */
import { type ReactElement, useState } from 'react';
import { ScrollBox } from '../../app/ui/ScrollBox';
import { ExperimentControls, LECTURE_SETTINGS, type NetSettings } from './ExperimentControls';
import { DEFAULT_BATCH } from './experiment';
import { fmt } from './format';
import { StdChart } from './StdChart';
import { useExperiment } from './useExperiment';

export function GradientFlow(): ReactElement {
  const [settings, setSettings] = useState<NetSettings>(LECTURE_SETTINGS);
  const view = useExperiment({ ...settings, batch: DEFAULT_BATCH });
  return (
    <div className="init-gradients" data-testid="gradient-flow" data-status={view.status}>
      <ExperimentControls value={settings} onChange={setSettings} compact />
      {view.status === 'computing' ? (
        <p className="init-status" role="status">
          Computing: pass {view.done} of {view.total}… <progress max={view.total} value={view.done} />
        </p>
      ) : view.status === 'error' ? (
        <p className="init-error" role="alert">
          {view.message}
        </p>
      ) : (
        <>
          <StdChart
            label="Standard deviation per layer of the activations and of the gradients, log scale"
            series={[
              {
                id: 'activations',
                label: 'activations a',
                color: 'var(--accent)',
                values: view.result.layers.map((l) => l.activation.std),
              },
              {
                id: 'gradients',
                label: 'gradients dL/da',
                color: 'var(--warn)',
                values: view.result.layers.map((l) => l.gradient.std),
              },
            ]}
          />
          <ScrollBox className="init-table-wrap" label="Table of the spreads per layer">
            <table className="init-table" data-testid="gradient-table">
              <caption>
                std per layer; the gradient on layer {view.result.layers.length} is the random one we start from
              </caption>
              <thead>
                <tr>
                  <th scope="col">layer</th>
                  <th scope="col">activations a</th>
                  <th scope="col">dL/da</th>
                  <th scope="col">dL/dW</th>
                </tr>
              </thead>
              <tbody>
                <tr data-layer={0}>
                  <th scope="row">input</th>
                  <td>{fmt(view.result.input.std)}</td>
                  <td data-testid="input-gradient">{fmt(view.result.inputGradient.std)}</td>
                  <td />
                </tr>
                {view.result.layers.map((l) => (
                  <tr key={l.layer} data-layer={l.layer} data-grad={l.gradient.std} data-wgrad={l.weightGradient.std}>
                    <th scope="row">{l.layer}</th>
                    <td>{fmt(l.activation.std)}</td>
                    <td>{fmt(l.gradient.std)}</td>
                    <td>{fmt(l.weightGradient.std)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </>
      )}
    </div>
  );
}
