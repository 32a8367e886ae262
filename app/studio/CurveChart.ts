/**
 * An appending line chart drawn imperatively with d3, after TF Playground's AppendingLineChart:
 * created once on an <svg>, then `update(series)` rescales the axes and redraws the paths. It is
 * fed from the store's `subscribe`, so a new point costs one SVG update and no React render.
 * The legend (in the SVG) repeats every series' latest value as text.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { type Selection, select } from 'd3-selection';
import { line } from 'd3-shape';
import type { ChartPoint } from '../stores/studio';

export interface CurveSeries {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly points: readonly ChartPoint[];
  /** Validation curves have one point per epoch: mark the points. */
  readonly dots?: boolean;
}

export interface CurveChartOptions {
  readonly yLabel: string;
  /** Fixed y range (accuracy: [0, 1]); otherwise [0, max of the data]. */
  readonly yDomain?: readonly [number, number];
  readonly format: (y: number) => string;
  /** Where the legend goes: the corner the curves usually leave empty (loss falls, accuracy rises). */
  readonly legendAt: 'top' | 'bottom';
}

/** The root font size in px: margins follow the type, so presenter mode's larger text fits. */
const rem = (): number => Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

export class CurveChart {
  private readonly root: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly xAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly plot: Selection<SVGGElement, unknown, null, undefined>;
  private readonly legend: Selection<SVGGElement, unknown, null, undefined>;

  private readonly xLabel: Selection<SVGTextElement, unknown, null, undefined>;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly options: CurveChartOptions,
  ) {
    this.root = select(svg);
    this.root.selectAll('*').remove();
    this.xAxis = this.root.append('g').attr('class', 'curve-axis');
    this.yAxis = this.root.append('g').attr('class', 'curve-axis');
    this.xLabel = this.root.append('text').attr('class', 'curve-label').attr('text-anchor', 'end').text('epochs');
    this.plot = this.root.append('g');
    this.legend = this.root.append('g').attr('class', 'curve-legend');
  }

  /** Redraws at the SVG's current size (call again after a resize). */
  update(series: readonly CurveSeries[]): void {
    // Drawn in CSS pixels at the element's own size, so text stays at the page's type size.
    const W = Math.max(120, this.svg.clientWidth);
    const H = Math.max(80, this.svg.clientHeight);
    const r = rem();
    const M = { top: 1.5 * r, right: 0.75 * r, bottom: 1.9 * r, left: 2.6 * r };
    this.root.attr('viewBox', `0 0 ${W} ${H}`);
    this.xAxis.attr('transform', `translate(0 ${H - M.bottom})`);
    this.yAxis.attr('transform', `translate(${M.left} 0)`);
    this.xLabel.attr('x', W - M.right).attr('y', H - 2);
    const legendY = this.options.legendAt === 'top' ? M.top + 0.8 * r : H - M.bottom - 1.4 * r;
    this.legend.attr('transform', `translate(${W - M.right - 0.3 * r} ${legendY})`);
    const all = series.flatMap((s) => s.points);
    const maxX = Math.max(0.1, ...all.map((p) => p.x));
    const maxY = Math.max(1e-3, ...all.map((p) => (Number.isFinite(p.y) ? p.y : 0)));
    const x = scaleLinear()
      .domain([0, maxX])
      .range([M.left, W - M.right]);
    const y = scaleLinear()
      .domain(this.options.yDomain ? [...this.options.yDomain] : [0, maxY])
      .nice()
      .range([H - M.bottom, M.top]);
    this.xAxis.call(axisBottom(x).ticks(5));
    this.yAxis.call(
      axisLeft(y)
        .ticks(4)
        .tickFormat((v) => this.options.format(Number(v))),
    );
    const path = line<ChartPoint>()
      .defined((p) => Number.isFinite(p.y))
      .x((p) => x(p.x))
      .y((p) => y(Math.min(p.y, y.domain()[1]!)));

    this.plot
      .selectAll<SVGPathElement, CurveSeries>('path')
      .data(series, (s) => s.id)
      .join('path')
      .attr('class', 'curve-line')
      .attr('stroke', (s) => s.color)
      .attr('d', (s) => path([...s.points]) ?? '');
    const dots = series.filter((s) => s.dots).flatMap((s) => s.points.map((p) => ({ p, color: s.color })));
    this.plot
      .selectAll<SVGCircleElement, { p: ChartPoint; color: string }>('circle')
      .data(dots)
      .join('circle')
      .attr('r', 3.5)
      .attr('fill', (d) => d.color)
      .attr('cx', (d) => x(d.p.x))
      .attr('cy', (d) => y(Math.min(d.p.y, y.domain()[1]!)));

    const items = this.legend
      .selectAll<SVGTextElement, CurveSeries>('text')
      .data(series, (s) => s.id)
      .join('text')
      .attr('x', 0)
      .attr('y', (_, i) => i * 1.05 * r)
      .attr('text-anchor', 'end')
      .attr('fill', (s) => s.color)
      .attr('data-series', (s) => s.id)
      .attr('data-last', (s) => s.points[s.points.length - 1]?.y ?? '');
    items.text((s) => {
      const last = s.points[s.points.length - 1];
      return `${s.label}: ${last ? this.options.format(last.y) : '—'}`;
    });
  }
}
