/**
 * The first convolution's filters as images, refreshed while training: at initialisation they are
 * noise; within an epoch on MNIST they become stroke and edge detectors. All filters share one
 * symmetric scale (grey = 0, white = positive, black = negative), so their strengths compare.
 */
import type { ReactElement } from 'react';
import { useStudio } from '../stores/studio';
import { ImageCanvas } from '../ui/ImageCanvas';
import { symmetricRange } from './channelImage';

export function FiltersView(): ReactElement {
  const filters = useStudio((s) => s.filters);
  if (!filters) return <p className="muted">This model has no convolution layer, or it is still being built.</p>;
  const [f = 0, c = 1, kh = 1, kw = 1] = filters.shape;
  const range = symmetricRange(filters.data);
  const per = c * kh * kw;
  const colour = c === 3;
  return (
    <div data-testid="filters-view">
      <p className="studio-caption">
        {filters.name}: {f} filters of {c}×{kh}×{kw}
        {colour ? ' (drawn in colour)' : c > 1 ? ' (channel 0 shown)' : ''}. Grey is 0.
      </p>
      <div className="filter-grid">
        {Array.from({ length: f }, (_, i) => (
          <ImageCanvas
            // biome-ignore lint/suspicious/noArrayIndexKey: filters are positional, with no other identity
            key={i}
            data={filters.data.subarray(i * per, (i + 1) * per)}
            shape={[c, kh, kw]}
            channel={colour ? undefined : 0}
            range={range}
            scale={Math.max(4, Math.round(48 / kw))}
            label={`Filter ${i}`}
          />
        ))}
      </div>
    </div>
  );
}
