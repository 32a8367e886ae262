/**
 * The sliding-window widget's output grid, drawn like WindowGrid (same classes, same data-row,
 * data-col, data-kind and data-state attributes) but with every cell a button: clicking a unit, or
 * Enter or Space on it, picks it so the widget lights its window on the input and writes out its
 * arithmetic. Buttons keep the grid in the normal tab order with no extra key handling.
 */
import type { ReactElement } from 'react';
import type { WindowCell } from '../../app/ui/WindowGrid';
import '../../app/ui/WindowGrid.css';

export interface PickableOutputProps {
  readonly rows: number;
  readonly cols: number;
  readonly cell: (row: number, col: number) => WindowCell;
  readonly onPick: (row: number, col: number) => void;
  readonly label: string;
  readonly testId?: string;
}

export function PickableOutput({ rows, cols, cell, onPick, label, testId }: PickableOutputProps): ReactElement {
  const body: ReactElement[] = [];
  for (let r = 0; r < rows; r++) {
    const tds: ReactElement[] = [];
    for (let c = 0; c < cols; c++) {
      const info = cell(r, c);
      const state = info.state ?? 'idle';
      tds.push(
        <td
          key={c}
          className={`wgrid-cell wgrid-cell--${info.kind} wgrid-cell--${state}`}
          data-row={r}
          data-col={c}
          data-kind={info.kind}
          data-state={state}
        >
          <button
            type="button"
            className="pick-cell"
            aria-label={`Show the arithmetic of output row ${r}, column ${c}`}
            aria-pressed={state === 'current'}
            onClick={() => onPick(r, c)}
          >
            {info.text}
          </button>
        </td>,
      );
    }
    body.push(<tr key={r}>{tds}</tr>);
  }
  return (
    <table className="wgrid wgrid--lg" aria-label={label} data-testid={testId}>
      <tbody>{body}</tbody>
    </table>
  );
}
