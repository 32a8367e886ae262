/**
 * `npm run bench:studio`: what the studio's live views cost the training they watch. Builds the app
 * and a bare-engine page (bench/studio/bare.ts) into a temporary folder, serves both on 127.0.0.1
 * and drives ONE headless Chromium (the flags of `npm run bench`). Runs alternate, each in a fresh
 * tab:
 *
 *  (a) studio — the real studio page with every live view on: curves, the inspector on Activations,
 *      and a digit drawn in "Try it", so each snapshot round also runs a prediction;
 *  (b) bare   — the same worker, model (lecture-mnist), seed, batch (32), hyperparameters and data
 *      (the embedded MNIST subset), with no snapshot or prediction request at all.
 *
 * After one unrecorded studio run (the browser's first tab is slower), runs go a,b,b,a,a,b,...
 * (BENCH_STUDIO_ROUNDS pairs). Each run trains for a warm-up, then a timed window; images/s is measured from the wall-clock time
 * of the progress events inside the window (the trainer's own figure excludes the time the worker
 * spends answering snapshots, which is exactly the cost measured here). During studio runs it also
 * records main-thread long tasks (PerformanceObserver 'longtask', buffered).
 *
 * Prints a table and one JSON line, and writes bench/results/studio-live-views.json. A benchmark,
 * not a test: it asserts nothing.
 *
 * Environment: BENCH_STUDIO_ROUNDS (a/b pairs, default 2), BENCH_STUDIO_WINDOW_S (20),
 * BENCH_STUDIO_WARMUP_S (6), CHROMIUM_PATH, BENCH_CHROMIUM_FLAGS (extra flags).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { BASE_CHROMIUM_ARGS } from '../config';
import { serve } from './server';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const say = (line: string): void => void process.stderr.write(`${line}\n`);
const num = (name: string, fallback: number): number => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number`);
  return v;
};

const ROUNDS = num('BENCH_STUDIO_ROUNDS', 2);
const WINDOW_S = num('BENCH_STUDIO_WINDOW_S', 20);
const WARMUP_S = num('BENCH_STUDIO_WARMUP_S', 6);
const BATCH = 32;
/** Long enough that no run reaches the end of training (one epoch is 219 steps). */
const EPOCHS = 100;

type Kind = 'studio' | 'bare';

interface LongTask {
  readonly start: number;
  readonly duration: number;
}

interface RunResult {
  readonly kind: Kind;
  readonly imagesPerSecond: number;
  /** The trainer's own figure (time inside steps only), for comparison. */
  readonly trainerImagesPerSecond: number | null;
  readonly steps: number;
  readonly seconds: number;
  readonly backend: string;
  readonly longTasks: readonly LongTask[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Wall-clock images/s over the progress events between warm-up end and window end. */
function rate(steps: readonly [number, number][], t0: number): { ips: number; steps: number; seconds: number } {
  const from = t0 + WARMUP_S * 1000;
  const to = from + WINDOW_S * 1000;
  const inside = steps.filter(([t]) => t >= from && t <= to);
  const first = inside[0];
  const last = inside[inside.length - 1];
  if (!first || !last || last[0] <= first[0])
    throw new Error(`too few progress events in the window (${inside.length})`);
  const seconds = (last[0] - first[0]) / 1000;
  const n = last[1] - first[1];
  return { ips: (n * BATCH) / seconds, steps: n, seconds };
}

async function drawDigit(page: Page): Promise<void> {
  const box = await page.getByTestId('draw-canvas').boundingBox();
  if (!box) throw new Error('no drawing canvas');
  // A "7": a bar across the top, then a stroke down to the lower left.
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.25);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.25, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.8, { steps: 8 });
  await page.mouse.up();
}

