import { existsSync, mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { cpuOnlyLaunch } from './cpu-only';
import { expect, test } from './fixtures';

/*
 * The studio in a browser launched without --enable-unsafe-webgpu (as most Linux browsers are
 * today), so neither the page nor the worker gets a WebGPU adapter: training falls back to a CPU
 * engine (WebAssembly SIMD, automatically; TypeScript when picked), the status line says which,
 * on how many threads and why, and the lecture CNN still trains past 90% on the embedded MNIST
 * subset. (launchOptions force a new browser, so this lives in its own file.)
 * Screenshots of the studio while training go to screenshots/ (gitignored).
 */
test.use({ launchOptions: cpuOnlyLaunch() });

test('without WebGPU the studio trains on the WebAssembly CPU engine and says why', async ({ page }) => {
  await page.goto('/#/studio');
  // One thread per logical core, at most 4: each batch is split between replica workers.
  const threads = Math.min(4, await page.evaluate(() => navigator.hardwareConcurrency));
  const status = page.getByTestId('backend-status');
  const named = threads === 1 ? '1 thread' : `${threads} threads`;
  await expect(status).toContainText(`CPU engine: WebAssembly SIMD, ${named}`, { timeout: 30_000 });
  const split = threads === 1 ? '1 thread' : `${threads} threads, each batch split between them`;
  await expect(status.locator('[data-backend="wasm"]')).toContainText(
    new RegExp(
      `— (This browser does not expose WebGPU|No WebGPU adapter is available).* Training runs on the WebAssembly engine \\((relaxed-SIMD|SIMD128) kernels, ${split}\\), chosen automatically\\.`,
    ),
  );
  await expect(page.getByTestId('dataset-info')).toContainText('validate', { timeout: 60_000 });
  await page.getByRole('button', { name: /^Step/ }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
});

test('the engine picker offers both CPU engines, and the TypeScript one trains when picked', async ({ page }) => {
  await page.goto('/#/studio');
  await expect(page.getByTestId('backend-status')).toContainText('WebAssembly SIMD', { timeout: 30_000 });
  await expect(page.getByLabel('Engine').locator('option')).toHaveText([
    'Automatic',
    'WebGPU',
    'CPU: WebAssembly',
    'CPU: TypeScript',
  ]);
  await page.getByLabel('Engine').selectOption('cpu');
  const status = page.getByTestId('backend-status');
  await expect(status.locator('[data-backend="cpu"]')).toContainText(
    'CPU engine: TypeScript, 1 thread — Training runs on the TypeScript engine (1 thread).',
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('dataset-info')).toContainText('validate', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^Step/ })).toBeEnabled({ timeout: 30_000 });
  await page.getByRole('button', { name: /^Step/ }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
});

async function openStudio(page: Page): Promise<void> {
  await page.goto('/#/studio');
  await expect(page.getByTestId('dataset-info')).toContainText('validate', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^Start/ })).toBeEnabled({ timeout: 30_000 });
}

function shoot(page: Page, name: string): Promise<Buffer> {
  if (!existsSync('screenshots')) mkdirSync('screenshots');
  return page.screenshot({ path: `screenshots/${name}.png` });
}

