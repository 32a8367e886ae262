/**
 * Loss and accuracy against epochs: training (from progress events, a point every few batches)
 * and validation (one point per epoch). Both charts are imperative d3 (CurveChart) fed by the
 * store's subscribe, throttled to one redraw per animation frame.
 */
import { type ReactElement, useEffect, useRef } from 'react';
import { type History, useStudio } from '../stores/studio';
import { CurveChart, type CurveChartOptions, type CurveSeries } from './CurveChart';
import { TestEvaluationButton, TestEvaluationResult } from './TestEvaluation';

type Pick = (h: History) => readonly CurveSeries[];

const lossSeries: Pick = (h) => [
  { id: 'train', label: 'train loss', color: 'var(--accent)', points: h.trainLoss },
  { id: 'validation', label: 'validation loss', color: 'var(--focus)', points: h.validationLoss, dots: true },
];
const accuracySeries: Pick = (h) => [
  { id: 'train', label: 'train acc.', color: 'var(--accent)', points: h.trainAccuracy },
  { id: 'validation', label: 'validation acc.', color: 'var(--focus)', points: h.validationAccuracy, dots: true },
];

function Curve({ pick, options, label }: { pick: Pick; options: CurveChartOptions; label: string }): ReactElement {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = new CurveChart(ref.current, options);
    chart.update(pick(useStudio.getState().history));
    let frame = 0;
    const redraw = (): void => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        chart.update(pick(useStudio.getState().history));
      });
    };
    const unsubscribe = useStudio.subscribe((state, previous) => {
      if (state.history !== previous.history) redraw();
    });
    // The chart draws at its element's size: follow layout changes (presenter mode, window size).
    const resize = new ResizeObserver(redraw);
    resize.observe(ref.current);
    return () => {
      unsubscribe();
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [pick, options]);
  return <svg ref={ref} className="curve-chart" role="img" aria-label={label} />;
}

const LOSS: CurveChartOptions = { yLabel: 'loss', format: (v) => v.toFixed(2), legendAt: 'top' };
const ACCURACY: CurveChartOptions = {
  yLabel: 'accuracy',
  yDomain: [0, 1],
  format: (v) => `${Math.round(v * 100)}%`,
  legendAt: 'bottom',
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
        <Curve pick={lossSeries} options={LOSS} label="Loss against epochs, training and validation" />
        <Curve pick={accuracySeries} options={ACCURACY} label="Accuracy against epochs, training and validation" />
      </div>
    </section>
  );
}
