/**
 * Turns the per-run results into the printed table and the one-line JSON summary per model.
 * ConvLab engines also get training GFLOP/s (bench/flops.ts) and their share of this machine's
 * fp32 peak (bench/peak.ts); the peers are left blank there, since they may do other work per step.
 */
import { getPreset } from '../engine/spec/presets';
import { summarize } from '../engine/spec/summarize';
import { TRAIN_IMAGES } from './config';
import { trainingFlopsPerImage } from './flops';
import type { MachinePeak } from './peak';
import { ENGINE_NAMES, type EngineName, type ModelKey, type RunConfig, type RunResult } from './protocol';

export interface ModelSummaryLine {
  readonly model: ModelKey;
  readonly imagesPerSecond: Partial<Record<EngineName, number>>;
  readonly ratioVsBestTfjs: number | null;
  readonly ratioVsConvnetjs: number | null;
  /**
   * Images per renderer CPU-second, for the engines that compute in the page's process (not
   * WebGPU or WebGL, whose work runs in the GPU process).
   */
  readonly imagesPerCpuSecond: Partial<Record<EngineName, number>>;
  /** convlab-wasm images/s over convlab-cpu's (the TypeScript engine) in this run. */
  readonly ratioWasmVsCpu: number | null;
  /** The same ratio per renderer CPU-second: what is left of it when the neighbours' load differs between the two tabs. */
  readonly ratioWasmVsCpuByCpuTime: number | null;
  /** Training GFLOP/s of each ConvLab engine (imagesPerSecond × trainingFlopsPerImage). */
  readonly gflopsPerSecond: Partial<Record<EngineName, number>>;
  /** The same as a percentage of peakGflops. */
  readonly percentOfPeak: Partial<Record<EngineName, number>>;
  readonly trainingFlopsPerImage: number;
  readonly peakGflops: number | null;
  readonly testAccuracy: number | null;
  readonly adapter: string;
}

const isConvlab = (engine: EngineName): boolean => engine.startsWith('convlab-');
const computesInRenderer = (engine: EngineName): boolean => !/webgpu|webgl/.test(engine);

/** GFLOP/s for `images` images/s of `model`. */
function gflops(model: ModelKey, imagesPerSecond: number): number {
  return (imagesPerSecond * trainingFlopsPerImage(summarize(getPreset(model).spec)).total) / 1e9;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined): number | null =>
  a !== undefined && b !== undefined && b > 0 ? round(a / b, 3) : null;

function okRuns(results: readonly RunResult[]): Extract<RunResult, { ok: true }>[] {
  return results.filter((r): r is Extract<RunResult, { ok: true }> => r.ok);
}

export function summaryLine(
  model: ModelKey,
  results: readonly RunResult[],
  peak: MachinePeak | null,
): ModelSummaryLine {
  const ok = okRuns(results);
  const ips: Partial<Record<EngineName, number>> = {};
  const gflopsPerSecond: Partial<Record<EngineName, number>> = {};
  const percentOfPeak: Partial<Record<EngineName, number>> = {};
  const perCpuSecond: Partial<Record<EngineName, number>> = {};
  // Fixed key order (the brief's), with engines that could not run left out.
  for (const name of ENGINE_NAMES) {
    const r = ok.find((x) => x.engine === name);
    if (!r) continue;
    ips[name] = round(r.imagesPerSecond, 1);
    if (computesInRenderer(name) && r.imagesPerCpuSecond !== null) perCpuSecond[name] = round(r.imagesPerCpuSecond, 1);
    if (!isConvlab(name)) continue;
    const g = gflops(model, r.imagesPerSecond);
    gflopsPerSecond[name] = round(g, 2);
    if (peak) percentOfPeak[name] = round((100 * g) / peak.gflops, 2);
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
    imagesPerCpuSecond: perCpuSecond,
    ratioWasmVsCpu: ratio(ips['convlab-wasm'], ips['convlab-cpu']),
    ratioWasmVsCpuByCpuTime: ratio(perCpuSecond['convlab-wasm'], perCpuSecond['convlab-cpu']),
    gflopsPerSecond,
    percentOfPeak,
    trainingFlopsPerImage: trainingFlopsPerImage(summarize(getPreset(model).spec)).total,
    peakGflops: peak ? round(peak.gflops, 1) : null,
    testAccuracy: accuracy === null ? null : round(accuracy, 4),
    adapter: results[0]?.adapter ?? 'unknown',
  };
}

/** A Markdown table (readable in a terminal too) for one model, plus notes and ratios. */
export function modelTable(
  model: ModelKey,
  results: readonly RunResult[],
  configs: readonly RunConfig[],
  peak: MachinePeak | null,
): string {
  const lines: string[] = [];
  const cfg = configs.find((c) => c.model === model);
  const ok = okRuns(results);
  const summary = summaryLine(model, results, peak);
  const convnetjs = ok.find((r) => r.engine === 'convnetjs')?.imagesPerSecond;
  const testImages = cfg?.testImages ?? 0;
  lines.push(`### ${model}`, '');
  lines.push(
    `| engine | train images/s (timed steps) | images per CPU-second | vs ConvNetJS | GFLOP/s | % of peak | batch-1 latency, median (ms) | test acc. on first ${testImages} test images (after N training images) | notes |`,
  );
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const name of ENGINE_NAMES) {
    const r = results.find((x) => x.engine === name);
    if (!r) continue;
    if (!r.ok) {
      lines.push(
        `| ${name} | could not run | | | | | | | ${r.error.replace(/\|/g, '/').replace(/\s+/g, ' ').slice(0, 200)} |`,
      );
      continue;
    }
    const vs = ratio(r.imagesPerSecond, convnetjs);
    const g = summary.gflopsPerSecond[name];
    const pct = summary.percentOfPeak[name];
    lines.push(
      `| ${name} | ${r.imagesPerSecond.toFixed(1)} (${r.timedSteps}) | ${summary.imagesPerCpuSecond[name]?.toFixed(1) ?? ''} | ${vs === null ? '' : `${vs.toFixed(2)}x`} | ${g?.toFixed(2) ?? ''} | ${pct === undefined ? '' : `${pct.toFixed(1)}%`} | ${r.latencyMedianMs.toFixed(2)} | ${(100 * r.testAccuracy).toFixed(2)}% (${r.trainedImages.toLocaleString('en')}) | ${r.note} |`,
    );
  }
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
  lines.push(
    `ConvLab wasm vs ConvLab CPU (TypeScript): ${summary.ratioWasmVsCpu ?? 'n/a'}x in images/s; ${summary.ratioWasmVsCpuByCpuTime ?? 'n/a'}x per renderer CPU-second.`,
  );
  lines.push(
    `Training FLOPs per image (bench/flops.ts): ${(summary.trainingFlopsPerImage / 1e6).toFixed(3)} M; peak (bench/peak.ts): ${peak?.derivation ?? 'unknown (no /proc/cpuinfo)'}.`,
  );
  return lines.join('\n');
}
