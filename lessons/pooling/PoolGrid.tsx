/**
 * A small read-only grid for the pooling lesson that can mark many cells at once: the cells of
 * the hovered window, the max 'switches', the cells a gradient reaches. (The shared TensorGrid
 * marks one cell; pooling needs sets.) Every cell is focusable so keyboard users can inspect
 * windows the way mouse users hover them; `onActive` reports the hovered or focused cell, and
 * `onPick` the cell clicked or chosen with Enter or Space (click a unit, see its arithmetic).
 */
import type { KeyboardEvent, ReactElement } from 'react';

export interface PoolGridProps {
  readonly values: ArrayLike<number>;
  readonly rows: number;
  readonly cols: number;
  readonly label: string;
  /** Extra class per cell index, e.g. 'is-window' or 'is-switch'. */
  readonly marks?: ReadonlyMap<number, string>;
  readonly onActive?: (index: number | null) => void;
  readonly onPick?: (index: number) => void;
  /** The picked cell, announced as selected. */
  readonly picked?: number | null;
  readonly testId?: string;
}

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));

export function PoolGrid(props: PoolGridProps): ReactElement {
  const { values, rows, cols, label, marks, onActive, onPick, picked, testId } = props;
  const onKey = (i: number) => (event: KeyboardEvent<HTMLTableCellElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onPick?.(i);
  };
  const body: ReactElement[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: ReactElement[] = [];
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      cells.push(
        <td
          key={c}
          tabIndex={onActive || onPick ? 0 : undefined}
          aria-current={onPick && picked === i ? 'true' : undefined}
          data-index={i}
          data-row={r}
          data-col={c}
          className={['pgrid-cell', marks?.get(i) ?? ''].filter(Boolean).join(' ')}
          onMouseEnter={onActive ? () => onActive(i) : undefined}
          onFocus={onActive ? () => onActive(i) : undefined}
          onClick={onPick ? () => onPick(i) : undefined}
          onKeyDown={onPick ? onKey(i) : undefined}
        >
          {fmt(values[i] ?? 0)}
        </td>,
      );
    }
    body.push(<tr key={r}>{cells}</tr>);
  }
  return (
    <table
      className="pgrid"
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: role=grid on a table is the ARIA data-grid pattern.
      role="grid"
      aria-label={label}
      data-testid={testId}
      data-pickable={onPick ? '' : undefined}
      onMouseLeave={onActive ? () => onActive(null) : undefined}
    >
      <tbody>{body}</tbody>
    </table>
  );
}
