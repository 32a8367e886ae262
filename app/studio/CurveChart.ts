/**
 * An appending line chart drawn imperatively with d3, after TF Playground's AppendingLineChart:
 * created once on an <svg> and a legend list, then `update(series)` rescales the axes and redraws
 * the paths. It is fed from the store's `subscribe`, so a new point costs one SVG update and no
 * React render. The legend sits outside the plot (a list under it) and repeats every series'
 * latest value as text. Sizes follow the root font size, so presenter mode's larger type fits,
 * and the number of ticks follows the plot's width in pixels, so labels never run into each other.
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
  /** Mark every point (the full validation pass has one per epoch). */
  readonly dots?: boolean;
  /** Dashed line (validation measured on a subset, between the full passes). */
  readonly dashed?: boolean;
  /** A kept earlier run drawn faintly behind the current one; its legend is the compare-runs list. */
  readonly faint?: boolean;
}

export interface CurveChartOptions {
  readonly yLabel: string;
  /** Fixed y range (accuracy: [0, 1]); otherwise [0, max of the data]. */
  readonly yDomain?: readonly [number, number];
  readonly format: (y: number) => string;
}

/** What an empty chart says instead of drawing axes labelled 0.00 (two lines: narrow charts). */
export const EMPTY_TEXT: readonly string[] = ['No data yet:', 'press Start or Step'];

/** The root font size in px: margins follow the type, so presenter mode's larger text fits. */
const rem = (): number => Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

/** Room per tick label, in rem: a label like "0.125" at 0.75rem plus a gap. */
const X_TICK_REM = 4.5;
const Y_TICK_REM = 1.8;

type Dot = { readonly p: ChartPoint; readonly color: string; readonly id: string };

export class CurveChart {
  private readonly root: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly xAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly plot: Selection<SVGGElement, unknown, null, undefined>;
  private readonly xLabel: Selection<SVGTextElement, unknown, null, undefined>;
  private readonly empty: Selection<SVGTextElement, unknown, null, undefined>;
  private readonly legend: Selection<HTMLUListElement, unknown, null, undefined>;

  constructor(
    private readonly svg: SVGSVGElement,
    legend: HTMLUListElement,
    private readonly options: CurveChartOptions,
  ) {
    this.root = select(svg);
    this.root.selectAll('*').remove();
    this.xAxis = this.root.append('g').attr('class', 'curve-axis');
    this.yAxis = this.root.append('g').attr('class', 'curve-axis');
    this.xLabel = this.root.append('text').attr('class', 'curve-label').attr('text-anchor', 'end').text('epochs');
    this.plot = this.root.append('g');
    this.empty = this.root.append('text').attr('class', 'curve-empty').attr('text-anchor', 'middle');
    this.empty
      .selectAll('tspan')
      .data(EMPTY_TEXT)
      .join('tspan')
      .attr('dy', (_, i) => (i === 0 ? '-0.2em' : '1.3em'))
      .text((line) => line);
    this.legend = select(legend);
  }

