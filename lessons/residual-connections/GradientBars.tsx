/**
 * Per-layer gradient norms of two networks as grouped bars, by depth (layer 1 nearest the input).
 * The y axis is logarithmic because the norms of a plain deep net span many orders of magnitude:
 * on a linear axis its early layers would be invisible, which is the very thing to see. A norm of
 * exactly zero (a layer whose ReLUs are all off) is drawn as a stub on the floor and labelled 0.
 */
import { scaleBand, scaleLog } from 'd3-scale';
import type { ReactElement } from 'react';

export interface BarSeries {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  /** One gradient L2 norm per weight layer, in depth order; empty before the first reading. */
  readonly norms: readonly { readonly layer: string; readonly norm: number }[];
}

export interface GradientBarsProps {
  readonly series: readonly BarSeries[];
  readonly layerCount: number;
  readonly label: string;
}

const WIDTH = 560;
const HEIGHT = 250;
const M = { top: 12, right: 12, bottom: 40, left: 52 };
const floorPow = (v: number): number => 10 ** Math.floor(Math.log10(v));
const ceilPow = (v: number): number => 10 ** Math.ceil(Math.log10(v));

export function formatNorm(v: number): string {
  if (v === 0) return '0';
  return v >= 0.01 && v < 1000 ? v.toPrecision(2) : v.toExponential(1);
}

export function GradientBars({ series, layerCount, label }: GradientBarsProps): ReactElement {
  const positive = series.flatMap((s) => s.norms.map((n) => n.norm)).filter((v) => v > 0);
  const lo = Math.max(1e-12, floorPow(Math.min(1e-3, ...positive)));
  const hi = ceilPow(Math.max(1, ...positive));
  const sy = scaleLog()
    .domain([lo, hi])
    .range([HEIGHT - M.bottom, M.top]);
  const layers = Array.from({ length: layerCount }, (_, i) => i + 1);
  const sx = scaleBand<number>()
    .domain(layers)
    .range([M.left, WIDTH - M.right])
    .paddingInner(0.2);
  const barWidth = sx.bandwidth() / Math.max(1, series.length);
  const decades: number[] = [];
  for (let e = Math.log10(lo); e <= Math.log10(hi) + 1e-9; e++) decades.push(10 ** e);
  const step = Math.ceil(decades.length / 7);
  const floorY = HEIGHT - M.bottom;

  return (
    <div className="plot rc-bars" data-testid="gradient-bars">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <g className="plot-grid">
          {decades.map((d) => (
            <line key={d} x1={M.left} x2={WIDTH - M.right} y1={sy(d)} y2={sy(d)} />
          ))}
        </g>
        {series.map((s, k) =>
          s.norms.map((n, i) => {
            const x = (sx(i + 1) ?? 0) + k * barWidth;
            const y = n.norm > 0 ? sy(Math.max(lo, n.norm)) : floorY - 2;
            return (
              <rect
                key={`${s.id}-${n.layer}`}
                className="rc-bar"
                data-net={s.id}
                data-layer={n.layer}
                data-norm={n.norm}
                x={x}
                y={y}
                width={barWidth}
                height={Math.max(2, floorY - y)}
                fill={s.color}
              >
                <title>{`${s.label}, layer ${i + 1} (${n.layer}): ${formatNorm(n.norm)}`}</title>
              </rect>
            );
          }),
        )}
        <g className="plot-axis">
          <line x1={M.left} x2={WIDTH - M.right} y1={floorY} y2={floorY} />
          <line x1={M.left} x2={M.left} y1={M.top} y2={floorY} />
          {layers
            .filter((l) => l === 1 || l % 5 === 0)
            .map((l) => (
              <text
                key={l}
                className="plot-tick"
                x={(sx(l) ?? 0) + sx.bandwidth() / 2}
                y={floorY + 16}
                textAnchor="middle"
              >
                {l}
              </text>
            ))}
          {decades
            .filter((_, i) => i % step === 0)
            .map((d) => (
              <text key={d} className="plot-tick" x={M.left - 6} y={sy(d) + 4} textAnchor="end">
                {`1e${Math.round(Math.log10(d))}`}
              </text>
            ))}
          <text className="plot-axis-label" x={(M.left + WIDTH - M.right) / 2} y={HEIGHT - 6} textAnchor="middle">
            weight layer (1 = nearest the input)
          </text>
          <text
            className="plot-axis-label"
            transform={`translate(12 ${(M.top + floorY) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            gradient norm (log)
          </text>
        </g>
      </svg>
      <ul className="plot-legend">
        {series.map((s) => {
          const first = s.norms[0];
          const last = s.norms[s.norms.length - 1];
          return (
            <li key={s.id} data-series={s.id} data-bars={s.norms.length}>
              <span className="plot-swatch" style={{ background: s.color }} />
              {s.label}
              {first && last
                ? `: layer 1 ${formatNorm(first.norm)}, layer ${s.norms.length} ${formatNorm(last.norm)}`
                : ': —'}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
