/**
 * AlexNet's feature maps, 227 -> 55 -> 27 -> 13 -> 6, read from summarize()'s output shapes, with
 * the output-size formula filled in from each layer's resolved kernel, stride and padding. The
 * student can switch the input to the paper's "224": the engine then refuses conv1, because
 * (224 - 11)/4 + 1 is not a whole number, and its message is shown in place of the table.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { formatCount, formatShape, summaryResult } from '../../app/ui/summaryResult';
import { type ModelSpec, PRESETS } from '../../engine/spec';
import { layerFormula, layerSettings } from './layerText';

/** The LRN variant when the engine has it (same shapes and counts), else plain AlexNet. */
function alexnetSpec(): ModelSpec | undefined {
  return PRESETS['alexnet-lrn']?.spec ?? PRESETS.alexnet?.spec;
}

function withInput(spec: ModelSpec, side: number): ModelSpec {
  const [first, ...rest] = spec.layers;
  if (first?.type !== 'input') return spec;
  return { ...spec, layers: [{ ...first, shape: [first.shape[0], side, side] }, ...rest] };
}

const SHOWN = new Set(['input', 'conv2d', 'maxpool', 'lrn', 'dense', 'dropout']);

export function AlexNetShapes(): ReactElement {
  const [side, setSide] = useState<227 | 224>(227);
  const base = alexnetSpec();
  const result = useMemo(() => (base ? summaryResult(withInput(base, side)) : null), [base, side]);
  if (result === null) return <p className="arch-missing">The AlexNet spec is not available in this build.</p>;
  return (
    <div className="explorer" data-testid="alexnet-shapes">
      <ChoiceGroup
        legend="Input size"
        options={[
          { value: 227, label: '227×227' },
          { value: 224, label: '224×224 (as the paper says)' },
        ]}
        value={side}
        onChange={setSide}
      />
      {result.ok ? (
        <div className="arch-scroll">
          <table className="data-table">
            <caption>AlexNet, shapes from the engine (channels × height × width)</caption>
            <thead>
              <tr>
                <th scope="col">Layer</th>
                <th scope="col">Settings</th>
                <th scope="col">Output size</th>
                <th scope="col">Output</th>
                <th scope="col">Params</th>
              </tr>
            </thead>
            <tbody>
              {result.summary.layers
                .filter((l) => SHOWN.has(l.type))
                .map((l) => (
                  <tr key={l.index} data-testid="alexnet-shape-row" data-id={l.id}>
                    <th scope="row">{l.id}</th>
                    <td>{layerSettings(l)}</td>
                    <td>{layerFormula(l)}</td>
                    <td data-col="out">{formatShape(l.outputShape)}</td>
                    <td>{formatCount(l.params)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="field-message field-message--error" role="alert" data-testid="alexnet-error">
          {result.error.message}
        </p>
      )}
    </div>
  );
}
