/**
 * The filters of every convolution layer of the trained net, read from the worker's weights.
 * A filter of layer ℓ has one k×k slice per input channel; each layer is one grid with a column
 * per filter and a row per input channel, so the first layer (one input channel, the image) is a
 * single row of small pictures, and a deeper layer shows what each filter does to each map below.
 */
import type { ReactElement } from 'react';
import type { WireTensor } from '../../engine/worker/protocol';
import { useLearned } from './learnedRun';
import { TileCanvas } from './TileCanvas';
import { useWorkerQuery } from './useWorkerQuery';

/** Slices of a [K, C, kh, kw] weight tensor, channel-major: row c holds every filter's slice c. */
export function slicesOf(weight: WireTensor): { slices: Float32Array[]; filters: number; channels: number } {
  const [filters = 1, channels = 1, kh = 1, kw = 1] = weight.shape;
  const slices: Float32Array[] = [];
  for (let c = 0; c < channels; c++) {
    for (let k = 0; k < filters; k++) {
      const at = (k * channels + c) * kh * kw;
      slices.push(weight.data.subarray(at, at + kh * kw));
    }
  }
  return { slices, filters, channels };
}

export function FilterBanks(): ReactElement {
  const { controls, version } = useLearned();
  const summary = controls.view.summary;
  const weights = useWorkerQuery(
    version === null ? null : (run) => run.snapshot('weights', null, 0),
    `weights@${version}`,
  );
  const convs = summary?.layers.filter((l) => l.type === 'conv2d') ?? [];
  if (weights.error) return <p className="field-message--error">{weights.error}</p>;
  if (!weights.value || convs.length === 0) return <p className="muted">Waiting for the net…</p>;
  return (
    <div className="wl-filters" data-testid="filters" data-version={version ?? ''}>
      {convs.map((layer) => {
        const weight = weights.value!.find((t) => t.name === `${layer.id}.weight`);
        if (!weight) return null;
        const { slices, filters, channels } = slicesOf(weight);
        const [, , kh = 1, kw = 1] = weight.shape;
        return (
          <figure
            key={layer.id}
            className="wl-filter-layer"
            data-testid="filter-layer"
            data-layer={layer.id}
            data-filters={filters}
            data-channels={channels}
          >
            <TileCanvas
              tiles={slices}
              height={kh}
              width={kw}
              columns={filters}
              signed
              scale={channels === 1 ? 14 : filters > 16 ? 5 : 8}
              label={`${layer.id}: ${filters} filters, each ${channels} slice${channels === 1 ? '' : 's'} of ${kh}×${kw} weights`}
            />
            <figcaption>
              <strong>{layer.id}</strong>: {filters} filters (columns) × {channels} input channel
              {channels === 1 ? '' : 's'} (rows), {kh}×{kw} each
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}
