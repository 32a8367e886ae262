/**
 * The folded row of a block of layers (see groups.ts): its name and layer count on a button that
 * opens or closes it, then its output shape and the sums of its rows' weights, biases, parameters
 * and multiply-adds, all from the engine's per-layer summaries.
 */
import { memo, type ReactElement } from 'react';
import { formatCount, formatShape } from '../../app/ui/summaryResult';
import type { GroupTotals, RowGroup } from './groups';

export interface GroupRowProps {
  readonly group: RowGroup;
  readonly totals: GroupTotals | null;
  readonly open: boolean;
  readonly onToggle: (key: string) => void;
}

function Row({ group, totals, open, onToggle }: GroupRowProps): ReactElement {
  const count = group.last - group.first + 1;
  const dash = <span className="muted">—</span>;
  return (
    <tr className="calc-group" data-testid="calc-group" data-group={group.name} data-open={open}>
      <th scope="row">
        {group.first}–{group.last}
      </th>
      <td colSpan={2}>
        <button type="button" className="calc-group-toggle" aria-expanded={open} onClick={() => onToggle(group.key)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {group.name}{' '}
          <span className="muted">({count} layers)</span>
        </button>
      </td>
      <td data-col="out">{totals ? formatShape(totals.outputShape) : dash}</td>
      <td data-col="weights">{totals ? formatCount(totals.weights) : dash}</td>
      <td data-col="biases">{totals ? formatCount(totals.biases) : dash}</td>
      <td data-col="params">{totals ? formatCount(totals.params) : dash}</td>
      <td data-col="macs">{totals ? formatCount(totals.macs) : dash}</td>
      <td />
    </tr>
  );
}

export const GroupRow = memo(Row);