  /** Redraws at the SVG's current size (call again after a resize). */
  update(series: readonly CurveSeries[]): void {
    // Drawn in CSS pixels at the element's own size, so text stays at the page's type size.
    const W = Math.max(120, this.svg.clientWidth);
    const H = Math.max(80, this.svg.clientHeight);
    const r = rem();
    const M = { top: 0.6 * r, right: 1.2 * r, bottom: 2.5 * r, left: 3.2 * r };
    this.root.attr('viewBox', `0 0 ${W} ${H}`);
    const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.y));
    const isEmpty = all.length === 0;
    this.root.attr('data-empty', isEmpty ? 'true' : 'false');
    this.empty.attr('y', H / 2).attr('display', isEmpty ? null : 'none');
    this.empty.selectAll('tspan').attr('x', W / 2);
    this.xAxis.attr('display', isEmpty ? 'none' : null);
    this.yAxis.attr('display', isEmpty ? 'none' : null);
    this.xLabel.attr('display', isEmpty ? 'none' : null);
    this.drawLegend(series);
    if (isEmpty) {
      this.plot.selectAll('*').remove();
      return;
    }

    const maxX = Math.max(0.01, ...all.map((p) => p.x));
    const maxY = Math.max(1e-3, ...all.map((p) => p.y));
    const x = scaleLinear()
      .domain([0, maxX])
      .range([M.left, W - M.right]);
    const y = scaleLinear()
      .domain(this.options.yDomain ? [...this.options.yDomain] : [0, maxY])
      .nice()
      .range([H - M.bottom, M.top]);
    const xTicks = Math.max(2, Math.floor((W - M.left - M.right) / (X_TICK_REM * r)));
    const yTicks = Math.max(2, Math.floor((H - M.top - M.bottom) / (Y_TICK_REM * r)));
    this.xAxis.attr('transform', `translate(0 ${H - M.bottom})`);
    this.yAxis.attr('transform', `translate(${M.left} 0)`);
    this.xLabel.attr('x', W - M.right).attr('y', H - 0.2 * r);
    this.xAxis.call(axisBottom(x).ticks(xTicks));
    this.yAxis.call(
      axisLeft(y)
        .ticks(yTicks)
        .tickFormat((v) => this.options.format(Number(v))),
    );
    const top = y.domain()[1]!;
    const path = line<ChartPoint>()
      .defined((p) => Number.isFinite(p.y))
      .x((p) => x(p.x))
      .y((p) => y(Math.min(p.y, top)));

    // Kept runs first, so the current run's curves are drawn over them.
    const ordered = [...series.filter((s) => s.faint), ...series.filter((s) => !s.faint)];
    this.plot
      .selectAll<SVGPathElement, CurveSeries>('path')
      .data(ordered, (s) => s.id)
      .join('path')
      .attr('class', (s) => `curve-line${s.faint ? ' curve-line--faint' : ''}${s.dashed ? ' curve-line--dashed' : ''}`)
      .attr('data-series', (s) => s.id)
      .attr('data-points', (s) => s.points.length)
      .attr('stroke', (s) => s.color)
      .attr('d', (s) => path([...s.points]) ?? '')
      .order();
    const dots: Dot[] = ordered
      // A lone point draws no line (after the first Step, say): mark it so it shows.
      .filter((s) => (s.dots || s.points.length === 1) && !s.faint)
      .flatMap((s) => s.points.map((p) => ({ p, color: s.color, id: s.id })));
    this.plot
      .selectAll<SVGCircleElement, Dot>('circle')
      .data(dots)
      .join('circle')
      .attr('class', 'curve-dot')
      .attr('data-series', (d) => d.id)
      .attr('r', 0.22 * r)
      .attr('fill', (d) => d.color)
      .attr('cx', (d) => x(d.p.x))
      .attr('cy', (d) => y(Math.min(d.p.y, top)))
      .raise();
  }

  /** The current run's series, each with its latest value (kept runs are listed by CompareRuns). */
  private drawLegend(series: readonly CurveSeries[]): void {
    const items = this.legend
      .selectAll<HTMLLIElement, CurveSeries>('li')
      .data(
        series.filter((s) => !s.faint),
        (s) => s.id,
      )
      .join((enter) => {
        const li = enter.append('li');
        li.append('span').attr('class', 'curve-swatch');
        li.append('span').attr('class', 'curve-legend-text');
        return li;
      })
      .attr('data-series', (s) => s.id)
      .attr('data-points', (s) => s.points.length)
      .attr('data-last', (s) => s.points[s.points.length - 1]?.y ?? '')
      .attr('data-last-x', (s) => s.points[s.points.length - 1]?.x ?? '');
    items
      .select('.curve-swatch')
      .attr(
        'class',
        (s) => `curve-swatch${s.dashed ? ' curve-swatch--dashed' : ''}${s.dots ? ' curve-swatch--dot' : ''}`,
      )
      .style('color', (s) => s.color);
    items.select('.curve-legend-text').text((s) => {
      const last = s.points[s.points.length - 1];
      return `${s.label}: ${last ? this.options.format(last.y) : '—'}`;
    });
  }
}
