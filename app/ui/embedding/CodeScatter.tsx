/**
 * A 2-D map of embedded codes: one dot per image, coloured by its class, with a legend. Hovering
 * a dot, or moving through the dots with the keyboard (←/→ the previous and next image, ↑/↓ the
 * next and previous image of the same class), makes it the active image; Enter or a click picks
 * it (when the caller wants picks). The dots are drawn once per embedding (memoised); only the
 * highlight ring moves. Shared by the CNN-codes lesson and the studio's embedding view.
 */
import { type KeyboardEvent, type MouseEvent, memo, type ReactElement, useMemo } from 'react';
import { classColour } from './classColours';
import './embedding.css';

const SIZE = 400;
const MARGIN = 12;

export interface CodeScatterProps {
  /** n × 2 embedded positions. */
  readonly points: Float32Array;
  readonly labels: Int32Array;
  readonly active: number;
  readonly onActive: (index: number) => void;
  readonly onPick?: (index: number) => void;
  /** Legend names by class index (the class number when missing). */
  readonly classNames?: readonly string[];
  /** The scatter's test id is `${testId}-scatter`, the legend's `${testId}-legend`. */
  readonly testId?: string;
  /** What the map shows, for screen readers; the keyboard help is appended. */
  readonly description?: string;
}

/** Screen positions: the embedding's bounding box fitted into the square, keeping its aspect. */
function layout(points: Float32Array): Float32Array {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < points.length; i += 2) {
    x0 = Math.min(x0, points[i]!);
    x1 = Math.max(x1, points[i]!);
    y0 = Math.min(y0, points[i + 1]!);
    y1 = Math.max(y1, points[i + 1]!);
  }
  const scale = (SIZE - 2 * MARGIN) / Math.max(x1 - x0, y1 - y0, 1e-9);
  const out = new Float32Array(points.length);
  for (let i = 0; i < points.length; i += 2) {
    out[i] = MARGIN + (points[i]! - x0) * scale;
    out[i + 1] = MARGIN + (points[i + 1]! - y0) * scale;
  }
  return out;
}

const Dots = memo(function Dots({ xy, labels }: { readonly xy: Float32Array; readonly labels: Int32Array }) {
  return (
    <g className="emb-dots">
      {Array.from(labels, (label, i) => (
        <circle
          // biome-ignore lint/suspicious/noArrayIndexKey: a dot is its image's index
          key={i}
          cx={xy[2 * i]}
          cy={xy[2 * i + 1]}
          r={3}
          fill={classColour(label)}
          data-index={i}
          data-label={label}
        />
      ))}
    </g>
  );
});

function step(labels: Int32Array, from: number, delta: number, sameClass: boolean): number {
  const n = labels.length;
  for (let k = 1; k <= n; k++) {
    const i = (((from + delta * k) % n) + n) % n;
    if (!sameClass || labels[i] === labels[from]) return i;
  }
  return from;
}

export function CodeScatter({
  points,
  labels,
  active,
  onActive,
  onPick,
  classNames,
  testId = 'codes',
  description = `${labels.length} validation images placed by their codes.`,
}: CodeScatterProps): ReactElement {
  const xy = useMemo(() => layout(points), [points]);
  const classes = useMemo(() => [...new Set(labels)].sort((a, b) => a - b), [labels]);
  const indexOf = (event: MouseEvent<SVGSVGElement>): number | null => {
    const value = (event.target as Element).getAttribute('data-index');
    return value === null ? null : Number(value);
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>): void => {
    const moves: Record<string, [number, boolean]> = {
      ArrowRight: [1, false],
      ArrowLeft: [-1, false],
      ArrowUp: [1, true],
      ArrowDown: [-1, true],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      onActive(step(labels, active, move[0], move[1]));
    } else if (onPick && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      onPick(active);
    }
  };
  const help = `Arrow keys move between images, up and down within a class${onPick ? '; Enter picks one' : ''}.`;
  return (
    <div className="emb-scatter">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="application"
        aria-roledescription="scatter plot"
        aria-label={`${description} ${help}`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the map takes arrow keys (see onKeyDown), so it must be focusable
        tabIndex={0}
        data-testid={`${testId}-scatter`}
        data-points={labels.length}
        onKeyDown={onKeyDown}
        onFocus={() => onActive(active)}
        onMouseOver={(e) => {
          const i = indexOf(e);
          if (i !== null) onActive(i);
        }}
        onClick={(e) => {
          const i = indexOf(e);
          if (i !== null) onPick?.(i);
        }}
      >
        <Dots xy={xy} labels={labels} />
        <circle className="emb-ring" cx={xy[2 * active]} cy={xy[2 * active + 1]} r={7} />
      </svg>
      <ul className="emb-legend" data-testid={`${testId}-legend`} aria-label="Colour of each class">
        {classes.map((c) => (
          <li key={c} data-class={c}>
            <span className="emb-swatch" style={{ background: classColour(c) }} aria-hidden="true" />
            {classNames?.[c] ?? c}
          </li>
        ))}
      </ul>
    </div>
  );
}
