/**
 * What the experiment reads off a RunView: the smoothed loss curve, the latest per-layer weight
 * gradient norms in depth order, and short summaries for tests and readouts.
 */
import type { ChartPoint } from '../../app/ui/LineChart';
import type { RunView } from '../../app/ui/training/useWorkerRun';

/** Batches per point of the smoothed curve: one batch of 32 is too noisy to compare two nets by. */
export const SMOOTH_OVER = 10;

/** Running mean of the last SMOOTH_OVER losses, one point per progress point. */
export function smoothedLoss(view: RunView): ChartPoint[] {
  const out: ChartPoint[] = [];
  let sum = 0;
  const points = view.points;
  for (let i = 0; i < points.length; i++) {
    sum += points[i]!.loss;
    if (i >= SMOOTH_OVER) sum -= points[i - SMOOTH_OVER]!.loss;
    out.push({ x: points[i]!.step, y: sum / Math.min(i + 1, SMOOTH_OVER) });
  }
  return out;
}

/** Ids of the layers with weights (conv and dense), input side first. */
export function weightLayers(view: RunView): string[] {
  return (view.summary?.layers ?? []).filter((l) => l.type === 'conv2d' || l.type === 'dense').map((l) => l.id);
}

/** The latest reading's weight-gradient norm of every weight layer, in depth order. */
export function latestWeightNorms(view: RunView): { layer: string; norm: number }[] {
  const reading = view.gradientNorms[view.gradientNorms.length - 1];
  if (!reading) return [];
  const byParam = new Map(reading.norms.map((n) => [n.param, n.norm]));
  return weightLayers(view).flatMap((layer) => {
    const norm = byParam.get(`${layer}.weight`);
    return norm === undefined ? [] : [{ layer, norm }];
  });
}

/** [step, loss] of every point, rounded, for tests and screen readers to compare the nets at one step. */
export function lossTrace(view: RunView): string {
  return JSON.stringify(view.points.map((p) => [p.step, Number(p.loss.toFixed(5))]));
}
