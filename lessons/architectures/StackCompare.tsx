/**
 * VGG's argument for small filters: three 3×3 convs in a row see a 7×7 patch, exactly as one 7×7
 * conv does, but with 27C² weights instead of 49C² (C channels in and out, no biases, as the
 * lecture counts). The student picks C and the map size; both stacks are specs summarized by the
 * engine, and the receptive field is worked out from the resolved kernels and strides.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { NumberField } from '../../app/ui/NumberField';
import { formatCount, type SummaryResult, summaryResult } from '../../app/ui/summaryResult';
import type { LayerSpec, ModelSpec, ModelSummary } from '../../engine/spec';

function stack(channels: number, side: number, kernel: number, count: number): ModelSpec {
  const conv: LayerSpec = {
    type: 'conv2d',
    filters: channels,
    kernel,
    padding: 'same',
    bias: false,
    activation: 'relu',
  };
  return { layers: [{ type: 'input', shape: [channels, side, side] }, ...Array.from({ length: count }, () => conv)] };
}

/** How many input pixels along one axis one output pixel sees: 1 + Σ (k − 1) · (product of earlier strides). */
export function receptiveField(summary: ModelSummary): number {
  let field = 1;
  let jump = 1;
  for (const l of summary.layers) {
    const r = l.resolved;
    if (r.type !== 'conv2d') continue;
    field += r.dilation[0] * (r.kernel[0] - 1) * jump;
    jump *= r.stride[0];
  }
  return field;
}

interface Row {
  readonly key: string;
  readonly name: string;
  readonly convs: number;
  readonly result: SummaryResult;
}

export function StackCompare(): ReactElement {
  const [channels, setChannels] = useState(64);
  const [side, setSide] = useState(56);
  const rows: Row[] = useMemo(
    () => [
      { key: '3x3', name: 'Three 3×3 convs', convs: 3, result: summaryResult(stack(channels, side, 3, 3)) },
      { key: '7x7', name: 'One 7×7 conv', convs: 1, result: summaryResult(stack(channels, side, 7, 1)) },
    ],
    [channels, side],
  );
  return (
    <div className="explorer" data-testid="stack-compare">
      <div className="arch-fields">
        <NumberField label="Channels C" value={channels} onChange={setChannels} min={1} max={2048} integer />
        <NumberField label="Map size (pixels)" value={side} onChange={setSide} min={7} max={224} integer />
      </div>
      <div className="arch-scroll">
        <table className="data-table">
          <caption>
            {channels} channels in and out, on a {side}×{side} map, no biases
          </caption>
          <thead>
            <tr>
              <th scope="col">Stack</th>
              <th scope="col">Receptive field</th>
              <th scope="col">ReLUs</th>
              <th scope="col">Weights</th>
              <th scope="col">Multiply-adds</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, name, convs, result }) => (
              <tr key={key} data-testid="stack-row" data-key={key}>
                <th scope="row">{name}</th>
                {result.ok ? (
                  <>
                    <td data-col="field">
                      {receptiveField(result.summary)}×{receptiveField(result.summary)}
                    </td>
                    <td>{convs}</td>
                    <td data-col="weights">{formatCount(result.summary.totalParams)}</td>
                    <td data-col="macs">{formatCount(result.summary.totalMacs)}</td>
                  </>
                ) : (
                  <td colSpan={4} className="field-message--error">
                    {result.error.detail}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows[0]?.result.ok && rows[1]?.result.ok && (
        <p data-testid="stack-saving">
          The 3×3 stack needs{' '}
          {((100 * rows[0].result.summary.totalParams) / rows[1].result.summary.totalParams).toFixed(1)}% of the 7×7
          conv’s weights (27/49 = 55.1% for any C).
        </p>
      )}
    </div>
  );
}
