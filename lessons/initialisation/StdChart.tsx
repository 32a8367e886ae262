/**
 * Standard deviation per layer on a logarithmic axis, one line per series (activations on the way
 * forward, gradients on the way back). A log axis is the only one on which 0.2 and 3·10⁻⁷ can
 * share a chart: a signal multiplied by the same factor at every layer draws a straight line, its
 * slope the factor. Every point's value is also written in the legend and in data attributes.
 */
import { scaleLinear } from 'd3-scale';
import type { ReactElement } from 'react';
import '../../app/ui/plots.css';
import { fmt } from './format';

export interface StdSeries {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  /** values[k] is layer k+1's standard deviation. */
  readonly values: readonly number[];
}

const WIDTH = 560;
const HEIGHT = 240;
const M = { top: 12, right: 16, bottom: 40, left: 56 };

export function StdChart({ series, label }: { series: readonly StdSeries[]; label: string }): ReactElement {
  const depth = Math.max(...series.map((s) => s.values.length));
  const logs = series.flatMap((s) => s.values.filter((v) => v > 0 && Number.isFinite(v)).map(Math.log10));
  const lo = Math.floor(Math.min(-1, ...logs));
  const hi = Math.ceil(Math.max(0, ...logs));
  const sx = scaleLinear()
    .domain([1, Math.max(2, depth)])
    .range([M.left, WIDTH - M.right]);
  const sy = scaleLinear()
    .domain([lo, hi])
    .range([HEIGHT - M.bottom, M.top]);
  const step = Math.max(1, Math.ceil((hi - lo) / 8));
  const ticks: number[] = [];
  for (let t = lo; t <= hi; t += step) ticks.push(t);
  const xTicks = Array.from({ length: depth }, (_, k) => k + 1).filter((l) => depth <= 10 || l % 2 === 0 || l === 1);

  return (
    <div className="plot init-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <g className="plot-grid">
          {ticks.map((t) => (
            <line key={t} x1={M.left} x2={WIDTH - M.right} y1={sy(t)} y2={sy(t)} />
          ))}
        </g>
        <g className="plot-axis">
          <line x1={M.left} x2={WIDTH - M.right} y1={HEIGHT - M.bottom} y2={HEIGHT - M.bottom} />
          <line x1={M.left} x2={M.left} y1={M.top} y2={HEIGHT - M.bottom} />
          {ticks.map((t) => (
            <text key={t} className="plot-tick" x={M.left - 6} y={sy(t) + 4} textAnchor="end">
              {t === 0 ? '1' : `1e${t}`}
            </text>
          ))}
          {xTicks.map((l) => (
            <text key={l} className="plot-tick" x={sx(l)} y={HEIGHT - M.bottom + 16} textAnchor="middle">
              {l}
            </text>
          ))}
          <text className="plot-axis-label" x={(M.left + WIDTH - M.right) / 2} y={HEIGHT - 6} textAnchor="middle">
            layer
          </text>
          <text
            className="plot-axis-label"
            transform={`translate(12 ${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            std (log scale)
          </text>
        </g>
        {series.map((s) => {
          const points = s.values
            .map((v, k) => ({ x: sx(k + 1), v }))
            .filter((p) => p.v > 0 && Number.isFinite(p.v))
            .map((p) => ({ x: p.x, y: sy(Math.log10(p.v)) }));
          return (
            <g key={s.id} style={{ color: s.color }}>
              <polyline
                points={points.map((p) => `${p.x},${p.y}`).join(' ')}
                fill="none"
                stroke="currentColor"
                strokeWidth={2.5}
              />
              {points.map((p) => (
                <circle key={p.x} cx={p.x} cy={p.y} r={3.5} fill="currentColor" />
              ))}
            </g>
          );
        })}
      </svg>
      <ul className="plot-legend">
        {series.map((s) => (
          <li key={s.id} data-series={s.id} data-values={JSON.stringify(s.values)}>
            <span className="plot-swatch" style={{ background: s.color }} />
            {s.label}: layer 1 {fmt(s.values[0] ?? Number.NaN)}, layer {s.values.length}{' '}
            {fmt(s.values[s.values.length - 1] ?? Number.NaN)}
          </li>
        ))}
      </ul>
    </div>
  );
}
