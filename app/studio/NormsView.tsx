/**
 * Per layer, the L2 norm of its weights and of their latest gradient, as numbers and bars on a
 * log scale (norms span orders of magnitude). Vanishing or exploding gradients show up here first.
 */
import type { ReactElement } from 'react';
import { useStudio } from '../stores/studio';

const fmt = (v: number): string => (v === 0 ? '0' : v < 0.001 || v >= 1000 ? v.toExponential(1) : v.toPrecision(3));

/** Bar length in [0, 1] on a log scale from 1e-6 to the largest value. */
function bar(v: number, max: number): number {
  if (!(v > 0) || !(max > 0)) return 0;
  const lo = Math.log10(Math.min(1e-6, max / 1e6));
  return Math.max(0.02, (Math.log10(v) - lo) / (Math.log10(max) - lo));
}

export function NormsView(): ReactElement {
  const norms = useStudio((s) => s.norms);
  if (norms.length === 0) return <p className="muted">No weights yet.</p>;
  const maxW = Math.max(...norms.map((n) => n.weight));
  const maxG = Math.max(...norms.map((n) => n.gradient));
  return (
    <table className="norms-table" data-testid="norms-view">
      <caption className="studio-caption">L2 norms per layer (bars on a log scale)</caption>
      <thead>
        <tr>
          <th scope="col">layer</th>
          <th scope="col">‖weights‖</th>
          <th scope="col">‖gradient‖</th>
        </tr>
      </thead>
      <tbody>
        {norms.map((n) => (
          <tr key={n.layer} data-layer={n.layer}>
            <th scope="row">{n.layer}</th>
            <td data-testid="weight-norm" data-value={n.weight}>
              <span className="norm-bar" style={{ width: `${bar(n.weight, maxW) * 6}rem` }} />
              {fmt(n.weight)}
            </td>
            <td>
              <span className="norm-bar norm-bar--grad" style={{ width: `${bar(n.gradient, maxG) * 6}rem` }} />
              {fmt(n.gradient)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
