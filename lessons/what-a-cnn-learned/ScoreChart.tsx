/**
 * The class score against ascent step. Like app/ui/LineChart, but the y axis takes in negative
 * values: a class score starts below zero on a grey image as often as not, and the climb from
 * there is the point of the chart.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { ReactElement } from 'react';
import '../../app/ui/plots.css';

export interface ScorePoint {
  readonly step: number;
  readonly score: number;
}

const WIDTH = 560;
const HEIGHT = 260;
const M = { top: 12, right: 16, bottom: 40, left: 48 };

export function ScoreChart(props: {
  readonly points: readonly ScorePoint[];
  readonly classIndex: number;
  readonly minSteps: number;
}): ReactElement {
  const { points, classIndex, minSteps } = props;
  const maxX = Math.max(minSteps, ...points.map((p) => p.step));
  const ys = points.map((p) => p.score);
  const sx = scaleLinear()
    .domain([0, maxX])
    .range([M.left, WIDTH - M.right]);
  const sy = scaleLinear()
    .domain([Math.min(0, ...ys), Math.max(1, ...ys)])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  const path = line<ScorePoint>()
    .x((p) => sx(p.step))
    .y((p) => sy(p.score));
  const last = points.at(-1);
  return (
    <div className="plot" data-testid="ascent-chart" data-points={points.length}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Score of class ${classIndex} against ascent step`}
      >
        <g className="plot-grid">
          {sy.ticks(5).map((t) => (
            <line key={t} x1={M.left} x2={WIDTH - M.right} y1={sy(t)} y2={sy(t)} />
          ))}
        </g>
        <g className="plot-axis">
          <line x1={M.left} x2={WIDTH - M.right} y1={sy(0)} y2={sy(0)} />
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
            ascent step
          </text>
          <text
            className="plot-axis-label"
            transform={`translate(12 ${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {`score S${classIndex}`}
          </text>
        </g>
        <path className="plot-curve" d={path([...points]) ?? ''} stroke="var(--accent)" />
      </svg>
      <p className="muted">
        {last ? `S${classIndex} = ${last.score.toFixed(3)} after ${last.step} steps` : 'No steps yet.'}
      </p>
    </div>
  );
}
