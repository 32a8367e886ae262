/**
 * A grid drawn the way the classic convolution-arithmetic figures draw one: input cells, padding
 * cells (dashed, pale) around them, a highlighted window (the kernel's footprint, which may have
 * gaps when the kernel is dilated), and, for an output grid, the cell being computed lit and the
 * cells already computed shaded. The caller describes each cell; the grid only draws, announces
 * nothing itself (the widget around it owns the live readout) and, with `onEdit`, lets the student
 * type into input cells (validated like NumberField; only valid numbers reach `onEdit`).
 * Every cell carries data-row, data-col, data-kind and data-state so tests can read the picture.
 */
import { type ChangeEvent, type ReactElement, useEffect, useState } from 'react';
import { numberProblem } from './NumberField';
import './WindowGrid.css';

export type WindowCellKind = 'input' | 'pad' | 'output';
/** 'window': under the kernel now; 'current': the output being computed; 'done': computed before. */
export type WindowCellState = 'window' | 'current' | 'done' | 'idle';

export interface WindowCell {
  readonly text: string;
  readonly kind: WindowCellKind;
  readonly state?: WindowCellState;
  /** Small corner note, e.g. the kernel weight that multiplies this cell ("×2"). */
  readonly note?: string;
}

export interface WindowGridProps {
  readonly rows: number;
  readonly cols: number;
  readonly cell: (row: number, col: number) => WindowCell;
  /** Accessible name of the grid. */
  readonly label: string;
  readonly size?: 'sm' | 'md' | 'lg';
  /** Makes input cells editable; called with a valid number only. */
  readonly onEdit?: (row: number, col: number, value: number) => void;
  readonly min?: number;
  readonly max?: number;
  readonly testId?: string;
}

export function WindowGrid(props: WindowGridProps): ReactElement {
  const { rows, cols, cell, label, size = 'md', onEdit, min, max, testId } = props;
  const body: ReactElement[] = [];
  for (let r = 0; r < rows; r++) {
    const tds: ReactElement[] = [];
    for (let c = 0; c < cols; c++) {
      const info = cell(r, c);
      const state = info.state ?? 'idle';
      const common = {
        className: `wgrid-cell wgrid-cell--${info.kind} wgrid-cell--${state}`,
        'data-row': r,
        'data-col': c,
        'data-kind': info.kind,
        'data-state': state,
      };
      tds.push(
        onEdit && info.kind === 'input' ? (
          <td key={c} {...common}>
            <EditableValue row={r} col={c} text={info.text} onEdit={onEdit} min={min} max={max} />
            {info.note && <span className="wgrid-note">{info.note}</span>}
          </td>
        ) : (
          <td key={c} {...common}>
            <span className="wgrid-text">{info.text}</span>
            {info.note && <span className="wgrid-note">{info.note}</span>}
          </td>
        ),
      );
    }
    body.push(<tr key={r}>{tds}</tr>);
  }
  return (
    <table className={`wgrid wgrid--${size}`} aria-label={label} data-testid={testId}>
      <tbody>{body}</tbody>
    </table>
  );
}

interface EditableValueProps {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly onEdit: (row: number, col: number, value: number) => void;
  readonly min: number | undefined;
  readonly max: number | undefined;
}

/** Keeps the typed text while it is not a valid number yet, and reverts to the last valid value on blur. */
function EditableValue({ row, col, text, onEdit, min, max }: EditableValueProps): ReactElement {
  const [draft, setDraft] = useState(text);
  useEffect(() => setDraft(text), [text]);
  const problem = numberProblem(draft, { min, max });
  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const next = event.target.value;
    setDraft(next);
    if (numberProblem(next, { min, max }) === null) onEdit(row, col, Number(next));
  };
  return (
    <input
      className="wgrid-input"
      inputMode="decimal"
      aria-label={`row ${row}, column ${col}`}
      aria-invalid={problem !== null}
      title={problem ?? undefined}
      value={draft}
      onChange={onChange}
      onFocus={(e) => e.target.select()}
      onBlur={() => setDraft(text)}
    />
  );
}
