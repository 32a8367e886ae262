/**
 * An SVG plot of one or more functions y = f(x) over an interval, with a movable input x: drag the
 * dashed marker with a pointer, or focus it and use the arrow keys (Shift for bigger steps, Home
 * and End for the ends). The marker is an ARIA slider, so screen readers announce x; the caller
 * shows the curves' values at x in its own readout. The caller computes the curves (so a lesson
 * can sample an engine function); this widget only draws them with d3 scales.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { type KeyboardEvent, type PointerEvent, type ReactElement, useRef } from 'react';
import './plots.css';

export interface PlotCurve {
  readonly id: string;
  readonly label: string;
  /** Any CSS colour, e.g. `var(--accent)`. */
  readonly color: string;
  readonly dashed?: boolean;
  /** Samples [x, y], in increasing x. */
  readonly points: readonly (readonly [number, number])[];
}

export interface FunctionPlotProps {
  readonly curves: readonly PlotCurve[];
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  /** Current input; the marker sits here. */
  readonly x: number;
  readonly onXChange: (x: number) => void;
  /** Keyboard step (Shift multiplies by 10); dragged values are rounded to it as well. */
  readonly step: number;
  /** Accessible name of the slider, e.g. "Input x". */
  readonly label: string;
  readonly testId?: string;
}

// Internal SVG coordinates; the SVG scales to its container through the viewBox.
const WIDTH = 480;
const HEIGHT = 280;
const M = { top: 12, right: 16, bottom: 30, left: 40 };

export function FunctionPlot(props: FunctionPlotProps): ReactElement {
  const { curves, xDomain, yDomain, x, onXChange, step, label, testId } = props;
  const svgRef = useRef<SVGSVGElement>(null);
  const sx = scaleLinear()
    .domain(xDomain)
    .range([M.left, WIDTH - M.right]);
  const sy = scaleLinear()
    .domain(yDomain)
    .range([HEIGHT - M.bottom, M.top]);
  // Clip the drawn curves to the plot box rather than letting steep functions run off the chart.
  const clamp = (v: number): number => Math.max(yDomain[0] - 1, Math.min(yDomain[1] + 1, v));
  const path = line<readonly [number, number]>()
    .x((p) => sx(p[0]))
    .y((p) => sy(clamp(p[1])));

  const set = (value: number): void => {
    const rounded = Math.round(value / step) * step;
    const bounded = Math.max(xDomain[0], Math.min(xDomain[1], rounded));
    // Round away float noise such as 0.30000000000000004 so readouts stay tidy.
    onXChange(Number(bounded.toFixed(6)));
  };
  const fromPointer = (event: PointerEvent<SVGElement>): void => {
    const svg = svgRef.current;
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    set(sx.invert(((event.clientX - box.left) / box.width) * WIDTH));
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>): void => {
    const big = event.shiftKey ? 10 : 1;
    const moves: Record<string, number | undefined> = {
      ArrowRight: x + step * big,
      ArrowUp: x + step * big,
      ArrowLeft: x - step * big,
      ArrowDown: x - step * big,
      PageUp: x + step * 10,
      PageDown: x - step * 10,
      Home: xDomain[0],
      End: xDomain[1],
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    set(next);
  };

  const xTicks = sx.ticks(8);
  const yTicks = sy.ticks(6);
  return (
    <div className="plot" data-testid={testId}>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          fromPointer(e);
          (e.currentTarget.querySelector('.plot-handle') as SVGGElement | null)?.focus();
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) fromPointer(e);
        }}
      >
        <title>{`Plot of ${curves.map((c) => c.label).join(' and ')}`}</title>
        <g className="plot-grid">
          {yTicks.map((t) => (
            <line key={`gy${t}`} x1={M.left} x2={WIDTH - M.right} y1={sy(t)} y2={sy(t)} />
          ))}
        </g>
        <g className="plot-axis">
          <line x1={M.left} x2={WIDTH - M.right} y1={sy(0)} y2={sy(0)} />
          <line x1={sx(0)} x2={sx(0)} y1={M.top} y2={HEIGHT - M.bottom} />
          {xTicks.map((t) => (
            <text key={`x${t}`} className="plot-tick" x={sx(t)} y={HEIGHT - M.bottom + 16} textAnchor="middle">
              {t}
            </text>
          ))}
          {yTicks.map((t) => (
            <text key={`y${t}`} className="plot-tick" x={M.left - 6} y={sy(t) + 4} textAnchor="end">
              {t}
            </text>
          ))}
        </g>
        {curves.map((c) => (
          <path
            key={c.id}
            className="plot-curve"
            data-curve={c.id}
            d={path(c.points) ?? ''}
            stroke={c.color}
            strokeDasharray={c.dashed ? '6 4' : undefined}
          />
        ))}
        <g
          className="plot-handle"
          role="slider"
          tabIndex={0}
          aria-label={label}
          aria-valuemin={xDomain[0]}
          aria-valuemax={xDomain[1]}
          aria-valuenow={x}
          aria-valuetext={`x = ${x}`}
          onKeyDown={onKeyDown}
        >
          <rect x={sx(x) - 10} y={M.top} width={20} height={HEIGHT - M.top - M.bottom} fill="transparent" />
          <line className="plot-marker-line" x1={sx(x)} x2={sx(x)} y1={M.top} y2={HEIGHT - M.bottom} />
          {curves.map((c) => {
            const nearest = c.points.reduce((a, b) => (Math.abs(b[0] - x) < Math.abs(a[0] - x) ? b : a));
            return <circle key={c.id} cx={sx(x)} cy={sy(clamp(nearest[1]))} r={5} fill={c.color} />;
          })}
        </g>
      </svg>
      <ul className="plot-legend">
        {curves.map((c) => (
          <li key={c.id} style={{ color: c.color }}>
            <span
              className={c.dashed ? 'plot-swatch plot-swatch--dashed' : 'plot-swatch'}
              style={c.dashed ? { color: c.color } : { background: c.color }}
            />
            <span style={{ color: 'var(--text)' }}>{c.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
