/**
 * The calculator table's rows. A small model shows one row per layer. A big one (over
 * COLLAPSE_OVER layers) shows its blocks folded into one row each with subtotals, and only the
 * rows of the blocks the student opens, so a 427-layer DenseNet renders a couple of dozen rows
 * rather than hundreds. A block holding the row with an error is always open.
 */
import { type ReactElement, useMemo } from 'react';
import type { LayerSpec } from '../../engine/spec';
import type { Analysis } from './analyse';
import { GroupRow } from './GroupRow';
import { groupRows, groupTotals, type RowGroup } from './groups';
import { LayerRow } from './LayerRow';
import type { LayerEdit } from './specEdit';

export interface CalcBodyProps {
  readonly layers: readonly LayerSpec[];
  readonly analysis: Analysis;
  /** Fold blocks into single rows. */
  readonly folded: boolean;
  /** Keys of the blocks the student opened. */
  readonly open: ReadonlySet<string>;
  readonly onToggle: (key: string) => void;
  readonly onEdit: (edit: LayerEdit) => void;
}

export function CalcBody({ layers, analysis, folded, open, onToggle, onEdit }: CalcBodyProps): ReactElement {
  const errorAt = analysis.error?.layerIndex ?? null;
  const groups = useMemo(
    (): RowGroup[] => (folded ? groupRows(layers) : [{ key: 'all', name: null, first: 0, last: layers.length - 1 }]),
    [folded, layers],
  );
  const row = (i: number): ReactElement => (
    <LayerRow
      // Position keys: rows are edited in place, and a moved row simply shows new content
      // (layers have no stable identity of their own).
      key={i}
      index={i}
      count={layers.length}
      layer={layers[i]!}
      summary={analysis.layers[i]}
      error={errorAt === i ? analysis.error?.detail : undefined}
      onEdit={onEdit}
    />
  );
  const rows: ReactElement[] = [];
  for (const group of groups) {
    const indices = Array.from({ length: group.last - group.first + 1 }, (_, k) => group.first + k);
    if (group.name === null) {
      rows.push(...indices.map(row));
      continue;
    }
    const hasError = errorAt !== null && errorAt >= group.first && errorAt <= group.last;
    const isOpen = hasError || open.has(group.key);
    rows.push(
      <GroupRow
        key={group.key}
        group={group}
        totals={groupTotals(group, analysis.layers)}
        open={isOpen}
        onToggle={onToggle}
      />,
    );
    if (isOpen) rows.push(...indices.map(row));
  }
  return <tbody>{rows}</tbody>;
}
