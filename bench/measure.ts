/**
 * The harness: the same sequence of measurements for every engine.
 *   1. warm-up steps (untimed: shader compilation, JIT, allocation), then one calibration step;
 *   2. the timed window of training steps, ended by the engine's own "work finished" (for GPU
 *      engines a loss/metrics readback, so queued but unexecuted work is never counted as done);
 *   3. more training up to the accuracy budget (or its time cap), then accuracy on the first
 *      testImages test images;
 *   4. batch-1 inference latency, median of latencyRuns (after 3 untimed predictions);
 *   5. ConvLab WebGPU only: training on to headlineSteps (or headlineSeconds) and accuracy on
 *      the whole test set.
 */
import type { DatasetSplits } from '../engine/data/dataset';
import type { BenchEngine } from './engine';
import type { Headline, RunConfig } from './protocol';

/** Untimed training goes in chunks of about this long, so progress shows and time caps bite. */
const CHUNK_MS = 5000;
const MAX_CHUNK_STEPS = 50;
const MIN_TIMED_STEPS = 3;

export interface Measurement {
  readonly imagesPerSecond: number;
  /** Timed images over the renderer's CPU seconds in the window; null without a CPU clock. */
  readonly imagesPerCpuSecond: number | null;
  readonly timedSteps: number;
  readonly latencyMedianMs: number;
  readonly testAccuracy: number;
  readonly trainedImages: number;
  readonly testImages: number;
  readonly headline: Headline | null;
}

export type Log = (line: string) => void;

export async function measure(
  engine: BenchEngine,
  data: DatasetSplits,
  config: RunConfig,
  log: Log,
  cpuSeconds: (() => Promise<number>) | null = null,
): Promise<Measurement> {
  let steps = 0;
  let chunk = MAX_CHUNK_STEPS;
  const trainTo = async (target: number, deadline = Number.POSITIVE_INFINITY): Promise<void> => {
    while (steps < target && performance.now() < deadline) {
      steps += await engine.trainSteps(Math.min(chunk, target - steps));
      log(`step ${steps}/${target}, loss ${(await engine.lastLoss())?.toFixed(4) ?? '(not reported yet)'}`);
    }
  };

  await trainTo(config.warmupSteps);
  let began = performance.now();
  const calibration = await engine.trainSteps(1);
  steps += calibration;
  const msPerStep = (performance.now() - began) / calibration;
  chunk = Math.max(1, Math.min(MAX_CHUNK_STEPS, Math.round(CHUNK_MS / msPerStep)));
  const want = Math.round((config.timedSeconds * 1000) / msPerStep);
  const timedSteps = Math.max(MIN_TIMED_STEPS, Math.min(config.timedSteps, want));

  const cpuBefore = cpuSeconds ? await cpuSeconds() : Number.NaN;
  began = performance.now();
  const timed = await engine.trainSteps(timedSteps);
  const ms = performance.now() - began;
  const cpu = cpuSeconds ? (await cpuSeconds()) - cpuBefore : Number.NaN;
  steps += timed;
  const imagesPerSecond = (timed * config.batchSize * 1000) / ms;
  const imagesPerCpuSecond = cpu > 0 ? (timed * config.batchSize) / cpu : null;
  log(
    `timed ${timed} steps in ${ms.toFixed(0)} ms (${cpu.toFixed(2)} renderer CPU s): ${imagesPerSecond.toFixed(1)} images/s`,
  );

  await trainTo(config.accuracySteps, performance.now() + config.accuracySeconds * 1000);
  const loss = await engine.lastLoss();
  if (loss !== null && !Number.isFinite(loss)) throw new Error(`training diverged (loss ${loss}) after ${steps} steps`);
  const trainedImages = steps * config.batchSize;
  const testImages = Math.min(config.testImages, data.test.count);
  const testAccuracy = await engine.evaluate(testImages);
  log(`accuracy ${(100 * testAccuracy).toFixed(2)}% on ${testImages} test images after ${trainedImages} images`);

  const latencyMedianMs = await latency(engine, config.latencyRuns, data.test.count);
  log(`batch-1 latency median ${latencyMedianMs.toFixed(2)} ms`);

  let headline: Headline | null = null;
  if (config.headlineSteps > steps) {
    await trainTo(config.headlineSteps, performance.now() + config.headlineSeconds * 1000);
    const accuracy = await engine.evaluate(data.test.count);
    headline = { steps, testImages: data.test.count, accuracy };
    log(`headline accuracy ${(100 * accuracy).toFixed(2)}% after ${steps} steps`);
  }
  return {
    imagesPerSecond,
    imagesPerCpuSecond,
    timedSteps: timed,
    latencyMedianMs,
    testAccuracy,
    trainedImages,
    testImages,
    headline,
  };
}

async function latency(engine: BenchEngine, runs: number, testCount: number): Promise<number> {
  for (let i = 0; i < 3; i++) await engine.predictOne(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    await engine.predictOne((i + 3) % testCount);
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
}
