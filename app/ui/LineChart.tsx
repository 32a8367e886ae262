/**
 * A multi-series line chart in SVG (d3 scales, React-rendered axes), for curves that grow while
 * you watch: training loss against step, one series per run. Axes rescale to the data seen so
 * far; the y axis starts at zero, follows the data, or is fixed (`yDomain`). The chart draws at
 * its own width in CSS pixels with text in rem, so labels keep the page's type size (presenter
 * mode's 24 px root makes them 18 px) and the number of ticks follows the width, so tick labels
 * never overlap. Before the first point it says so instead of drawing empty axes. Every series'
 * latest value is repeated in the legend under the plot as text, so the chart is readable without
 * seeing the lines and tests can read the numbers (`data-last`).
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { type ReactElement, type RefObject, useEffect, useRef, useState } from 'react';
import './plots.css';
import './LineChart.css';

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

/**
 * The y axis: 'zero' runs from 0 (or the lowest value, if negative) to the highest value, which
 * shows how far a loss has fallen; 'data' spans only the values seen, for a curve whose changes
 * are small next to its level; [min, max] is fixed (an accuracy's [0, 1]).
 */
export type YDomain = 'zero' | 'data' | readonly [number, number];

export interface LineChartProps {
  readonly series: readonly ChartSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Accessible description of what the chart shows. */
  readonly label: string;
  /** Minimum x extent so the axis does not jump while the first points arrive. */
  readonly xMax?: number;
  readonly yDomain?: YDomain;
  readonly format?: (y: number) => string;
  /** What the chart says before its first point. */
  readonly emptyText?: string;
  readonly testId?: string;
}

/** Width before the first measurement (and in tests without layout). */
const DEFAULT_WIDTH = 560;
/** Room per tick label, in rem. */
const X_TICK_REM = 4.5;
const Y_TICK_REM = 2;

interface Size {
  readonly width: number;
  /** The root font size in px. */
  readonly rem: number;
}

function rootRem(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/** Follows the element's width and the root font size (presenter mode changes both). */
function useSize(): [RefObject<HTMLDivElement | null>, Size] {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size>({ width: DEFAULT_WIDTH, rem: 16 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = (): void => {
      const width = Math.round(element.clientWidth) || DEFAULT_WIDTH;
      const rem = rootRem();
      setSize((s) => (s.width === width && s.rem === rem ? s : { width, rem }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}

/** The y scale's domain before .nice(). */
export function yExtent(values: readonly number[], domain: YDomain): [number, number] {
  if (typeof domain !== 'string') return [domain[0], domain[1]];
  const finite = values.filter(Number.isFinite);
  const lo = finite.length ? Math.min(...finite) : 0;
  const hi = finite.length ? Math.max(...finite) : 1;
  if (domain === 'zero') return [Math.min(0, lo), Math.max(hi, Math.min(0, lo) + 1e-6)];
  if (hi - lo > 1e-12) {
    const pad = (hi - lo) * 0.05;
    return [lo - pad, hi + pad];
  }
  const half = Math.abs(hi) > 1e-9 ? Math.abs(hi) * 0.1 : 1;
  return [lo - half, hi + half];
}

export function LineChart(props: LineChartProps): ReactElement {
  const {
    series,
    xLabel,
    yLabel,
    label,
    xMax = 1,
    yDomain = 'zero',
    format = (v: number) => v.toFixed(3),
    emptyText = 'No data yet — start the run to draw the curves.',
    testId,
  } = props;
  const [ref, { width: W, rem: r }] = useSize();
  const H = Math.round(Math.min(Math.max(W * 0.46, 11 * r), 20 * r));
  const M = { top: 0.8 * r, right: 1.2 * r, bottom: 2.9 * r, left: 3.6 * r };
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.y));
  const empty = all.length === 0;
  const maxX = Math.max(xMax, ...all.map((p) => p.x));
  const sx = scaleLinear()
    .domain([0, maxX])
    .range([M.left, W - M.right]);
  const sy = scaleLinear()
    .domain(
      yExtent(
        all.map((p) => p.y),
        yDomain,
      ),
    )
    .nice()
    .range([H - M.bottom, M.top]);
  const [yLow, yHigh] = sy.domain() as [number, number];
  const clampY = (y: number): number => sy(Math.min(yHigh, Math.max(yLow, y)));
  const path = line<ChartPoint>()
    .defined((p) => Number.isFinite(p.y))
    .x((p) => sx(p.x))
    .y((p) => clampY(p.y));
  const xCount = Math.max(2, Math.floor((W - M.left - M.right) / (X_TICK_REM * r)));
  const yCount = Math.max(2, Math.floor((H - M.top - M.bottom) / (Y_TICK_REM * r)));
  const xTicks = sx.ticks(xCount);
  const yTicks = sy.ticks(yCount);
  const xText = sx.tickFormat(xCount);
  const yText = sy.tickFormat(yCount);

  return (
    <div className="plot line-chart" data-testid={testId} ref={ref}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-empty={empty ? 'true' : 'false'}>
        {empty ? (
          <text className="plot-empty" x={W / 2} y={H / 2} textAnchor="middle" dominantBaseline="middle">
            {emptyText}
          </text>
        ) : (
          <>
            <g className="plot-grid">
              {yTicks.map((t) => (
                <line key={t} x1={M.left} x2={W - M.right} y1={sy(t)} y2={sy(t)} />
              ))}
            </g>
            <g className="plot-axis">
              <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
              <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} />
              {xTicks.map((t) => (
                <text key={t} className="plot-tick" x={sx(t)} y={H - M.bottom + 1.1 * r} textAnchor="middle">
                  {xText(t)}
                </text>
              ))}
              {yTicks.map((t) => (
                <text key={t} className="plot-tick" x={M.left - 0.4 * r} y={sy(t) + 0.25 * r} textAnchor="end">
                  {yText(t)}
                </text>
              ))}
              <text className="plot-axis-label" x={(M.left + W - M.right) / 2} y={H - 0.3 * r} textAnchor="middle">
                {xLabel}
              </text>
              <text
                className="plot-axis-label"
                transform={`translate(${0.9 * r} ${(M.top + H - M.bottom) / 2}) rotate(-90)`}
                textAnchor="middle"
              >
                {yLabel}
              </text>
            </g>
            {series.map((s) => (
              <path
                key={s.id}
                className="plot-curve"
                data-series={s.id}
                d={path([...s.points]) ?? ''}
                stroke={s.color}
              />
            ))}
          </>
        )}
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