test('a net built in the builder trains on the embedded subset past 90% validation accuracy', async ({ page }) => {
  test.setTimeout(300_000);
  await openStudio(page);
  // From the linear classifier (input → flatten → dense 10), build conv → pool in front of it.
  await page.getByRole('tab', { name: 'Model' }).click();
  await page.getByRole('button', { name: /^Linear classifier/ }).click();
  await expect(page.getByTestId('model-totals')).toContainText('3 layers');
  const addType = page.getByLabel(/^Add a/);
  const insert = page.getByRole('button', { name: 'Insert before the output layer' });
  await addType.selectOption('conv2d');
  await insert.click(); // input, flatten, conv2d, dense
  await page.getByRole('button', { name: /^Move layer 2 \(conv2d.*\) up/ }).click();
  await addType.selectOption('maxpool');
  await insert.click(); // input, conv2d, flatten, maxpool, dense
  await page.getByRole('button', { name: /^Move layer 3 \(maxpool.*\) up/ }).click();
  // conv2d defaults: 8 filters, 3×3, 'same', relu → 8×28×28; pool → 8×14×14 → 1,568 → 10.
  await expect(page.getByTestId('model-totals')).toContainText('5 layers');
  await expect(page.getByTestId('layer-row-1').getByTestId('layer-shape')).toHaveText('8×28×28');
  await expect(page.getByTestId('layer-row-2').getByTestId('layer-shape')).toHaveText('8×14×14');
  await expect(page.getByTestId('layer-row-3').getByTestId('layer-shape')).toHaveText('1568');
  await expect(page.getByTestId('model-totals')).toContainText('15,770 parameters');

  await page.getByRole('tab', { name: 'Hyperparameters' }).click();
  await page.getByRole('radio', { name: 'Adam' }).check();
  await page.getByLabel('Learning rate', { exact: true }).fill('0.001');
  await page.getByLabel('Batch size', { exact: true }).fill('32');
  // Enough epochs that the run is still going for the Space check at the end (the WebAssembly
  // engine passes 90% within the first two).
  await page.getByLabel('Epochs', { exact: true }).fill('20');
  await page.getByLabel('Schedule').selectOption('cosine');

  // Training runs in the worker: the page's own script time while it trains stays a small share of
  // the run. Both figures stretch alike on a loaded machine, so the ratio is what is asserted, not
  // a wall-clock limit. (Main-thread long tasks are recorded below for reading, and measured by
  // `npm run bench:studio`.)
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptSeconds = async (): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN;
  };
  const scriptBefore = await scriptSeconds();
  const started = Date.now();
  await page.getByRole('button', { name: /^Start/ }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('throughput')).not.toHaveText('—', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Filters' }).click();
  await expect(page.getByTestId('filters-view').locator('canvas')).toHaveCount(8);

  await expect
    .poll(async () => Number((await page.getByTestId('val-accuracy').getAttribute('data-value')) || 0), {
      timeout: 240_000,
      intervals: [2000],
    })
    .toBeGreaterThan(0.9);
  const seconds = (Date.now() - started) / 1000;
  const mainThreadScript = (await scriptSeconds()) - scriptBefore;
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  test.info().annotations.push({ type: 'long tasks while training (ms)', description: JSON.stringify(longTasks) });
  test.info().annotations.push({
    type: 'main-thread script while training (s)',
    description: `${mainThreadScript} of ${seconds}`,
  });
  // The worker did the training: the page spent well under a quarter of the run running script.
  expect(page.workers().length).toBeGreaterThan(0);
  expect(mainThreadScript).toBeGreaterThan(0);
  expect(mainThreadScript / seconds).toBeLessThan(0.25);
  // The cosine schedule has already lowered the learning rate the run controls show.
  const lr = Number(await page.getByTestId('current-lr').getAttribute('data-value'));
  expect(lr).toBeGreaterThan(0);
  expect(lr).toBeLessThan(0.001);
  const throughput = await page.getByTestId('throughput').textContent();
  test
    .info()
    .annotations.push({ type: 'time to 90%', description: `${seconds.toFixed(1)} s at ${throughput} images/s` });
  console.log(`studio: validation accuracy > 90% after ${seconds.toFixed(1)} s; ${throughput} images/s`);

  // The epoch brought a confusion matrix; later epochs are now training: take the pictures.
  await page.getByRole('tab', { name: 'Confusion matrix' }).click();
  await expect(page.getByTestId('confusion-matrix').locator('tbody tr')).toHaveCount(10);
  await page.getByRole('tab', { name: 'Activations' }).click();
  await expect(page.getByTestId('activations-view').locator('li')).toHaveCount(5);
  await shoot(page, 'studio-1280x800');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: /^Presenter/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', '');
  await page.waitForTimeout(1000);
  await shoot(page, 'studio-presenter-1920x1080');
  const scrolls = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 1);
  expect(scrolls, 'the presenter layout fits 1920x1080 without scrolling').toBe(false);
  await page.getByRole('button', { name: /^Presenter/ }).click();

  // Space pauses a running run (focus is on the page, not in a field); on a finished one it starts
  // another first, and the second press pauses that.
  await page.locator('.studio-header h1').click();
  const runStatus = page.getByTestId('run-status');
  if ((await runStatus.getAttribute('data-status')) !== 'running') {
    await page.keyboard.press('Space');
    await expect(runStatus).toHaveAttribute('data-status', 'running');
  }
  await page.keyboard.press('Space');
  await expect(runStatus).toHaveAttribute('data-status', /paused|done/);
});

test('a layer frozen in the builder keeps its weights while the others train', async ({ page }) => {
  test.setTimeout(180_000);
  await openStudio(page);
  await page.getByRole('tab', { name: 'Model' }).click();
  // The lecture CNN: conv2d_1 has 10·25 + 10 = 260 of its 19,880 parameters.
  await expect(page.getByTestId('model-totals')).toContainText('19,880 parameters');
  const trainable = page.getByLabel('Trainable of layer 1 (conv2d_1)');
  await expect(trainable).toBeChecked();
  await trainable.uncheck();
  await expect(page.getByTestId('model-totals')).toContainText('19,620 / 19,880 parameters trainable');

  await page.getByRole('tab', { name: 'Weight & gradient norms' }).click();
  const norm = async (layer: string): Promise<number> =>
    Number(await page.locator(`[data-layer="${layer}"] [data-testid="weight-norm"]`).getAttribute('data-value'));
  await expect(page.locator('[data-layer="conv2d_2"]')).toBeVisible({ timeout: 30_000 });
  const before = { frozen: await norm('conv2d_1'), trained: await norm('conv2d_2') };
  expect(before.frozen).toBeGreaterThan(0);
  const step = page.getByRole('button', { name: /^Step/ });
  for (let i = 0; i < 5; i++) await step.click();
  await expect.poll(() => norm('conv2d_2'), { timeout: 60_000 }).not.toBe(before.trained);
  expect(await norm('conv2d_1')).toBe(before.frozen);
  // The frozen layer still has a gradient: training would change it, the freeze is what holds it.
  const gradient = page.locator('[data-layer="conv2d_1"] td').nth(1);
  await expect(gradient).not.toHaveText('0');
});
