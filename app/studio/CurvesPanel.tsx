/**
 * Loss and accuracy against epochs: training (from progress events, a point every few batches,
 * and after every single Step), validation on a fixed subset (several checks per epoch, dashed)
 * and the full validation pass (a dot at each epoch's end), with earlier finished runs drawn
 * faintly behind for comparison (CompareRuns lists and toggles them). Both charts are imperative
 * d3 (CurveChart) fed by the stores' subscribe, throttled to one redraw per animation frame.
 */
import { type ReactElement, useEffect, useRef } from 'react';
import { type History, type StudioState, useStudio } from '../stores/studio';
import { type KeptRun, runLabel, useRuns } from '../stores/studioRuns';
import { CompareRuns } from './CompareRuns';
import { CurveChart, type CurveChartOptions, type CurveSeries } from './CurveChart';
import { VALIDATION_CHECKS, VALIDATION_SUBSET } from './hyper';
import { TestEvaluationButton, TestEvaluationResult } from './TestEvaluation';
import './studio-curves.css';

type Metric = 'loss' | 'accuracy';

const SERIES_KEYS: Readonly<Record<Metric, { train: keyof History; subset: keyof History; full: keyof History }>> = {
  loss: { train: 'trainLoss', subset: 'subsetLoss', full: 'validationLoss' },
  accuracy: { train: 'trainAccuracy', subset: 'subsetAccuracy', full: 'validationAccuracy' },
};

/** The current run's three series and the visible kept runs' train and validation curves. */
function seriesOf(metric: Metric, state: StudioState, runs: readonly KeptRun[]): CurveSeries[] {
  const keys = SERIES_KEYS[metric];
  const h = state.history;
  const validationCount = state.dataset.info?.validationCount ?? 0;
  const current: CurveSeries[] = [
    { id: 'train', label: 'train', color: 'var(--accent)', points: h[keys.train] ?? [] },
    {
      id: 'validation-subset',
      label: `validation, ${Math.min(VALIDATION_SUBSET, validationCount)} images ×${VALIDATION_CHECKS}/epoch`,
      color: 'var(--right)',
      points: h[keys.subset] ?? [],
      dashed: true,
    },
    {
      id: 'validation',
      label: `validation, all ${validationCount.toLocaleString('en-US')}`,
      color: 'var(--focus)',
      points: h[keys.full] ?? [],
      dots: true,
    },
  ];
  const kept = runs
    .filter((r) => r.visible && r.id !== state.runId)
    .flatMap((r): CurveSeries[] => {
      const validation = (r.history[keys.subset]?.length ?? 0) > 0 ? keys.subset : keys.full;
      const label = runLabel(r.settings);
      return [
        { id: `run-${r.id}-train`, label, color: r.color, points: r.history[keys.train] ?? [], faint: true },
        {
          id: `run-${r.id}-validation`,
          label,
          color: r.color,
          points: r.history[validation] ?? [],
          faint: true,
          dashed: true,
        },
      ];
    });
  return [...kept, ...current];
}

function Curve({
  metric,
  options,
  title,
  label,
}: {
  metric: Metric;
  options: CurveChartOptions;
  title: string;
  label: string;
}): ReactElement {
  const svgRef = useRef<SVGSVGElement>(null);
  const legendRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!svgRef.current || !legendRef.current) return;
    const chart = new CurveChart(svgRef.current, legendRef.current, options);
    const draw = (): void => chart.update(seriesOf(metric, useStudio.getState(), useRuns.getState().runs));
    draw();
    let frame = 0;
    const redraw = (): void => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        draw();
      });
    };
    const stopStudio = useStudio.subscribe((state, previous) => {
      if (state.history !== previous.history || state.runId !== previous.runId) redraw();
    });
    const stopRuns = useRuns.subscribe(redraw);
    // The chart draws at its element's size: follow layout changes (presenter mode, window size).
    const resize = new ResizeObserver(redraw);
    resize.observe(svgRef.current);
    return () => {
      stopStudio();
      stopRuns();
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [metric, options]);
  return (
    <figure className="curve-figure" data-testid={`curve-${metric}`}>
      <figcaption className="curve-title">{title}</figcaption>
      <svg ref={svgRef} className="curve-chart" role="img" aria-label={label} />
      <ul ref={legendRef} className="curve-legend" aria-label={`${title}: latest values`} />
    </figure>
  );
}

const LOSS: CurveChartOptions = { yLabel: 'loss', format: (v) => v.toFixed(2) };
const ACCURACY: CurveChartOptions = {
  yLabel: 'accuracy',
  yDomain: [0, 1],
  format: (v) => `${Math.round(v * 100)}%`,
};

export function CurvesPanel(): ReactElement {
  return (
    <section className="studio-card curves" aria-labelledby="curves-title" data-testid="curves">
      <div className="curves-head">
        <h2 id="curves-title">Learning curves</h2>
        <TestEvaluationButton />
      </div>
      <TestEvaluationResult />
      <div className="curves-pair">
        <Curve
          metric="loss"
          options={LOSS}
          title="Loss"
          label="Loss against epochs: training, validation subset, full validation, and kept runs"
        />
        <Curve
          metric="accuracy"
          options={ACCURACY}
          title="Accuracy"
          label="Accuracy against epochs: training, validation subset, full validation, and kept runs"
        />
      </div>
      <CompareRuns />
    </section>
  );
}
