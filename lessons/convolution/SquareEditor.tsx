/**
 * An editable square grid of numbers with its title, as the convolution widgets show an input or
 * a kernel the student may type into: "Kernel (type to edit)", an n×n WindowGrid whose cells take
 * any number from -999 to 999, and the whole grid handed back with the one typed value replaced.
 * The sliding window and the transposed convolution both use it; `cell` lets a widget light the
 * window or note a weight, and `children` go under the grid (a flipped kernel, say).
 */
import { type ReactElement, type ReactNode, useCallback } from 'react';
import { type WindowCell, WindowGrid, type WindowGridProps } from '../../app/ui/WindowGrid';
import { fmt } from './squares';

/** The range a typed cell may take (the address codecs of both widgets use it too). */
export const EDIT_MIN = -999;
export const EDIT_MAX = 999;

export interface SquareEditorProps {
  /** What the grid is ("Input", "Kernel"); the title adds "(type to edit)". */
  readonly title: string;
  /** Cells a side. */
  readonly n: number;
  /** n * n values, row by row. */
  readonly values: readonly number[];
  /** The grid with one cell replaced by what the student typed. */
  readonly onChange: (values: readonly number[]) => void;
  /** Accessible name of the grid; the title by default. */
  readonly label?: string;
  readonly testId: string;
  readonly size?: WindowGridProps['size'];
  /** How a cell is drawn; by default its value, as an input cell. */
  readonly cell?: (row: number, col: number) => WindowCell;
  readonly children?: ReactNode;
}

export function SquareEditor(props: SquareEditorProps): ReactElement {
  const { title, n, values, onChange, label, testId, size, cell, children } = props;
  const edit = useCallback(
    (r: number, c: number, v: number) => onChange(values.map((old, j) => (j === r * n + c ? v : old))),
    [values, n, onChange],
  );
  const plain = (r: number, c: number): WindowCell => ({ text: fmt(values[r * n + c]!), kind: 'input' });
  return (
    <div>
      <p className="grid-title">{title} (type to edit)</p>
      <WindowGrid
        rows={n}
        cols={n}
        cell={cell ?? plain}
        label={label ?? title}
        size={size}
        onEdit={edit}
        min={EDIT_MIN}
        max={EDIT_MAX}
        testId={testId}
      />
      {children}
    </div>
  );
}
