/**
 * A 2-D grid of numbers: a matrix, one channel of an image, a kernel, a vector (rows = 1).
 * Optional heat colouring makes structure visible at a glance; hovering or focusing a cell
 * highlights it and announces its index and value in a caption (aria-live), and the arrow keys
 * move between cells (Home/End jump along a row). With `editable`, cells are text inputs validated
 * like NumberField; only valid numbers reach `onEdit`. The cells are memoised separately from the
 * hover state, so moving the pointer over a 28x28 grid re-renders only the caption.
 */
import { type FocusEvent, type KeyboardEvent, type ReactElement, type ReactNode, useMemo, useState } from 'react';
import { type HeatScale, heatColours } from './heat';
import { TensorGridCell } from './TensorGridCell';

export interface GridCell {
  readonly row: number;
  readonly col: number;
  /** Row-major index within the grid: row * cols + col. */
  readonly index: number;
  readonly value: number;
}

export interface TensorGridProps {
  /** rows * cols values in row-major order. */
  readonly values: ArrayLike<number>;
  readonly rows: number;
  readonly cols: number;
  /** Accessible name of the grid, e.g. "Channel 0 of sample 1". */
  readonly label: string;
  readonly heat?: HeatScale;
  /** Value range for the heat scale; defaults to the data's min and max. */
  readonly range?: readonly [number, number];
  readonly format?: (value: number) => string;
  /** Caption text for the active cell; defaults to "row r, column c: value". */
  readonly describe?: (cell: GridCell) => ReactNode;
  /** Called when the hovered/focused cell changes (null when the pointer leaves). */
  readonly onActiveCell?: (cell: GridCell | null) => void;
  /** A cell index to mark, e.g. the element a formula refers to. */
  readonly highlight?: number;
  readonly size?: 'xs' | 'sm' | 'md' | 'lg';
  readonly editable?: boolean;
  readonly onEdit?: (index: number, value: number) => void;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** Hide the caption line (for tiny grids where a parent shows its own readout). */
  readonly hideCaption?: boolean;
}

const defaultFormat = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));

function extent(values: ArrayLike<number>): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return values.length ? [lo, hi] : [0, 1];
}

export function TensorGrid(props: TensorGridProps): ReactElement {
  const { values, rows, cols, label, heat, range, format = defaultFormat, describe, onActiveCell } = props;
  const { highlight, size = 'md', editable = false, onEdit, min, max, integer, hideCaption = false } = props;
  const [active, setActive] = useState<GridCell | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const cells = useMemo(() => {
    const scaleRange = range ?? extent(values);
    const out: ReactElement[] = [];
    for (let r = 0; r < rows; r++) {
      const rowCells: ReactElement[] = [];
      for (let c = 0; c < cols; c++) {
        const index = r * cols + c;
        const value = values[index] ?? 0;
        rowCells.push(
          <TensorGridCell
            key={c}
            index={index}
            row={r}
            col={c}
            text={format(value)}
            colours={heat ? heatColours(value, heat, scaleRange) : undefined}
            marked={index === highlight}
            editable={editable}
            validation={{ min, max, integer }}
            onEdit={onEdit}
            onProblem={setProblem}
          />,
        );
      }
      out.push(
        <tr className="tgrid-row" key={r}>
          {rowCells}
        </tr>,
      );
    }
    return out;
  }, [values, rows, cols, heat, range, format, highlight, editable, onEdit, min, max, integer]);

  const cellFrom = (target: EventTarget): GridCell | null => {
    const el = (target as HTMLElement).closest?.('[data-index]');
    if (!el) return null;
    const index = Number(el.getAttribute('data-index'));
    return { index, row: Math.floor(index / cols), col: index % cols, value: values[index] ?? 0 };
  };
  const activate = (cell: GridCell | null): void => {
    if (cell?.index === active?.index) return;
    setActive(cell);
    onActiveCell?.(cell);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>): void => {
    const cell = cellFrom(event.target);
    if (!cell) return;
    const next = nextIndex(event.key, cell, rows, cols);
    if (next === null) return;
    event.preventDefault();
    const grid = event.currentTarget;
    const from = grid.querySelector<HTMLElement>(`[data-index="${cell.index}"]`);
    const to = grid.querySelector<HTMLElement>(`[data-index="${next}"]`);
    // Roving tabindex: exactly one cell is in the tab order, the one last focused.
    if (from && to) {
      from.tabIndex = -1;
      to.tabIndex = 0;
      to.focus();
    }
  };

  const caption = problem ?? (active ? (describe ?? defaultDescribe(format))(active) : null);
  return (
    <div className={`tgrid tgrid--${size}${editable ? ' tgrid--editable' : ''}`}>
      <div className="tgrid-scroll">
        <table
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: role=grid on a table is the ARIA data-grid pattern.
          role="grid"
          aria-label={label}
          className="tgrid-cells"
          onMouseOver={(e) => activate(cellFrom(e.target))}
          onMouseLeave={() => activate(null)}
          onFocus={(e: FocusEvent) => activate(cellFrom(e.target))}
          onKeyDown={onKeyDown}
        >
          <tbody>{cells}</tbody>
        </table>
      </div>
      {!hideCaption && (
        <p className={problem ? 'tgrid-caption field-message--error' : 'tgrid-caption'} aria-live="polite">
          {caption ?? <span className="muted">Hover or focus a cell.</span>}
        </p>
      )}
    </div>
  );
}

function defaultDescribe(format: (v: number) => string): (cell: GridCell) => ReactNode {
  return (cell) => `row ${cell.row}, column ${cell.col}: ${format(cell.value)}`;
}

/** Where an arrow/Home/End key moves from `cell`, or null if the key is not a move (or hits an edge). */
function nextIndex(key: string, cell: GridCell, rows: number, cols: number): number | null {
  const { row, col } = cell;
  switch (key) {
    case 'ArrowLeft':
      return col > 0 ? cell.index - 1 : null;
    case 'ArrowRight':
      return col < cols - 1 ? cell.index + 1 : null;
    case 'ArrowUp':
      return row > 0 ? cell.index - cols : null;
    case 'ArrowDown':
      return row < rows - 1 ? cell.index + cols : null;
    case 'Home':
      return row * cols;
    case 'End':
      return row * cols + cols - 1;
    default:
      return null;
  }
}
