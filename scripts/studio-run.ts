/**
 * Trains a network in the studio the way a student would, by clicking through the UI of a running
 * app in headless Chromium, and reports what the studio showed: validation accuracy per epoch,
 * test-set accuracy at the end (the studio's "Evaluate on test set"), images/s, main-thread long
 * tasks, and screenshots of the live views at the end. It is how the
 * full-dataset figures in BENCHMARKS.md are measured (a measurement, not a test: it takes minutes
 * to an hour and needs `npm run fetch-data` first).
 *
 *   npx vite build --outDir /tmp/convlab-run && npx vite preview --outDir /tmp/convlab-run --port 5173 &
 *   npx tsx scripts/studio-run.ts --dataset mnist --preset lecture-mnist --epochs 3
 *   npx tsx scripts/studio-run.ts --dataset cifar10 --preset convnetjs-cifar10 --epochs 8 --flip --crop
 *
 * Options: --url (default http://127.0.0.1:5173/), --dataset embedded-mnist|mnist|cifar10,
 * --preset KEY, --epochs N, --lr X, --batch B, --validation N, --optimizer sgd|momentum|adam,
 * --schedule constant|step|exponential|cosine, --flip, --crop, --jitter, --shots DIR,
 * --epoch-shots (a screenshot at each epoch end).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { PRESETS } from '../engine/spec/presets';

const { values: opt } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:5173/' },
    dataset: { type: 'string', default: 'mnist' },
    preset: { type: 'string', default: 'lecture-mnist' },
    epochs: { type: 'string', default: '3' },
    lr: { type: 'string', default: '0.001' },
    batch: { type: 'string', default: '32' },
    validation: { type: 'string', default: '5000' },
    optimizer: { type: 'string', default: 'adam' },
    schedule: { type: 'string', default: 'constant' },
    flip: { type: 'boolean', default: false },
    crop: { type: 'boolean', default: false },
    jitter: { type: 'boolean', default: false },
    shots: { type: 'string', default: 'screenshots/studio-run' },
    'epoch-shots': { type: 'boolean', default: false },
  },
});

const DATASET_BUTTON: Record<string, RegExp> = {
  'embedded-mnist': /^MNIST subset/,
  mnist: /^Full MNIST/,
  cifar10: /^CIFAR-10/,
};
const OPTIMIZER_LABEL: Record<string, string> = { sgd: 'SGD', momentum: 'Momentum', adam: 'Adam' };
const SCHEDULE_LABEL: Record<string, string> = {
  constant: 'Constant',
  step: 'Halve each epoch',
  exponential: 'Exponential (×0.7/epoch)',
  cosine: 'Cosine',
};

const log = (text: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

async function setField(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.blur();
}

async function setUp(page: Page): Promise<void> {
  await page.goto(new URL('#/studio', opt.url).href);
  await page.getByTestId('backend-status').waitFor();
  await page.getByTestId('dataset-info').waitFor({ timeout: 120_000 });
  log(`backend: ${(await page.getByTestId('backend-status').textContent())?.trim()}`);

  const button = DATASET_BUTTON[opt.dataset];
  if (!button) throw new Error(`unknown --dataset ${opt.dataset}`);
  await setField(page, 'Validation images', opt.validation);
  await page.getByRole('button', { name: button }).click();
  // Loading CIFAR-10 (170 MB gzipped) takes a while; wait for the new dataset's summary.
  const want = opt.dataset === 'cifar10' ? /CIFAR-10/ : opt.dataset === 'mnist' ? /Full MNIST/ : /subset/;
  await page.getByTestId('dataset-info').filter({ hasText: want }).waitFor({ timeout: 600_000 });
  log(`dataset: ${(await page.getByTestId('dataset-info').textContent())?.trim()}`);

  await page.getByRole('tab', { name: 'Model' }).click();
  const title = PRESETS[opt.preset]?.title;
  if (!title) throw new Error(`unknown --preset ${opt.preset}`);
  await page.getByRole('button', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) }).click();
  log(`model: ${(await page.getByTestId('model-totals').textContent())?.trim()}`);

  await page.getByRole('tab', { name: 'Hyperparameters' }).click();
  await page.getByRole('radio', { name: OPTIMIZER_LABEL[opt.optimizer] ?? opt.optimizer }).check();
  await setField(page, 'Learning rate', opt.lr);
  await page.getByLabel('Schedule').selectOption({ label: SCHEDULE_LABEL[opt.schedule] ?? opt.schedule });
  await setField(page, 'Batch size', opt.batch);
  await setField(page, 'Epochs', opt.epochs);
  for (const [flag, on] of [
    ['Mirror', opt.flip],
    ['Shift', opt.crop],
    ['Brightness', opt.jitter],
  ] as const) {
    await page.getByRole('checkbox', { name: new RegExp(`^${flag}`) }).setChecked(on);
  }
  // Hyperparameters other than the learning rate apply from the next Reset.
  await page.getByRole('button', { name: /^Reset/ }).click();
  await page.waitForTimeout(1000);
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(opt.shots, { recursive: true });
  await page.screenshot({ path: join(opt.shots, `${opt.dataset}-${name}.png`) });
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--enable-unsafe-webgpu', '--no-sandbox', '--disable-background-networking', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => {
    if (m.type() === 'error') log(`console error: ${m.text()}`);
  });
  await setUp(page);
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.getByRole('tab', { name: 'Filters' }).click();
  const started = Date.now();
  await page.getByRole('button', { name: /^Start/ }).click();

  const perEpoch: { epoch: number; validationAccuracy: number; seconds: number }[] = [];
  const throughput: number[] = [];
  let status = 'running';
  let lastShown: string | null = null;
  let polls = 0;
  while (status === 'running' || status === 'paused') {
    await page.waitForTimeout(5_000);
    status = (await page.getByTestId('run-status').getAttribute('data-status')) ?? 'unknown';
    const ips = Number(await page.getByTestId('throughput').getAttribute('data-value'));
    if (ips > 0) throughput.push(ips);
    // The validation accuracy shown changes once per epoch, when the epoch's evaluation lands.
    const shown = await page.getByTestId('val-accuracy').getAttribute('data-value');
    if (shown && shown !== lastShown) {
      lastShown = shown;
      const epoch = perEpoch.length + 1;
      perEpoch.push({ epoch, validationAccuracy: Number(shown), seconds: Math.round((Date.now() - started) / 1000) });
      log(`epoch ${epoch}: validation accuracy ${(Number(shown) * 100).toFixed(2)}%`);
      // Off by default: a screenshot is itself a main-thread task, and would count as a long one.
      if (opt['epoch-shots']) await shoot(page, `epoch${epoch}-filters`);
    }
    if (++polls % 6 === 0 || status !== 'running') {
      const progress = (await page.getByTestId('run-progress').locator('xpath=..').textContent())?.trim();
      log(`${status} · ${progress} · ${Math.round(ips)} images/s`);
    }
  }
  const seconds = (Date.now() - started) / 1000;
  // The held-out test split, evaluated once on the final weights with the studio's own button.
  await page.getByRole('button', { name: 'Evaluate on test set' }).click();
  const result = page.getByTestId('test-result');
  await result.waitFor({ timeout: 600_000 });
  const test = {
    accuracy: Number(await result.getAttribute('data-accuracy')),
    loss: Number(await result.getAttribute('data-loss')),
    images: Number(await result.getAttribute('data-count')),
  };
  log(`test set: ${(test.accuracy * 100).toFixed(2)}% accuracy on ${test.images} images`);
  for (const tab of ['Activations', 'Confusion matrix', 'Filters']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForTimeout(1500);
    await shoot(page, `final-${tab.toLowerCase().replace(/\W+/g, '-')}`);
  }
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const median = [...throughput].sort((a, b) => a - b)[Math.floor(throughput.length / 2)] ?? 0;
  const report = {
    dataset: opt.dataset,
    preset: opt.preset,
    status,
    epochs: perEpoch,
    finalValidationAccuracy: perEpoch.at(-1)?.validationAccuracy ?? null,
    test,
    medianImagesPerSecond: Math.round(median),
    seconds: Math.round(seconds),
    longTasksOver50ms: longTasks.length,
    longestTaskMs: Math.round(Math.max(0, ...longTasks)),
    backend: (await page.getByTestId('backend-status').textContent())?.trim(),
    settings: { ...opt },
  };
  console.log(JSON.stringify(report));
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
