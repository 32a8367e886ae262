/**
 * Turns the per-run results into the printed table and the one-line JSON summary per model.
 */
import { TRAIN_IMAGES } from './config';
import { ENGINE_NAMES, type EngineName, type ModelKey, type RunConfig, type RunResult } from './protocol';

export interface ModelSummaryLine {
  readonly model: ModelKey;
  readonly imagesPerSecond: Partial<Record<EngineName, number>>;
  readonly ratioVsBestTfjs: number | null;
  readonly ratioVsConvnetjs: number | null;
  readonly testAccuracy: number | null;
  readonly adapter: string;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined): number | null =>
  a !== undefined && b !== undefined && b > 0 ? round(a / b, 3) : null;

function okRuns(results: readonly RunResult[]): Extract<RunResult, { ok: true }>[] {
  return results.filter((r): r is Extract<RunResult, { ok: true }> => r.ok);
}

export function summaryLine(model: ModelKey, results: readonly RunResult[]): ModelSummaryLine {
  const ok = okRuns(results);
  const ips: Partial<Record<EngineName, number>> = {};
  // Fixed key order (the brief's), with engines that could not run left out.
  for (const name of ENGINE_NAMES) {
    const r = ok.find((x) => x.engine === name);
    if (r) ips[name] = round(r.imagesPerSecond, 1);
  }
  const tfjs = ok.filter((r) => r.engine.startsWith('tfjs-')).map((r) => r.imagesPerSecond);
  const bestTfjs = tfjs.length > 0 ? Math.max(...tfjs) : undefined;
  const gpu = ok.find((r) => r.engine === 'convlab-webgpu');
  const convnetjs = ok.find((r) => r.engine === 'convnetjs')?.imagesPerSecond;
  const accuracy = gpu ? (gpu.headline?.accuracy ?? gpu.testAccuracy) : null;
  return {
    model,
    imagesPerSecond: ips,
    ratioVsBestTfjs: ratio(gpu?.imagesPerSecond, bestTfjs),
    ratioVsConvnetjs: ratio(gpu?.imagesPerSecond, convnetjs),
    testAccuracy: accuracy === null ? null : round(accuracy, 4),
    adapter: results[0]?.adapter ?? 'unknown',
  };
}

/** A Markdown table (readable in a terminal too) for one model, plus notes and ratios. */
export function modelTable(model: ModelKey, results: readonly RunResult[], configs: readonly RunConfig[]): string {
  const lines: string[] = [];
  const cfg = configs.find((c) => c.model === model);
  const ok = okRuns(results);
  const convnetjs = ok.find((r) => r.engine === 'convnetjs')?.imagesPerSecond;
  const testImages = cfg?.testImages ?? 0;
  lines.push(`### ${model}`, '');
  lines.push(
    `| engine | train images/s (timed steps) | vs ConvNetJS | batch-1 latency, median (ms) | test acc. on first ${testImages} test images (after N training images) | notes |`,
  );
  lines.push('|---|---|---|---|---|---|');
  for (const name of ENGINE_NAMES) {
    const r = results.find((x) => x.engine === name);
    if (!r) continue;
    if (!r.ok) {
      lines.push(
        `| ${name} | could not run | | | | ${r.error.replace(/\|/g, '/').replace(/\s+/g, ' ').slice(0, 200)} |`,
      );
      continue;
    }
    const vs = ratio(r.imagesPerSecond, convnetjs);
    lines.push(
      `| ${name} | ${r.imagesPerSecond.toFixed(1)} (${r.timedSteps}) | ${vs === null ? '' : `${vs.toFixed(2)}x`} | ${r.latencyMedianMs.toFixed(2)} | ${(100 * r.testAccuracy).toFixed(2)}% (${r.trainedImages.toLocaleString('en')}) | ${r.note} |`,
    );
  }
  const summary = summaryLine(model, results);
  const gpu = ok.find((r) => r.engine === 'convlab-webgpu');
  const cpu = ok.find((r) => r.engine === 'convlab-cpu');
  lines.push('');
  if (gpu) {
    lines.push(
      `ConvLab WebGPU vs best TF.js backend: ${summary.ratioVsBestTfjs ?? 'n/a'}x; vs ConvNetJS: ${summary.ratioVsConvnetjs ?? 'n/a'}x.`,
    );
    if (gpu.headline && cfg) {
      const epochs = gpu.headline.steps / Math.ceil(TRAIN_IMAGES[model] / cfg.batchSize);
      lines.push(
        `ConvLab WebGPU test accuracy (the JSON's testAccuracy) after ${gpu.headline.steps} steps (${epochs.toFixed(2)} epochs), on all ${gpu.headline.testImages} test images: ${(100 * gpu.headline.accuracy).toFixed(2)}%.`,
      );
    }
  } else {
    lines.push('ConvLab WebGPU did not run, so its ratios and testAccuracy are null.');
  }
  lines.push(`ConvLab CPU vs ConvNetJS: ${ratio(cpu?.imagesPerSecond, convnetjs) ?? 'n/a'}x.`);
  return lines.join('\n');
}
