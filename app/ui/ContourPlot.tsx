/**
 * A contour plot of a function of two variables, z = f(x, y), with paths drawn on top: the loss
 * surface of a two-parameter model and the route an optimiser takes across it. The caller passes
 * the function (so a lesson can sample an engine loss) and the paths; this widget samples f on a
 * grid, traces the level sets with d3-contour and draws everything in SVG with d3 scales. Levels
 * are nested regions (value ≥ level) drawn with a faint fill, so the stack shades light (low) to
 * dark (high). Paths are clipped to the plot, so a divergent run leaves
 * the frame instead of stretching it. Optionally, clicking reports a point (e.g. a new starting
 * position); it is a pointer shortcut only, so callers must also offer fields for it.
 */
import { contours } from 'd3-contour';
import { geoPath, geoTransform } from 'd3-geo';
import { scaleLinear } from 'd3-scale';
import { type MouseEvent, type ReactElement, useId, useMemo } from 'react';
import './plots.css';
import './ContourPlot.css';

export interface ContourPath {
  readonly id: string;
  readonly label: string;
  /** Any CSS colour. */
  readonly color: string;
  /** Points [x, y] in data coordinates, in order. */
  readonly points: readonly (readonly [number, number])[];
}

export interface ContourPlotProps {
  readonly f: (x: number, y: number) => number;
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  /** The z values at which to draw level lines, increasing. */
  readonly levels: readonly number[];
  readonly paths: readonly ContourPath[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Accessible description of the plot. */
  readonly label: string;
  readonly onPick?: (x: number, y: number) => void;
  /** A point to mark, e.g. the minimum. */
  readonly target?: readonly [number, number];
  readonly testId?: string;
}

const WIDTH = 520;
const HEIGHT = 360;
const M = { top: 10, right: 12, bottom: 40, left: 48 };
/** Samples per axis: enough for smooth ellipses, cheap enough to redo on every prop change. */
const GRID = 80;

export function ContourPlot(props: ContourPlotProps): ReactElement {
  const { f, xDomain, yDomain, levels, paths, xLabel, yLabel, label, onPick, target, testId } = props;
  const clipId = useId().replace(/:/g, '');
  const [x0, x1] = xDomain;
  const [y0, y1] = yDomain;
  const { sx, sy } = useMemo(
    () => ({
      sx: scaleLinear()
        .domain([x0, x1])
        .range([M.left, WIDTH - M.right]),
      sy: scaleLinear()
        .domain([y0, y1])
        .range([HEIGHT - M.bottom, M.top]),
    }),
    [x0, x1, y0, y1],
  );
  const levelKey = levels.join(',');

  // Sampling and tracing is the expensive part: redo it only when the surface or the view changes.
  const bands = useMemo(() => {
    const values = new Array<number>(GRID * GRID);
    const gx = (i: number): number => x0 + ((x1 - x0) * i) / (GRID - 1);
    const gy = (j: number): number => y0 + ((y1 - y0) * j) / (GRID - 1);
    const thresholds = levelKey.split(',').map(Number);
    for (let j = 0; j < GRID; j++) for (let i = 0; i < GRID; i++) values[j * GRID + i] = f(gx(i), gy(j));
    const toPixels = geoTransform({
      point(x: number, y: number) {
        // d3-contour works in grid units with pixel centres at +0.5.
        this.stream.point(sx(gx(x - 0.5)), sy(gy(y - 0.5)));
      },
    });
    const draw = geoPath(toPixels);
    return contours()
      .size([GRID, GRID])
      .thresholds(thresholds)(values)
      .map((c) => ({ d: draw(c) ?? '', value: c.value }));
  }, [f, x0, x1, y0, y1, levelKey, sx, sy]);

  const pick = (event: MouseEvent<SVGSVGElement>): void => {
    if (!onPick) return;
    const box = event.currentTarget.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * WIDTH;
    const py = ((event.clientY - box.top) / box.height) * HEIGHT;
    onPick(sx.invert(px), sy.invert(py));
  };

  return (
    <div className="plot contour-plot" data-testid={testId}>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: picking a point is a pointer shortcut; every caller also offers fields. */}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} onClick={pick}>
        <defs>
          <clipPath id={clipId}>
            <rect x={M.left} y={M.top} width={WIDTH - M.left - M.right} height={HEIGHT - M.top - M.bottom} />
          </clipPath>
        </defs>
        <g clipPath={`url(#${clipId})`}>
          <rect
            x={M.left}
            y={M.top}
            width={WIDTH - M.left - M.right}
            height={HEIGHT - M.top - M.bottom}
            className="contour-bg"
          />
          {bands.map((b) => (
            <path key={b.value} d={b.d} className="contour-band" />
          ))}
          {target && <circle cx={sx(target[0])} cy={sy(target[1])} r={5} className="contour-target" />}
          {paths.map((p) => (
            <g key={p.id} data-path={p.id} style={{ stroke: p.color, fill: p.color }}>
              <polyline className="contour-path" points={p.points.map(([x, y]) => `${sx(x)},${sy(y)}`).join(' ')} />
              {p.points.map(([x, y], i) => (
                <circle
                  // biome-ignore lint/suspicious/noArrayIndexKey: points are positions along a path; the index is their identity.
                  key={i}
                  cx={sx(x)}
                  cy={sy(y)}
                  r={i === p.points.length - 1 ? 5.5 : 2.5}
                  className={i === p.points.length - 1 ? 'contour-head' : undefined}
                />
              ))}
            </g>
          ))}
        </g>
        <g className="plot-axis">
          <line x1={M.left} x2={WIDTH - M.right} y1={HEIGHT - M.bottom} y2={HEIGHT - M.bottom} />
          <line x1={M.left} x2={M.left} y1={M.top} y2={HEIGHT - M.bottom} />
          {sx.ticks(6).map((t) => (
            <text key={t} className="plot-tick" x={sx(t)} y={HEIGHT - M.bottom + 16} textAnchor="middle">
              {t}
            </text>
          ))}
          {sy.ticks(5).map((t) => (
            <text key={t} className="plot-tick" x={M.left - 6} y={sy(t) + 4} textAnchor="end">
              {t}
            </text>
          ))}
          <text className="plot-axis-label" x={(M.left + WIDTH - M.right) / 2} y={HEIGHT - 6} textAnchor="middle">
            {xLabel}
          </text>
          <text
            className="plot-axis-label"
            transform={`translate(12 ${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {yLabel}
          </text>
        </g>
      </svg>
      {paths.length > 1 && (
        <ul className="plot-legend">
          {paths.map((p) => (
            <li key={p.id}>
              <span className="plot-swatch" style={{ background: p.color }} />
              {p.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
