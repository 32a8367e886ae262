/**
 * Turning summed GPU metrics (engine/gpu/metrics.ts GpuMetrics) into the trainer's Metrics
 * (engine/train/metrics.ts), and adding readbacks together over a window or an epoch.
 */
import type { Metrics } from '../train/metrics';
import type { GpuMetrics } from './metrics';

export function emptyGpuMetrics(classes: number): GpuMetrics {
  return { lossSum: 0, penaltySum: 0, correct: 0, count: 0, confusion: new Uint32Array(classes * classes) };
}

export function addGpuMetrics(a: GpuMetrics, b: GpuMetrics): GpuMetrics {
  const confusion = a.confusion.slice();
  for (let i = 0; i < confusion.length; i++) confusion[i]! += b.confusion[i] ?? 0;
  return {
    lossSum: a.lossSum + b.lossSum,
    penaltySum: a.penaltySum + b.penaltySum,
    correct: a.correct + b.correct,
    count: a.count + b.count,
    confusion,
  };
}

/** The data-loss metrics (as the CPU trainer's epoch and validation metrics: no penalty). */
export function toMetrics(m: GpuMetrics, classes: number): Metrics {
  const perClassAccuracy: number[] = [];
  for (let c = 0; c < classes; c++) {
    let row = 0;
    for (let p = 0; p < classes; p++) row += m.confusion[c * classes + p]!;
    perClassAccuracy.push(row === 0 ? Number.NaN : m.confusion[c * classes + c]! / row);
  }
  return {
    count: m.count,
    loss: m.count === 0 ? Number.NaN : m.lossSum / m.count,
    accuracy: m.count === 0 ? Number.NaN : m.correct / m.count,
    perClassAccuracy,
    confusion: m.confusion.slice(),
  };
}
