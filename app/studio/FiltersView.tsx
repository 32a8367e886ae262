/**
 * The filters of any convolution layer, refreshed while training. The first layer's filters look
 * at the image itself: at initialisation they are noise; within an epoch on MNIST they become
 * stroke and edge detectors. A deeper layer's filter has one k×k slice per input channel, drawn
 * as a small grid of slices; a layer with too many slices to draw legibly shows each filter's L2
 * norm instead (and says so). One symmetric scale per layer (grey = 0, white = positive,
 * black = negative), so the filters' strengths compare.
 */
import type { ReactElement } from 'react';
import type { WireTensor } from '../../engine/worker/protocol';
import { setFilterLayer, useStudio } from '../stores/studio';
import { ImageCanvas } from '../ui/ImageCanvas';
import { symmetricRange } from './channelImage';
import { FilterNorms } from './FilterNorms';
import { filterLayerOf, markLiveDirty } from './live';
import { SliceGrid } from './SliceGrid';

/** Above this many k×k slices in a layer, the grid would be a grey blur: show norms instead. */
export const MAX_DRAWN_SLICES = 1024;
/** Above this many slices per filter, one filter's grid is too small to read. */
const MAX_SLICES_PER_FILTER = 64;

export function FiltersView(): ReactElement {
  const built = useStudio((s) => s.built);
  const chosen = useStudio((s) => s.filterLayer);
  const filters = useStudio((s) => s.filters);
  const convs = built?.layers.filter((l) => l.type === 'conv2d') ?? [];
  const shown = filterLayerOf(built, chosen);
  if (convs.length === 0 || shown === null) {
    return <p className="muted">This model has no convolution layer, or it is still being built.</p>;
  }
  // Until the live round fetched the picked layer, the store holds another layer's weights.
  const current = filters?.name === `${shown}.weight` ? filters : null;
  return (
    <div data-testid="filters-view">
      <label className="filter-layer-picker">
        Layer{' '}
        <select
          value={shown}
          onChange={(event) => {
            setFilterLayer(event.target.value);
            markLiveDirty();
          }}
        >
          {convs.map((l) => (
            <option key={l.id} value={l.id}>
              {l.id} ({l.outputShape[0]} filters, {l.inputShape[0]} input channel{l.inputShape[0] === 1 ? '' : 's'})
            </option>
          ))}
        </select>
      </label>
      {current ? (
        <LayerFilters filters={current} first={shown === convs[0]?.id} />
      ) : (
        <p className="muted">Fetching the filters…</p>
      )}
    </div>
  );
}

function LayerFilters({ filters, first }: { readonly filters: WireTensor; readonly first: boolean }): ReactElement {
  const [f = 0, c = 1, kh = 1, kw = 1] = filters.shape;
  const range = symmetricRange(filters.data);
  const per = c * kh * kw;
  const colour = first && c === 3;
  if (!colour && (f * c > MAX_DRAWN_SLICES || c > MAX_SLICES_PER_FILTER)) {
    return (
      <>
        <p className="studio-caption" data-testid="filters-caption">
          {filters.name}: {f} filters of {c}×{kh}×{kw} — {(f * c).toLocaleString('en')} slices of {kh}×{kw}, too many to
          draw legibly, so each filter is shown by its L2 norm instead.
        </p>
        <FilterNorms filters={filters} />
      </>
    );
  }
  return (
    <>
      <p className="studio-caption" data-testid="filters-caption">
        {filters.name}: {f} filters of {c}×{kh}×{kw}
        {colour ? ' (drawn in colour)' : c > 1 ? `, each drawn as its ${c} input-channel slices` : ''}. Grey is 0.
      </p>
      <div className={c > 1 && !colour ? 'filter-grid filter-grid--slices' : 'filter-grid'}>
        {Array.from({ length: f }, (_, i) => {
          const data = filters.data.subarray(i * per, (i + 1) * per);
          return c === 1 || colour ? (
            <ImageCanvas
              // biome-ignore lint/suspicious/noArrayIndexKey: filters are positional, with no other identity
              key={i}
              className="filter-cell"
              data={data}
              shape={[c, kh, kw]}
              range={range}
              scale={Math.max(4, Math.round(48 / kw))}
              label={`Filter ${i}`}
            />
          ) : (
            <SliceGrid
              // biome-ignore lint/suspicious/noArrayIndexKey: filters are positional, with no other identity
              key={i}
              data={data}
              slices={c}
              height={kh}
              width={kw}
              range={range}
              label={`Filter ${i}: ${c} slices of ${kh}×${kw}`}
            />
          );
        })}
      </div>
    </>
  );
}
