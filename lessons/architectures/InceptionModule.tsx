/**
 * The Inception module, built by the student: input depth and map size, and the width of every
 * branch. The widget builds both versions of the module as specs (inceptionSpec.ts) and shows
 * each branch's parameters and multiply-adds from summarize(), naive next to reduced, so the
 * saving from the 1×1 reductions is the engine's count, not a formula typed into the page.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { NumberField } from '../../app/ui/NumberField';
import { formatCount, formatShape, type SummaryResult, summaryResult } from '../../app/ui/summaryResult';
import type { ModelSummary } from '../../engine/spec';
import { InceptionDiagram } from './InceptionDiagram';
import { BRANCHES, INCEPTION_3A, INCEPTION_256, type InceptionWidths, inceptionSpec } from './inceptionSpec';

interface BranchTotals {
  readonly depth: number;
  readonly params: number;
  readonly macs: number;
}

function branch(summary: ModelSummary, key: string): BranchTotals {
  const layers = summary.layers.filter((l) => l.id.startsWith(`${key}_`));
  return {
    depth: layers[layers.length - 1]?.outputShape[0] ?? 0,
    params: layers.reduce((s, l) => s + l.params, 0),
    macs: layers.reduce((s, l) => s + l.macs, 0),
  };
}

const FIELDS: readonly { key: keyof InceptionWidths; label: string; max: number }[] = [
  { key: 'inChannels', label: 'Input depth', max: 2048 },
  { key: 'side', label: 'Map size', max: 112 },
  { key: 'b1', label: '1×1 filters', max: 1024 },
  { key: 'b2red', label: '3×3 reduce (1×1)', max: 1024 },
  { key: 'b2', label: '3×3 filters', max: 1024 },
  { key: 'b3red', label: '5×5 reduce (1×1)', max: 1024 },
  { key: 'b3', label: '5×5 filters', max: 1024 },
  { key: 'pool', label: 'Pool projection (1×1)', max: 1024 },
];

const EXAMPLES = [
  { name: 'GoogLeNet inception (3a)', widths: INCEPTION_3A },
  { name: '256×28×28 example', widths: INCEPTION_256 },
];

function Cells({ result, pick }: { result: SummaryResult; pick: (s: ModelSummary) => BranchTotals }): ReactElement {
  if (!result.ok) return <td colSpan={3}>—</td>;
  const t = pick(result.summary);
  return (
    <>
      <td data-col="depth">{t.depth}</td>
      <td data-col="params">{formatCount(t.params)}</td>
      <td data-col="macs">{formatCount(t.macs)}</td>
    </>
  );
}

export function InceptionModule(): ReactElement {
  const [widths, setWidths] = useState<InceptionWidths>(INCEPTION_3A);
  const [drawn, setDrawn] = useState<'naive' | 'reduced'>('reduced');
  const naive = useMemo(() => summaryResult(inceptionSpec(widths, false)), [widths]);
  const reduced = useMemo(() => summaryResult(inceptionSpec(widths, true)), [widths]);
  const total = (s: ModelSummary): BranchTotals => ({
    depth: s.outputShape[0] ?? 0,
    params: s.totalParams,
    macs: s.totalMacs,
  });
  const error = !naive.ok ? naive.error : !reduced.ok ? reduced.error : null;
  return (
    <div className="explorer" data-testid="inception-module">
      <fieldset className="arch-examples">
        <legend>Start from</legend>
        {EXAMPLES.map((e) => (
          <button
            key={e.name}
            type="button"
            className="button"
            aria-pressed={e.widths === widths}
            onClick={() => setWidths(e.widths)}
          >
            {e.name}
          </button>
        ))}
      </fieldset>
      <div className="arch-fields">
        {FIELDS.map((f) => (
          <NumberField
            key={f.key}
            label={f.label}
            value={widths[f.key]}
            onChange={(v) => setWidths((w) => ({ ...w, [f.key]: v }))}
            min={f.key === 'side' ? 3 : 1}
            max={f.max}
            integer
          />
        ))}
      </div>
      {error && (
        <p className="field-message field-message--error" role="alert">
          {error.message}
        </p>
      )}
      <div className="arch-scroll">
        <table className="data-table" data-testid="inception-table">
          <caption>
            Input {widths.inChannels}×{widths.side}×{widths.side}; multiply-adds per image
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Branch
              </th>
              <th scope="colgroup" colSpan={3}>
                Naive (no 1×1 reductions)
              </th>
              <th scope="colgroup" colSpan={3}>
                With 1×1 reductions
              </th>
            </tr>
            <tr>
              <th scope="col">Depth out</th>
              <th scope="col">Params</th>
              <th scope="col">Mult-adds</th>
              <th scope="col">Depth out</th>
              <th scope="col">Params</th>
              <th scope="col">Mult-adds</th>
            </tr>
          </thead>
          <tbody>
            {BRANCHES.map((b) => (
              <tr key={b.key} data-testid="inception-branch" data-key={b.key}>
                <th scope="row">{b.name}</th>
                <Cells result={naive} pick={(s) => branch(s, b.key)} />
                <Cells result={reduced} pick={(s) => branch(s, b.key)} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="inception-total">
              <th scope="row">Module (concat)</th>
              <Cells result={naive} pick={total} />
              <Cells result={reduced} pick={total} />
            </tr>
          </tfoot>
        </table>
      </div>
      <ChoiceGroup
        legend="Draw"
        options={[
          { value: 'naive', label: 'Naive module' },
          { value: 'reduced', label: 'With 1×1 reductions' },
        ]}
        value={drawn}
        onChange={setDrawn}
      />
      {drawn === 'naive' && naive.ok && <InceptionDiagram summary={naive.summary} title="Naive Inception module" />}
      {drawn === 'reduced' && reduced.ok && (
        <InceptionDiagram summary={reduced.summary} title="Inception module with 1×1 reductions" />
      )}
      {naive.ok && reduced.ok && (
        <p data-testid="inception-ratio">
          Output {formatShape(naive.summary.outputShape)} naive, {formatShape(reduced.summary.outputShape)} with
          reductions. The reductions cut the multiply-adds to{' '}
          {((100 * reduced.summary.totalMacs) / naive.summary.totalMacs).toFixed(1)}% and the parameters to{' '}
          {((100 * reduced.summary.totalParams) / naive.summary.totalParams).toFixed(1)}%.
        </p>
      )}
    </div>
  );
}
