/**
 * `npm run bench`: builds the bench page, serves it with the datasets on 127.0.0.1, and runs every
 * (model, engine) pair in its own fresh tab of ONE headless Chromium, so all engines share the
 * browser and WebGPU adapter. Prints a table per model and one JSON line per model, and writes
 * everything to bench/results/latest.json. A benchmark, never a test: it asserts nothing about time.
 *
 * Environment: BENCH_MODELS, BENCH_ENGINES (comma lists), BENCH_STEPS (timed steps),
 * BENCH_TIMED_S, BENCH_WARMUP, BENCH_ACCURACY_STEPS, BENCH_ACCURACY_S, BENCH_TEST_IMAGES,
 * BENCH_LATENCY_RUNS, BENCH_HEADLINE_STEPS, BENCH_HEADLINE_S,
 * BENCH_LR, BENCH_RUN_TIMEOUT_S, BENCH_CHROMIUM_FLAGS (extra flags, e.g. on a real GPU
 * "--enable-features=Vulkan --use-angle=vulkan"), CHROMIUM_PATH, BENCH_DATA_DIR, BENCH_SKIP_BUILD=1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { buildPolicy, serializePolicy } from '../scripts/security/policy';
import { type Plan, planFromEnv } from './config';
import { machinePeak } from './peak';
import { MODEL_KEYS, type RunConfig, type RunResult } from './protocol';
import { modelTable, summaryLine } from './report';
import { serve } from './server';
import { BENCH_OUT_DIR } from './vite.config';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repo = resolve(benchDir, '..');
const dataDir = resolve(process.env.BENCH_DATA_DIR ?? join(repo, '..', 'shared', 'datasets'));
const say = (line: string): void => void process.stderr.write(`${line}\n`);

/**
 * ConvLab's own engines run under the app's Content-Security-Policy (scripts/security/policy.ts), so
 * the bench measures what the app can load (convlab-wasm compiles its kernels under
 * 'wasm-unsafe-eval'). The peers' pages get none: TF.js WASM builds its workers from blob: URLs.
 */
function appPolicyForConvlab(url: URL): Record<string, string> {
  const config = url.searchParams.get('config');
  if (url.pathname !== '/' || !config) return {};
  let engine = '';
  try {
    engine = (JSON.parse(config) as Partial<RunConfig>).engine ?? '';
  } catch {
    return {}; // not a run the bench started; the page itself reports the bad ?config=
  }
  return engine.startsWith('convlab-') ? { 'Content-Security-Policy': serializePolicy(buildPolicy()) } : {};
}

async function runOne(browser: Browser, origin: string, config: RunConfig, timeoutMs: number): Promise<RunResult> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const tag = `${config.model} ${config.engine}`;
  const failed = (error: string): RunResult => ({
    ok: false,
    model: config.model,
    engine: config.engine,
    error,
    adapter: '',
  });
  try {
    const reported = new Promise<RunResult>((done) => {
      void page.exposeFunction('benchReport', (json: string) => done(JSON.parse(json) as RunResult));
    });
    // The renderer's CPU time, for images per CPU-second (load from other processes does not count).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.exposeFunction('benchCpuSeconds', async (): Promise<number> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'ProcessTime')?.value ?? Number.NaN;
    });
    page.on('console', (m) => say(`  [${tag}] ${m.text().replace(/^\[bench\] /, '')}`));
    const crashed = new Promise<RunResult>((done) => {
      page.on('pageerror', (e) => done(failed(`page error: ${e.message}`)));
      page.on('crash', () => done(failed('the tab crashed (out of memory?)')));
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<RunResult>((done) => {
      timer = setTimeout(() => done(failed(`no result within ${timeoutMs / 1000} s (BENCH_RUN_TIMEOUT_S)`)), timeoutMs);
    });
    await page.goto(`${origin}/?config=${encodeURIComponent(JSON.stringify(config))}`);
    const result = await Promise.race([reported, crashed, timedOut]);
    clearTimeout(timer);
    return result;
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  } finally {
    await context.close().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const plan: Plan = planFromEnv();
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    say('building the bench page (vite build --config bench/vite.config.ts)...');
    await build({ configFile: join(benchDir, 'vite.config.ts') });
  }
  const { server, origin } = await serve(
    [
      { prefix: '/', dir: BENCH_OUT_DIR },
      { prefix: '/datasets/', dir: dataDir },
      { prefix: '/tfjs-wasm/', dir: join(repo, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') },
    ],
    appPolicyForConvlab,
  );
  say(`serving ${origin} (datasets from ${dataDir}); Chromium ${plan.chromiumPath} ${plan.chromiumArgs.join(' ')}`);
  const browser = await chromium.launch({ executablePath: plan.chromiumPath, args: [...plan.chromiumArgs] });
  const started = new Date();
  const loadBefore = loadavg();
  const results: RunResult[] = [];
  try {
    for (const config of plan.runs) {
      say(`== ${config.model} / ${config.engine}`);
      // The 1-minute load average around each run: on a shared machine it says which runs the
      // neighbours slowed down, so a ratio between two engines can be read with that in mind.
      const loadAtStart = loadavg()[0]!;
      const result = await runOne(browser, origin, config, plan.runTimeoutMs);
      if (!result.ok) say(`  ${config.engine} could not run: ${result.error}`);
      const load = `load ${loadAtStart.toFixed(1)}→${loadavg()[0]!.toFixed(1)}`;
      results.push(result.ok ? { ...result, note: `${result.note}; ${load}` } : result);
    }
  } finally {
    await browser.close();
    server.close();
  }

  const adapter = results.find((r) => r.adapter)?.adapter ?? 'unknown';
  const filled = results.map((r) => (r.adapter ? r : { ...r, adapter }));
  const models = MODEL_KEYS.filter((m) => filled.some((r) => r.model === m));
  const peak = machinePeak();
  const summaries = models.map((m) =>
    summaryLine(
      m,
      filled.filter((r) => r.model === m),
      peak,
    ),
  );
  const out = process.stdout;
  const loadAfter = loadavg();
  const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' ');
  out.write(
    `\nConvLab bench, ${started.toISOString()} to ${new Date().toISOString()}; adapter: ${adapter}; ${cpus().length} CPU cores\n`,
  );
  out.write(`load average (1, 5, 15 min): ${load(loadBefore)} before, ${load(loadAfter)} after\n`);
  out.write(`SGD momentum 0.9, learning rate ${plan.runs[0]?.learningRate}, batch ${plan.runs[0]?.batchSize}\n\n`);
  for (const model of models) {
    out.write(
      `${modelTable(
        model,
        filled.filter((r) => r.model === model),
        plan.runs,
        peak,
      )}\n\n`,
    );
  }
  for (const s of summaries) out.write(`${JSON.stringify(s)}\n`);

  const resultsDir = join(benchDir, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const record = {
    date: started.toISOString(),
    adapter,
    chromiumArgs: plan.chromiumArgs,
    peak,
    loadAverage: { before: loadBefore, after: loadAfter },
    summaries,
    runs: filled,
    configs: plan.runs,
  };
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(record, null, 2)}\n`);
  say(`wrote ${join(resultsDir, 'latest.json')}`);
}

main().catch((error: unknown) => {
  say(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
