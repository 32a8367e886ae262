/**
 * One cell of a TensorGrid: a focusable read-only gridcell, or a text input when the grid is
 * editable. An input keeps the user's raw text while it is invalid (showing why via `onProblem`)
 * and reverts to the last valid value on blur, so a grid never holds a non-number.
 */
import { type ChangeEvent, memo, type ReactElement, useEffect, useState } from 'react';
import type { CellColours } from './heat';
import { numberProblem } from './NumberField';

interface TensorGridCellProps {
  readonly index: number;
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly colours: CellColours | undefined;
  readonly marked: boolean;
  readonly editable: boolean;
  readonly validation: { min?: number; max?: number; integer?: boolean };
  readonly onEdit: ((index: number, value: number) => void) | undefined;
  readonly onProblem: (message: string | null) => void;
}

function Cell(props: TensorGridCellProps): ReactElement {
  const { index, row, col, text, colours, marked, editable, validation, onEdit, onProblem } = props;
  const [draft, setDraft] = useState(text);
  useEffect(() => setDraft(text), [text]);
  // Zeros are drawn fainter so the non-zero structure (a digit's strokes) stands out in big grids.
  const className = ['tgrid-cell', marked ? 'tgrid-cell--marked' : '', text === '0' ? 'tgrid-cell--zero' : '']
    .filter(Boolean)
    .join(' ');
  const style = colours ? { background: colours.background, color: colours.color } : undefined;
  const common = { 'data-index': index, 'data-row': row, 'data-col': col, className, style };

  if (!editable) {
    return (
      <td tabIndex={index === 0 ? 0 : -1} {...common}>
        {text}
      </td>
    );
  }
  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const next = event.target.value;
    setDraft(next);
    const problem = numberProblem(next, validation);
    onProblem(problem ? `Row ${row}, column ${col}: ${problem}` : null);
    if (!problem) onEdit?.(index, Number(next));
  };
  return (
    <td className="tgrid-cell-wrap">
      <input
        {...common}
        tabIndex={index === 0 ? 0 : -1}
        inputMode="decimal"
        aria-label={`row ${row}, column ${col}`}
        aria-invalid={numberProblem(draft, validation) !== null}
        value={draft}
        onChange={onChange}
        onFocus={(e) => e.target.select()}
        onBlur={() => {
          setDraft(text);
          onProblem(null);
        }}
      />
    </td>
  );
}

export const TensorGridCell = memo(Cell);
