/**
 * The 2-D map of the codes: one dot per validation image, coloured by its true digit, with a
 * legend. Hovering a dot, or moving through the dots with the keyboard (←/→ the previous and next
 * image, ↑/↓ the next and previous image of the same digit), makes it the active image; Enter or
 * a click picks it for the nearest-neighbour comparison. The dots are drawn once per embedding
 * (memoised); only the highlight ring moves.
 */
import { type KeyboardEvent, type MouseEvent, memo, type ReactElement, useMemo } from 'react';
import { classColour } from './classColours';

const SIZE = 400;
const MARGIN = 12;

interface ScatterProps {
  readonly points: Float32Array;
  readonly labels: Int32Array;
  readonly active: number;
  readonly onActive: (index: number) => void;
  readonly onPick: (index: number) => void;
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
    <g className="cc-dots">
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

export function Scatter({ points, labels, active, onActive, onPick }: ScatterProps): ReactElement {
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
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick(active);
    }
  };
  return (
    <div className="cc-scatter">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="application"
        aria-roledescription="scatter plot"
        aria-label={`${labels.length} validation images placed by their codes. Arrow keys move between images, up and down within a digit; Enter picks one for the neighbour comparison.`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the map takes arrow keys (see onKeyDown), so it must be focusable
        tabIndex={0}
        data-testid="codes-scatter"
        data-points={labels.length}
        onKeyDown={onKeyDown}
        onFocus={() => onActive(active)}
        onMouseOver={(e) => {
          const i = indexOf(e);
          if (i !== null) onActive(i);
        }}
        onClick={(e) => {
          const i = indexOf(e);
          if (i !== null) onPick(i);
        }}
      >
        <Dots xy={xy} labels={labels} />
        <circle className="cc-ring" cx={xy[2 * active]} cy={xy[2 * active + 1]} r={7} />
      </svg>
      <ul className="cc-legend" data-testid="codes-legend" aria-label="Colour of each digit">
        {classes.map((c) => (
          <li key={c} data-class={c}>
            <span className="cc-swatch" style={{ background: classColour(c) }} aria-hidden="true" />
            {c}
          </li>
        ))}
      </ul>
    </div>
  );
}
