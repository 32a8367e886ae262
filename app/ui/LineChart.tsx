/**
 * A multi-series line chart in SVG (d3 scales, React-rendered axes), for curves that grow while
 * you watch: training loss against step, one series per run. Axes rescale to the data seen so
 * far. Every series' latest value is repeated in the legend as text, so the chart is readable
 * without seeing the lines and tests can read the numbers (`data-last`).
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { ReactElement } from 'react';
import './plots.css';

export interface ChartPoint {
  readonly x: number;
  readonly y: number;
}

export interface ChartSeries {
  readonly id: string;
  readonly label: string;
  /** Any CSS colour, e.g. `var(--accent)`. */
  readonly color: string;
  readonly points: readonly ChartPoint[];
}

export interface LineChartProps {
  readonly series: readonly ChartSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Accessible description of what the chart shows. */
  readonly label: string;
  /** Minimum x extent so the axis does not jump while the first points arrive. */
  readonly xMax?: number;
  readonly format?: (y: number) => string;
  readonly testId?: string;
}

const WIDTH = 560;
const HEIGHT = 260;
const M = { top: 12, right: 16, bottom: 40, left: 48 };

export function LineChart(props: LineChartProps): ReactElement {
  const { series, xLabel, yLabel, label, xMax = 1, format = (v: number) => v.toFixed(3), testId } = props;
  const all = series.flatMap((s) => s.points);
  const maxX = Math.max(xMax, ...all.map((p) => p.x));
  const maxY = Math.max(1e-6, ...all.map((p) => p.y));
  const sx = scaleLinear()
    .domain([0, maxX])
    .range([M.left, WIDTH - M.right]);
  const sy = scaleLinear()
    .domain([0, maxY])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  const path = line<ChartPoint>()
    .x((p) => sx(p.x))
    .y((p) => sy(p.y));

  return (
    <div className="plot" data-testid={testId}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <g className="plot-grid">
          {sy.ticks(5).map((t) => (
            <line key={t} x1={M.left} x2={WIDTH - M.right} y1={sy(t)} y2={sy(t)} />
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
        {series.map((s) => (
          <path key={s.id} className="plot-curve" data-series={s.id} d={path([...s.points]) ?? ''} stroke={s.color} />
        ))}
      </svg>
      <ul className="plot-legend">
        {series.map((s) => {
          const last = s.points[s.points.length - 1];
          return (
            <li
              key={s.id}
              data-series={s.id}
              data-points={s.points.length}
              data-first={s.points[0]?.y ?? ''}
              data-last={last?.y ?? ''}
            >
              <span className="plot-swatch" style={{ background: s.color }} />
              {s.label}
              {last ? `: ${format(last.y)} at ${last.x}` : ': —'}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
