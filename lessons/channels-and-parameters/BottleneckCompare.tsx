/**
 * 1×1 convolutions as a bottleneck. Compares a 5×5 conv applied directly to a deep input with the
 * same conv applied after a 1×1 layer that first squeezes the channels down to R, as GoogLeNet's
 * Inception modules do. Both stacks are summarized by the engine, so the parameter and
 * multiply-add counts are the ones a network built from these specs would have.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { NumberField } from '../../app/ui/NumberField';
import { formatCount, formatShape, summaryResult } from '../../app/ui/summaryResult';
import type { LayerSpec, ModelSpec } from '../../engine/spec';

function stack(size: number, channels: number, reduce: number | null, filters: number): ModelSpec {
  const layers: LayerSpec[] = [{ type: 'input', shape: [channels, size, size] }];
  if (reduce !== null) layers.push({ type: 'conv2d', filters: reduce, kernel: 1 });
  layers.push({ type: 'conv2d', filters, kernel: 5, padding: 'same' });
  return { layers };
}

export function BottleneckCompare(): ReactElement {
  const [channels, setChannels] = useState(192);
  const [reduce, setReduce] = useState(16);
  const [filters, setFilters] = useState(32);
  const size = 28;
  const rows = useMemo(
    () => [
      { name: '5×5 conv directly', result: summaryResult(stack(size, channels, null, filters)) },
      { name: `1×1 conv to ${reduce}, then 5×5`, result: summaryResult(stack(size, channels, reduce, filters)) },
    ],
    [channels, reduce, filters],
  );
  return (
    <div className="explorer" data-testid="bottleneck">
      <div className="field-row">
        <NumberField label="Input channels" value={channels} onChange={setChannels} min={1} max={1024} integer />
        <NumberField label="1×1 filters R" value={reduce} onChange={setReduce} min={1} max={1024} integer />
        <NumberField label="5×5 filters" value={filters} onChange={setFilters} min={1} max={1024} integer />
      </div>
      <table className="data-table">
        <caption>
          On a {channels}×{size}×{size} input; multiply-adds are per image
        </caption>
        <thead>
          <tr>
            <th scope="col">Stack</th>
            <th scope="col">Output</th>
            <th scope="col">Parameters</th>
            <th scope="col">Multiply-adds</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ name, result }) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {result.ok ? (
                <>
                  <td>{formatShape(result.summary.outputShape)}</td>
                  <td data-testid="bottleneck-params">{formatCount(result.summary.totalParams)}</td>
                  <td data-testid="bottleneck-macs">{formatCount(result.summary.totalMacs)}</td>
                </>
              ) : (
                <td colSpan={3} className="field-message--error">
                  {result.error.detail}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