async function runStudio(page: Page, origin: string): Promise<RunResult> {
  await page.addInitScript(() => {
    const w = window as unknown as { benchLongTasks: { start: number; duration: number }[] };
    w.benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.benchLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${origin}/#/studio`);
  await page.getByTestId('dataset-info').filter({ hasText: 'validate' }).waitFor({ timeout: 120_000 });
  const startButton = page.getByRole('button', { name: /^Start/ });
  await startButton.waitFor();
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.startsWith('Start'));
    return b !== undefined && !b.disabled;
  });
  await page.getByRole('tab', { name: 'Hyperparameters' }).click();
  await page.getByLabel('Epochs', { exact: true }).fill(String(EPOCHS));
  await page.getByLabel('Batch size', { exact: true }).fill(String(BATCH));
  await page.getByRole('tab', { name: 'Activations' }).click();
  await drawDigit(page);
  await page.getByTestId('probabilities').locator('li').first().waitFor({ timeout: 30_000 });
  const backend = (await page.getByTestId('backend-status').textContent()) ?? '';
  // Every change of the progress bar's value is one progress event, with the step it reports.
  await page.evaluate(() => {
    const w = window as unknown as { benchSteps: [number, number][] };
    w.benchSteps = [];
    const el = document.querySelector('[data-testid="run-progress"]')!;
    new MutationObserver(() => w.benchSteps.push([performance.now(), Number(el.getAttribute('value'))])).observe(el, {
      attributes: true,
      attributeFilter: ['value'],
    });
  });
  const t0 = await page.evaluate(() => performance.now());
  await startButton.click();
  await sleep((WARMUP_S + WINDOW_S + 1.5) * 1000);
  const { steps, longTasks, trainer } = await page.evaluate(() => {
    const w = window as unknown as {
      benchSteps: [number, number][];
      benchLongTasks: { start: number; duration: number }[];
    };
    const dd = document.querySelector('[data-testid="throughput"]');
    return { steps: w.benchSteps, longTasks: w.benchLongTasks, trainer: Number(dd?.getAttribute('data-value') ?? 0) };
  });
  const r = rate(steps, t0);
  return {
    kind: 'studio',
    imagesPerSecond: r.ips,
    trainerImagesPerSecond: trainer || null,
    steps: r.steps,
    seconds: r.seconds,
    backend: backend.replace(/\s+/g, ' ').trim(),
    longTasks: longTasks.filter((t) => t.start >= t0),
  };
}

async function runBare(page: Page, origin: string): Promise<RunResult> {
  await page.goto(`${origin}/bare/?epochs=${EPOCHS}`);
  await page.waitForFunction(() => (window as unknown as { benchReady: boolean }).benchReady, null, {
    timeout: 120_000,
  });
  const t0 = await page.evaluate(() => (window as unknown as { benchStart: () => number }).benchStart());
  await sleep((WARMUP_S + WINDOW_S + 1.5) * 1000);
  const { steps, backend, error } = await page.evaluate(() => {
    const w = window as unknown as { benchSteps: [number, number][]; benchBackend: string; benchError: string | null };
    return { steps: w.benchSteps, backend: w.benchBackend, error: w.benchError };
  });
  await page.evaluate(() => (window as unknown as { benchPause: () => void }).benchPause());
  if (error) throw new Error(`the bare page reported: ${error}`);
  const r = rate(steps, t0);
  return {
    kind: 'bare',
    imagesPerSecond: r.ips,
    trainerImagesPerSecond: null,
    steps: r.steps,
    seconds: r.seconds,
    backend,
    longTasks: [],
  };
}

async function runOne(browser: Browser, origin: string, kind: Kind): Promise<RunResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') say(`  [${kind}] console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => say(`  [${kind}] page error: ${e.message}`));
  try {
    return kind === 'studio' ? await runStudio(page, origin) : await runBare(page, origin);
  } finally {
    await context.close().catch(() => undefined);
  }
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const fmt = (v: number, digits = 0): string => v.toFixed(digits).padStart(8);

