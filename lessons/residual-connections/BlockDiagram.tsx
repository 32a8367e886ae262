/**
 * A residual block drawn as the paper draws it: the input at the top, the branch F as a column of
 * weight layers with ReLUs between them, the identity shortcut arcing round the side into the ⊕,
 * and the final ReLU after the addition. The same drawing serves the basic block (two 3×3) and
 * the bottleneck (1×1, 3×3, 1×1); only the list of layers and the input's depth change.
 */
import type { ReactElement } from 'react';

export interface BlockDiagramProps {
  /** The branch's weight layers, top to bottom, e.g. ["3×3 conv, 64", "3×3 conv, 64"]. */
  readonly layers: readonly string[];
  /** The depth of the block's input and output, e.g. "64-d". */
  readonly depth: string;
  readonly label: string;
}

const W = 340;
const BOX_W = 170;
const BOX_H = 34;
/** Vertical space per weight layer: the box plus the ReLU between it and the next. */
const PITCH = 70;
const X0 = 40;
const CX = X0 + BOX_W / 2;

export function BlockDiagram({ layers, depth, label }: BlockDiagramProps): ReactElement {
  const top = 44;
  const plusY = top + layers.length * PITCH + 6;
  const height = plusY + 74;
  const arcX = X0 + BOX_W + 60;
  return (
    <svg className="rc-diagram" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={label}>
      <defs>
        <marker
          id={`rc-arrow-${layers.length}`}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="rc-arrow-head" />
        </marker>
      </defs>
      <text x={CX} y={18} textAnchor="middle" className="rc-diagram-label">
        x ({depth})
      </text>
      <line x1={CX} y1={24} x2={CX} y2={top} className="rc-edge" markerEnd={`url(#rc-arrow-${layers.length})`} />
      {layers.map((name, i) => {
        const y = top + i * PITCH;
        const last = i === layers.length - 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list that never reorders; names repeat (3×3, 3×3)
          <g key={i}>
            <rect x={X0} y={y} width={BOX_W} height={BOX_H} rx={6} className="rc-box" />
            <text x={CX} y={y + BOX_H / 2 + 5} textAnchor="middle" className="rc-box-text">
              {name}
            </text>
            <line
              x1={CX}
              y1={y + BOX_H}
              x2={CX}
              y2={last ? plusY - 14 : y + PITCH}
              className="rc-edge"
              markerEnd={`url(#rc-arrow-${layers.length})`}
            />
            {!last && (
              <text x={CX + 8} y={y + BOX_H + 22} className="rc-relu">
                ReLU
              </text>
            )}
          </g>
        );
      })}
      <text x={X0 - 8} y={top + ((layers.length - 1) * PITCH + BOX_H) / 2} textAnchor="end" className="rc-f-label">
        F(x)
      </text>
      <path
        d={`M ${CX} 30 C ${arcX} 30, ${arcX} 30, ${arcX} ${top + 40} L ${arcX} ${plusY - 30} C ${arcX} ${plusY}, ${arcX} ${plusY}, ${CX + 16} ${plusY}`}
        className="rc-edge rc-shortcut"
        markerEnd={`url(#rc-arrow-${layers.length})`}
      />
      <text
        x={arcX + 6}
        y={(top + plusY) / 2}
        className="rc-diagram-label"
        transform={`rotate(90 ${arcX + 6} ${(top + plusY) / 2})`}
        textAnchor="middle"
      >
        identity: x
      </text>
      <circle cx={CX} cy={plusY} r={14} className="rc-plus" />
      <text x={CX} y={plusY + 6} textAnchor="middle" className="rc-plus-text">
        +
      </text>
      <line
        x1={CX}
        y1={plusY + 14}
        x2={CX}
        y2={plusY + 44}
        className="rc-edge"
        markerEnd={`url(#rc-arrow-${layers.length})`}
      />
      <text x={CX + 10} y={plusY + 34} className="rc-relu">
        ReLU
      </text>
      <text x={CX} y={plusY + 64} textAnchor="middle" className="rc-diagram-label">
        F(x) + x
      </text>
    </svg>
  );
}
