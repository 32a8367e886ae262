/**
 * Big filters versus stacks of small ones, for C input and C output channels: one 7×7 against
 * three 3×3 (VGG), one 5×5 against two 3×3 and one 3×3 against a 3×1 followed by a 1×3
 * (Inception-v3). Each stack is a tiny spec the engine summarizes (no biases, as in the lecture's
 * counts), so the table's C² coefficients are read off the engine's weight counts, not typed in.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { NumberField } from '../../app/ui/NumberField';
import { formatCount, summaryResult } from '../../app/ui/summaryResult';
import type { LayerSpec, ModelSpec, Size2 } from '../../engine/spec';

function convStack(c: number, kernels: readonly Size2[]): ModelSpec {
  const convs: LayerSpec[] = kernels.map((kernel) => ({
    type: 'conv2d',
    filters: c,
    kernel,
    padding: 'same',
    bias: false,
  }));
  return { layers: [{ type: 'input', shape: [c, 16, 16] }, ...convs] };
}

const PAIRS: readonly { big: string; bigK: Size2[]; small: string; smallK: Size2[] }[] = [
  { big: 'one 7×7', bigK: [7], small: 'three 3×3', smallK: [3, 3, 3] },
  { big: 'one 5×5', bigK: [5], small: 'two 3×3', smallK: [3, 3] },
  {
    big: 'one 3×3',
    bigK: [3],
    small: '3×1 then 1×3',
    smallK: [
      [3, 1],
      [1, 3],
    ],
  },
];

function weightsOf(spec: ModelSpec): number {
  const result = summaryResult(spec);
  return result.ok ? result.summary.totalParams : Number.NaN;
}

export function FactorisingTable(): ReactElement {
  const [c, setC] = useState(64);
  const rows = useMemo(
    () =>
      PAIRS.map((p) => ({ ...p, bigW: weightsOf(convStack(c, p.bigK)), smallW: weightsOf(convStack(c, p.smallK)) })),
    [c],
  );
  return (
    <div className="explorer" data-testid="factorising">
      <NumberField label="Channels C (in and out)" value={c} onChange={setC} min={1} max={1024} integer />
      <table className="data-table">
        <caption>Weights of each stack with C = {c} (no biases)</caption>
        <thead>
          <tr>
            <th scope="col">Big filter</th>
            <th scope="col">Weights</th>
            <th scope="col">Stack of small filters</th>
            <th scope="col">Weights</th>
            <th scope="col">Saved</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.big} data-testid="factor-row">
              <th scope="row">{r.big}</th>
              <td data-testid="big-weights">
                {formatCount(r.bigW)} <span className="muted">= {r.bigW / (c * c)}C²</span>
              </td>
              <th scope="row">{r.small}</th>
              <td data-testid="small-weights">
                {formatCount(r.smallW)} <span className="muted">= {r.smallW / (c * c)}C²</span>
              </td>
              <td data-testid="saved">{Math.round((1 - r.smallW / r.bigW) * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
