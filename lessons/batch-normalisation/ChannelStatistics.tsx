/**
 * Per-channel statistics of a conv layer's output: a batch of N = 2 samples with C = 2 channels of
 * 3×3 each. Choosing a channel highlights the N·H·W = 18 values its μ and σ² are taken over, one
 * grid from every sample; the statistics are the engine's (`channelStatistics`), and "New values"
 * draws another seeded batch.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { TensorGrid } from '../../app/ui/TensorGrid';
import { channelStatistics } from '../../engine/cpu/batchnorm';
import { createRng } from '../../engine/tensor/rng';
import { fmt } from './format';

const N = 2;
const C = 2;
const H = 3;
const W = 3;
/** The N·C feature maps in display order: one row per sample. */
const MAPS = Array.from({ length: N * C }, (_, i) => ({
  n: Math.floor(i / C),
  c: i % C,
  key: `sample${Math.floor(i / C)}-channel${i % C}`,
}));

/** Channel 0 around 2 and channel 1 around −5 with a wider spread, integers so the sums are easy. */
function drawFeatureMaps(seed: number): Float64Array {
  const rng = createRng(seed * 31 + 5);
  const x = new Float64Array(N * C * H * W);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      for (let i = 0; i < H * W; i++)
        x[(n * C + c) * H * W + i] = Math.round(c === 0 ? 2 + rng.normal() : -5 + 3 * rng.normal());
    }
  }
  return x;
}

export function ChannelStatistics(): ReactElement {
  const [seed, setSeed] = useState(1);
  const [channel, setChannel] = useState(0);
  const x = useMemo(() => drawFeatureMaps(seed), [seed]);
  const dims = { batch: N, channels: C, size: H * W };
  const stats = Array.from({ length: C }, (_, c) => channelStatistics(dims, x, c));
  const grid = (n: number, c: number): Float64Array => x.subarray((n * C + c) * H * W, (n * C + c + 1) * H * W);

  return (
    <div
      className="bn-widget"
      data-testid="channels"
      data-x={JSON.stringify(Array.from(x))}
      data-channel={channel}
      data-mean={stats[channel]!.mean}
      data-variance={stats[channel]!.variance}
    >
      <div className="bn-controls">
        <ChoiceGroup
          legend="Channel"
          options={Array.from({ length: C }, (_, c) => ({ value: c, label: `channel ${c + 1}` }))}
          value={channel}
          onChange={setChannel}
        />
        <button type="button" className="button" onClick={() => setSeed((s) => s + 1)}>
          New values
        </button>
      </div>
      <div className="bn-maps">
        {MAPS.map(({ n, c, key }) => (
          <div key={key} className={c === channel ? 'bn-map bn-map--on' : 'bn-map'}>
            <p className="bn-label">
              sample {n + 1}, channel {c + 1}
            </p>
            <TensorGrid
              values={grid(n, c)}
              rows={H}
              cols={W}
              label={`Sample ${n + 1}, channel ${c + 1}`}
              size="sm"
              hideCaption
            />
          </div>
        ))}
      </div>
      <p aria-live="polite" data-testid="channel-stats">
        Channel {channel + 1}: m = N·H·W = {N}·{H}·{W} = {N * H * W} values, μ = {fmt(stats[channel]!.mean, 4)}, σ² ={' '}
        {fmt(stats[channel]!.variance, 4)}
      </p>
    </div>
  );
}
