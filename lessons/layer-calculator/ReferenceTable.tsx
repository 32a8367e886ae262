/**
 * The lecture's reference numbers as the engine computes them from the preset specs: AlexNet's
 * five conv weight counts (two-GPU layers as groups = 2) and the total parameters of VGG A to E.
 * Nothing here is typed in: change a preset and this table changes with it.
 */
import type { ReactElement } from 'react';
import { formatCount, summaryResult } from '../../app/ui/summaryResult';
import { PRESETS } from '../../engine/spec';

const VGG_KEYS = ['vgg-a', 'vgg-b', 'vgg-c', 'vgg-d', 'vgg-e'] as const;

function summaryOf(key: string): ReturnType<typeof summaryResult> {
  const spec = PRESETS[key]?.spec;
  return spec ? summaryResult(spec) : summaryResult({ layers: [] });
}

export function AlexNetTable(): ReactElement {
  const result = summaryOf('alexnet');
  if (!result.ok) return <p className="field-message--error">{result.error.message}</p>;
  const convs = result.summary.layers.filter((l) => l.resolved.type === 'conv2d');
  return (
    <table className="data-table" data-testid="alexnet-table">
      <caption>AlexNet’s conv layers (3×227×227 input)</caption>
      <thead>
        <tr>
          <th scope="col">Layer</th>
          <th scope="col">Filters × kernel</th>
          <th scope="col">Groups</th>
          <th scope="col">Input depth</th>
          <th scope="col">Weights</th>
        </tr>
      </thead>
      <tbody>
        {convs.map((l) => {
          const r = l.resolved.type === 'conv2d' ? l.resolved : null;
          return (
            <tr key={l.id} data-testid="alexnet-row" data-id={l.id}>
              <th scope="row">{l.id}</th>
              <td>
                {r?.filters} × {r?.kernel.join('×')}
              </td>
              <td>{r?.groups}</td>
              <td>{l.inputShape[0]}</td>
              <td data-col="weights">{formatCount(l.weights)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function VggTable(): ReactElement {
  return (
    <table className="data-table" data-testid="vgg-table">
      <caption>VGG configurations A–E (3×224×224 input), total parameters</caption>
      <thead>
        <tr>
          <th scope="col">Configuration</th>
          <th scope="col">Parameters</th>
          <th scope="col">Millions</th>
        </tr>
      </thead>
      <tbody>
        {VGG_KEYS.map((key) => {
          const result = summaryOf(key);
          const total = result.ok ? result.summary.totalParams : Number.NaN;
          return (
            <tr key={key} data-testid="vgg-row" data-key={key}>
              <th scope="row">{PRESETS[key]?.title}</th>
              <td data-col="params">{formatCount(total)}</td>
              <td>{Math.round(total / 1e6)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
