/**
 * Global average pooling: a C×H×W volume becomes C numbers, the mean of each channel (engine
 * globalAvgPool). Below, the engine summarizes a classifier head both ways, flatten + dense
 * against global average pool + dense, to show what the swap does to the parameter count.
 */
import { type ReactElement, useMemo } from 'react';
import { formatCount, summaryResult } from '../../app/ui/summaryResult';
import { TensorGrid } from '../../app/ui/TensorGrid';
import { globalAvgPool } from '../../engine/cpu/globalavgpool';
import type { LayerSpec } from '../../engine/spec';

const C = 3;
const S = 4;
/** Three 4×4 feature maps: a blob, a stripe and a nearly empty map. */
const VOLUME: readonly number[] = [
  0, 1, 1, 0, 1, 4, 5, 1, 1, 5, 4, 1, 0, 1, 1, 0, 2, 2, 2, 2, 0, 0, 0, 0, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 8,
];

function head(pool: 'flatten' | 'globalavgpool'): number {
  const layers: LayerSpec[] = [{ type: 'input', shape: [512, 7, 7] }, { type: pool }, { type: 'dense', units: 1000 }];
  const result = summaryResult({ layers });
  return result.ok ? result.summary.totalParams : Number.NaN;
}

export function GlobalAvgDemo(): ReactElement {
  const means = useMemo(() => globalAvgPool({ shape: [1, C, S, S], data: Float32Array.from(VOLUME) }).data, []);
  const flat = useMemo(() => head('flatten'), []);
  const gap = useMemo(() => head('globalavgpool'), []);
  return (
    <div className="explorer" data-testid="gap-demo">
      <div className="explorer-main">
        {[0, 1, 2].map((c) => (
          <div key={c}>
            <p className="grid-title">Channel {c}</p>
            <TensorGrid
              values={VOLUME.slice(c * S * S, (c + 1) * S * S)}
              rows={S}
              cols={S}
              label={`Channel ${c}`}
              heat="sequential"
              range={[0, 8]}
              size="sm"
              hideCaption
            />
            <p>
              mean = <strong data-testid="gap-mean">{means[c]!.toFixed(3)}</strong>
            </p>
          </div>
        ))}
      </div>
      <table className="data-table">
        <caption>A 1000-class head on a 512×7×7 volume (the end of VGG’s conv stack)</caption>
        <tbody>
          <tr>
            <th scope="row">flatten → dense 1000</th>
            <td data-testid="head-flatten">{formatCount(flat)} parameters</td>
          </tr>
          <tr>
            <th scope="row">global average pool → dense 1000</th>
            <td data-testid="head-gap">{formatCount(gap)} parameters</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
