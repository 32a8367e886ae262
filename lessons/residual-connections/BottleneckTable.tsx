/**
 * The bottleneck block against basic blocks, at each stage of ResNet-50. All three blocks are
 * specs summarized by the engine, so every parameter and multiply-add count on the page is what a
 * network built from them would have: the bottleneck layer by layer, a basic block of two 3×3
 * convolutions at the same depth, and the basic block ResNet-34 uses at that stage (a quarter of
 * the depth), which the paper pairs with the bottleneck as costing about the same.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { formatCount, summaryResult } from '../../app/ui/summaryResult';
import type { ModelSummary } from '../../engine/spec';
import { basicSpec, bottleneckSpec, STAGES, type Stage, widthOf } from './bottleneck';

interface Row {
  readonly key: string;
  readonly name: string;
  readonly params: number;
  readonly macs: number;
}

/** The conv layers of a summary, one row each. */
function convRows(summary: ModelSummary): Row[] {
  return summary.layers
    .filter((l) => l.type === 'conv2d')
    .map((l) => ({
      key: l.id,
      name: describe(l.inputShape[0] ?? 0, l.outputShape[0] ?? 0, l.id),
      params: l.params,
      macs: l.macs,
    }));
}

const describe = (cin: number, cout: number, id: string): string =>
  `${id === 'conv3x3' ? '3×3' : '1×1'} conv, ${formatCount(cin)} → ${formatCount(cout)}`;

function summaryOf(spec: ReturnType<typeof basicSpec>): ModelSummary | null {
  const result = summaryResult(spec);
  return result.ok ? result.summary : null;
}

export function BottleneckTable(): ReactElement {
  const [depth, setDepth] = useState(256);
  const stage = STAGES.find((s) => s.depth === depth) ?? STAGES[0]!;
  const { bottleneck, basic, small } = useMemo(() => {
    const quarter: Stage = { depth: widthOf(stage), side: stage.side };
    return {
      bottleneck: summaryOf(bottleneckSpec(stage)),
      basic: summaryOf(basicSpec(stage)),
      small: summaryOf(basicSpec(quarter)),
    };
  }, [stage]);

  if (!bottleneck || !basic || !small) return <p className="field-message--error">These blocks could not be built.</p>;
  const ratio = basic.totalParams / bottleneck.totalParams;
  return (
    <div className="explorer" data-testid="bottleneck" data-depth={depth}>
      <ChoiceGroup
        legend="Block depth d (the ResNet-50 stage)"
        options={STAGES.map((s) => ({ value: s.depth, label: `${s.depth}-d` }))}
        value={depth}
        onChange={setDepth}
      />
      <div className="rc-table-scroll">
        <table className="data-table">
          <caption>
            Convolution weights (no biases) and multiply-adds per image on a {stage.side}×{stage.side}×{depth} input
          </caption>
          <thead>
            <tr>
              <th scope="col">Layer or block</th>
              <th scope="col">Parameters</th>
              <th scope="col">Multiply-adds</th>
            </tr>
          </thead>
          <tbody>
            {convRows(bottleneck).map((r) => (
              <tr key={r.key} data-layer={r.key}>
                <td>{r.name}</td>
                <td data-testid="layer-params">{formatCount(r.params)}</td>
                <td>{formatCount(r.macs)}</td>
              </tr>
            ))}
            <tr className="rc-total" data-block="bottleneck">
              <th scope="row">Bottleneck block, {depth}-d</th>
              <td data-testid="bottleneck-params">{formatCount(bottleneck.totalParams)}</td>
              <td data-testid="bottleneck-macs">{formatCount(bottleneck.totalMacs)}</td>
            </tr>
            <tr className="rc-total" data-block="basic">
              <th scope="row">Basic block, two 3×3 at {depth}-d</th>
              <td data-testid="basic-params">{formatCount(basic.totalParams)}</td>
              <td data-testid="basic-macs">{formatCount(basic.totalMacs)}</td>
            </tr>
            <tr className="rc-total" data-block="quarter">
              <th scope="row">Basic block, two 3×3 at {widthOf(stage)}-d (ResNet-34 here)</th>
              <td data-testid="quarter-params">{formatCount(small.totalParams)}</td>
              <td>{formatCount(small.totalMacs)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p data-testid="bottleneck-ratio">
        The basic block at full depth has {ratio.toFixed(1)}× the bottleneck’s weights. The bottleneck costs about as
        much as ResNet-34’s narrower block, yet takes and returns {depth} channels.
      </p>
    </div>
  );
}
