/**
 * The lecture's 4-D tensor of shape (2, 2, 3, 3), holding 1..36 in memory order. Pick a sample n
 * and a channel c to see that 3x3 slice; hover or focus a cell to see its flat index worked out
 * live, n·CHW + c·HW + h·W + w, and where it sits in the flat strip of all 36 values.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { TeX } from '../../app/ui/Math';
import { type GridCell, TensorGrid } from '../../app/ui/TensorGrid';
import { IndexPicker } from './IndexPicker';
import { flatIndexNCHW, flatIndexTerms, type Shape4 } from './nchw';

const SHAPE: Shape4 = [2, 2, 3, 3];
const [N, C, H, W] = SHAPE;
/** The lecture's example: element k of memory holds k + 1. */
const VALUES: readonly number[] = Array.from({ length: N * C * H * W }, (_, k) => k + 1);

export function NchwExplorer(): ReactElement {
  const [n, setN] = useState(0);
  const [c, setC] = useState(0);
  const [cell, setCell] = useState<GridCell | null>(null);

  const start = flatIndexNCHW(SHAPE, [n, c, 0, 0]);
  const slice = useMemo(() => VALUES.slice(start, start + H * W), [start]);
  const at: Shape4 | null = cell ? [n, c, cell.row, cell.col] : null;
  const flat = at ? flatIndexNCHW(SHAPE, at) : null;

  return (
    <div className="explorer" data-testid="nchw-explorer">
      <div className="explorer-controls">
        <IndexPicker axis="n" legend="Sample" count={N} value={n} onChange={setN} />
        <IndexPicker axis="c" legend="Channel" count={C} value={c} onChange={setC} />
      </div>
      <div className="explorer-main">
        <div>
          <p className="grid-title">
            <TeX tex={`x[${n}, ${c}, h, w]`} />
          </p>
          <TensorGrid
            values={slice}
            rows={H}
            cols={W}
            size="lg"
            heat="sequential"
            range={[1, 36]}
            label={`Slice at sample ${n}, channel ${c}`}
            onActiveCell={setCell}
            describe={(g) => `x[${n}, ${c}, ${g.row}, ${g.col}] = ${g.value}`}
          />
        </div>
        <output className="flat-readout" data-testid="flat-index" data-flat-index={flat ?? ''} aria-live="polite">
          {at && flat !== null ? (
            <FlatIndexWorking at={at} flat={flat} />
          ) : (
            'Hover or focus a cell to see where it lives in memory.'
          )}
        </output>
      </div>
      <div>
        <p className="grid-title">All 36 values in memory order (flat index 0 to 35)</p>
        <TensorGrid
          values={VALUES}
          rows={1}
          cols={VALUES.length}
          size="xs"
          label="The tensor's memory, flat"
          highlight={flat ?? undefined}
          describe={(g) => `flat index ${g.col} holds ${g.value}`}
        />
      </div>
    </div>
  );
}

function FlatIndexWorking({ at, flat }: { readonly at: Shape4; readonly flat: number }): ReactElement {
  const [n, c, h, w] = at;
  const terms = flatIndexTerms(SHAPE, at);
  return (
    <>
      <span>
        Element <TeX tex={`(n,c,h,w) = (${n},${c},${h},${w})`} /> is at flat index
      </span>
      <TeX
        block
        tex={`${n}\\cdot ${C * H * W} + ${c}\\cdot ${H * W} + ${h}\\cdot ${W} + ${w} = ${terms.join(' + ')} = \\mathbf{${flat}}`}
      />
      <span>
        and holds the value <strong>{VALUES[flat]}</strong>.
      </span>
    </>
  );
}
