/**
 * The reference architectures side by side: depth (conv and dense layers on the longest path),
 * total parameters and multiply-adds for one image at the network's input size, every number from
 * summarize() on the engine's preset specs. Summaries are computed once, when the table first renders.
 */
import { type ReactElement, useMemo } from 'react';
import { formatCount, summaryResult } from '../../app/ui/summaryResult';
import { PRESETS } from '../../engine/spec';
import { weightDepth } from './depth';

const KEYS = [
  'alexnet',
  'alexnet-lrn',
  'zfnet',
  'vgg-d',
  'googlenet',
  'resnet18',
  'resnet34',
  'resnet50-paper',
  'resnet50',
  'densenet121',
] as const;

interface Row {
  readonly key: string;
  readonly title: string;
  readonly depth: number | null;
  readonly params: number | null;
  readonly macs: number | null;
  readonly error: string | null;
}

function rowFor(key: string): Row {
  const preset = PRESETS[key];
  const result = summaryResult(preset?.spec ?? { layers: [] });
  const title = preset?.title ?? key;
  if (!result.ok) return { key, title, depth: null, params: null, macs: null, error: result.error.message };
  const { layers, totalParams, totalMacs } = result.summary;
  return { key, title, depth: weightDepth(layers), params: totalParams, macs: totalMacs, error: null };
}

/** Multiply-adds in billions, to two decimals (the papers quote "3.8 billion", "15.3 billion"). */
const billions = (macs: number): string => (macs / 1e9).toFixed(2);

export function ArchitectureTable(): ReactElement {
  const rows = useMemo(() => KEYS.map(rowFor), []);
  return (
    <div className="calc-scroll">
      <table className="data-table" data-testid="arch-table">
        <caption>Reference architectures, counted by the engine from their specs</caption>
        <thead>
          <tr>
            <th scope="col">Network</th>
            <th scope="col">Depth</th>
            <th scope="col">Parameters</th>
            <th scope="col">Mult-adds (billions)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid="arch-row" data-key={r.key}>
              <th scope="row">{r.title}</th>
              {r.error === null ? (
                <>
                  <td data-col="depth">{r.depth}</td>
                  <td data-col="params">{r.params === null ? '—' : formatCount(r.params)}</td>
                  <td data-col="macs">{r.macs === null ? '—' : billions(r.macs)}</td>
                </>
              ) : (
                <td colSpan={3} className="field-message--error">
                  {r.error}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