async function main(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'convlab-bench-studio-'));
  const appDir = join(out, 'app');
  const bareDir = join(out, 'bare');
  say(`building the app and the bare-engine page into ${out} ...`);
  await build({
    configFile: join(repo, 'vite.config.ts'),
    root: repo,
    logLevel: 'warn',
    build: { outDir: appDir, emptyOutDir: true, sourcemap: false },
  });
  await build({ configFile: join(here, 'vite.config.ts'), build: { outDir: bareDir, emptyOutDir: true } });
  const { server, origin } = await serve([
    { prefix: '/bare/', dir: bareDir },
    { prefix: '/', dir: appDir },
  ]);
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const extra = (process.env.BENCH_CHROMIUM_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const args = [...BASE_CHROMIUM_ARGS, ...extra];
  say(`serving ${origin}; Chromium ${chromiumPath} ${args.join(' ')}`);
  const browser = await chromium.launch({ executablePath: chromiumPath, args });
  const started = new Date();
  const loadBefore = loadavg();
  const runs: RunResult[] = [];
  try {
    // The browser's first tab pays for cold caches and code compilation: one unrecorded studio run.
    say('== warm-up run (studio, not recorded)');
    await runOne(browser, origin, 'studio');
    for (let round = 0; round < ROUNDS; round++) {
      // a,b then b,a: alternating the order cancels a load that drifts steadily during the bench.
      const order = round % 2 === 0 ? (['studio', 'bare'] as const) : (['bare', 'studio'] as const);
      for (const kind of order) {
        say(`== round ${round + 1}/${ROUNDS}: ${kind} (${WARMUP_S} s warm-up, ${WINDOW_S} s window)`);
        const r = await runOne(browser, origin, kind);
        say(`  ${r.imagesPerSecond.toFixed(0)} images/s over ${r.steps} steps in ${r.seconds.toFixed(1)} s`);
        runs.push(r);
      }
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
  const loadAfter = loadavg();

  const studio = runs.filter((r) => r.kind === 'studio');
  const bare = runs.filter((r) => r.kind === 'bare');
  const studioMean = mean(studio.map((r) => r.imagesPerSecond));
  const bareMean = mean(bare.map((r) => r.imagesPerSecond));
  const overhead = ((bareMean - studioMean) / bareMean) * 100;
  // Per round (one studio and one bare run next to each other): how much the figure moves with the load.
  const perRound = studio.map((s, i) => {
    const b = bare[i]!.imagesPerSecond;
    return Number((((b - s.imagesPerSecond) / b) * 100).toFixed(1));
  });
  const longTasks = studio.flatMap((r) => r.longTasks);
  const longMax = longTasks.reduce((m, t) => Math.max(m, t.duration), 0);

  const o = process.stdout;
  o.write(`\nConvLab studio live views vs bare engine, ${started.toISOString()}; ${cpus().length} CPU cores; `);
  o.write(
    `load average ${loadBefore.map((v) => v.toFixed(2)).join(' ')} before, ${loadAfter.map((v) => v.toFixed(2)).join(' ')} after\n`,
  );
  o.write(`lecture-mnist on the embedded MNIST subset, Adam 0.001, batch ${BATCH}, seed 1; `);
  o.write(`${WARMUP_S} s warm-up + ${WINDOW_S} s window per run; backend: ${bare[0]?.backend ?? '?'}\n\n`);
  o.write('| run | page   | images/s (wall) | trainer images/s | steps | window s | long tasks (max ms) |\n');
  o.write('|-----|--------|-----------------|------------------|-------|----------|---------------------|\n');
  runs.forEach((r, i) => {
    const lt =
      r.kind === 'studio'
        ? `${r.longTasks.length} (${Math.round(Math.max(0, ...r.longTasks.map((t) => t.duration)))})`
        : '—';
    o.write(
      `| ${String(i + 1).padStart(3)} | ${r.kind.padEnd(6)} | ${fmt(r.imagesPerSecond).padStart(15)} | ${(r.trainerImagesPerSecond ? fmt(r.trainerImagesPerSecond) : '—').padStart(16)} | ${String(r.steps).padStart(5)} | ${fmt(r.seconds, 1).padStart(8)} | ${lt.padStart(19)} |\n`,
    );
  });
  o.write(`\nmean images/s: studio ${studioMean.toFixed(0)}, bare ${bareMean.toFixed(0)}; `);
  o.write(`live views cost ${overhead.toFixed(1)}% (target < 10%); per round: ${perRound.join('%, ')}%\n`);
  o.write(
    `main-thread long tasks during studio training: ${longTasks.length}, longest ${longMax.toFixed(0)} ms (target: none over 50 ms)\n\n`,
  );
  const summary = {
    bench: 'studio-live-views',
    date: started.toISOString(),
    cores: cpus().length,
    loadavg: { before: loadBefore, after: loadAfter },
    model: 'lecture-mnist',
    dataset: 'embedded-mnist',
    batch: BATCH,
    warmupSeconds: WARMUP_S,
    windowSeconds: WINDOW_S,
    backend: bare[0]?.backend ?? null,
    studioImagesPerSecond: Math.round(studioMean),
    bareImagesPerSecond: Math.round(bareMean),
    overheadPercent: Number(overhead.toFixed(1)),
    overheadPerRoundPercent: perRound,
    longTasks: { count: longTasks.length, maxMs: Math.round(longMax) },
    runs: runs.map((r) => ({ kind: r.kind, imagesPerSecond: Math.round(r.imagesPerSecond), steps: r.steps })),
  };
  o.write(`${JSON.stringify(summary)}\n`);
  const resultsDir = join(repo, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, 'studio-live-views.json');
  writeFileSync(file, `${JSON.stringify({ ...summary, runs, chromiumArgs: args }, null, 2)}\n`);
  say(`wrote ${file}`);
}

main().catch((error: unknown) => {
  say(`bench:studio failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
