/**
 * The fallback for a layer with too many kernel slices to draw: each filter as a bar of its L2
 * norm (over all its input channels), on a linear scale up to the layer's largest.
 */
import type { ReactElement } from 'react';
import type { WireTensor } from '../../engine/worker/protocol';

export function FilterNorms({ filters }: { readonly filters: WireTensor }): ReactElement {
  const f = filters.shape[0] ?? 0;
  const per = f > 0 ? filters.data.length / f : 0;
  const norms = Array.from({ length: f }, (_, i) => {
    let s = 0;
    for (let j = i * per; j < (i + 1) * per; j++) s += filters.data[j]! ** 2;
    return Math.sqrt(s);
  });
  const max = Math.max(...norms, 1e-12);
  return (
    <ol className="filter-norms" aria-label="L2 norm of each filter">
      {norms.map((n, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: filters are positional, with no other identity
        <li key={i} className="filter-cell" data-value={n} title={`Filter ${i}: ‖w‖ = ${n.toPrecision(3)}`}>
          <span className="filter-norm-bar" style={{ height: `${(n / max) * 100}%` }} />
        </li>
      ))}
    </ol>
  );
}
