import type { Locator, Page } from '@playwright/test';
import { cpuOnlyLaunch } from './cpu-only';
import { expect, test } from './fixtures';
import { inspector } from './studio-shared-link';

/*
 * The studio answers every click: a single Step moves the counter, the loss and the charts; the
 * validation subset is checked several times inside the first epoch; per-class accuracy agrees
 * with the confusion matrix; "Train more" continues the epoch count; finished runs stay on the
 * charts as faint overlays with their settings. A linear classifier on the embedded MNIST with
 * batches of 500 keeps every run to a handful of steps. CPU engine, as studio-cpu.spec.ts.
 */
test.use({ launchOptions: cpuOnlyLaunch() });

const LINEAR = {
  name: 'Linear probe',
  layers: [{ type: 'input', shape: [1, 28, 28] }, { type: 'flatten' }, { type: 'dense', units: 10 }],
};
const BATCH = 500;

function link(lr: number, epochs: number): string {
  const a = Buffer.from(JSON.stringify(LINEAR), 'utf8').toString('base64url');
  return `/#/studio?v=1&d=embedded-mnist&val=1000&a=${a}&opt=adam&lr=${lr}&bs=${BATCH}&ep=${epochs}`;
}

async function open(page: Page, lr: number, epochs: number): Promise<number> {
  await page.goto(link(lr, epochs));
  await expect(page.getByTestId('backend-status')).toContainText('CPU engine', { timeout: 30_000 });
  await expect(page.getByTestId('dataset-info')).toContainText('validate', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^Start/ })).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('keep-notice').getByRole('button', { name: 'Dismiss' }).click();
  // Steps per epoch from the training images the dataset line reports ("… 7,000 to train, …").
  const info = (await page.getByTestId('dataset-info').textContent()) ?? '';
  const train = Number(/([\d,]+) to train/.exec(info)?.[1]?.replace(/,/g, ''));
  expect(train).toBeGreaterThan(BATCH);
  return Math.ceil(train / BATCH);
}

const legend = (page: Page, chart: 'loss' | 'accuracy', series: string): Locator =>
  page.getByTestId(`curve-${chart}`).locator(`.curve-legend li[data-series="${series}"]`);

async function num(locator: Locator, attribute: string): Promise<number> {
  return Number(await locator.getAttribute(attribute));
}

/** The confusion matrix's counts and the per-class rows, read from the inspector's tab. */
async function confusionAndPerClass(page: Page) {
  await inspector(page).getByRole('tab', { name: 'Confusion matrix' }).click();
  const rows = await page
    .getByTestId('confusion-matrix')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))));
  const perClass = await page
    .getByTestId('per-class-accuracy')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        name: tr.querySelector('th')?.textContent ?? '',
        value: tr.getAttribute('data-value'),
        text: tr.querySelector('.per-class-value')?.textContent ?? '',
      })),
    );
  return { rows, perClass };
}

/** Every class listed by name, each value the matrix's diagonal over its row, recomputed here. */
function expectPerClassMatches(rows: number[][], perClass: { name: string; value: string | null; text: string }[]) {
  expect(perClass.map((r) => r.name)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  for (let c = 0; c < 10; c++) {
    const sum = rows[c]!.reduce((a, b) => a + b, 0);
    if (sum === 0) {
      expect(perClass[c]!.text).toContain('none');
      continue;
    }
    const expected = rows[c]![c]! / sum;
    expect(Number(perClass[c]!.value)).toBeCloseTo(expected, 10);
    expect(perClass[c]!.text).toBe(`${(expected * 100).toFixed(1)}%`);
  }
}

test('Step moves the counter, the loss and the curves after every single press', async ({ page }) => {
  test.setTimeout(180_000);
  const perEpoch = await open(page, 0.001, 1);
  // Empty charts say so instead of drawing axes labelled 0.00.
  for (const chart of ['loss', 'accuracy']) {
    const svg = page.getByTestId(`curve-${chart}`).locator('svg');
    await expect(svg).toHaveAttribute('data-empty', 'true');
    await expect(svg).toContainText('No data yet');
    await expect(svg.locator('.curve-axis text')).toHaveCount(0);
  }
  const counter = page.getByTestId('run-epoch');
  const train = legend(page, 'loss', 'train');
  // A live view: the dense layer's weight norm, read back from the worker after every change.
  await inspector(page).getByRole('tab', { name: 'Weight & gradient norms' }).click();
  const norm = page.getByTestId('norms-view').getByTestId('weight-norm').first();
  await expect(norm).toHaveAttribute('data-value', /\d/, { timeout: 30_000 });
  const weightNorm = async (): Promise<number> => num(norm, 'data-value');
  const norm0 = await weightNorm();

  await page.getByRole('button', { name: /^Step/ }).click();
  await expect(counter).toHaveAttribute('data-step', '1', { timeout: 30_000 });
  await expect(counter).toContainText(`step 1 of ${perEpoch}`);
  await expect(train).toHaveAttribute('data-points', '1');
  const first = await num(train, 'data-last');
  expect(first).toBeGreaterThan(0);
  await expect(page.getByTestId('curve-loss').locator('svg')).toHaveAttribute('data-empty', 'false');
  // One point draws no line: it is marked instead; the second point makes it a line.
  const trainPlot = page.getByTestId('curve-loss').locator('svg [data-series="train"]');
  await expect(trainPlot.and(page.locator('circle'))).toHaveCount(1);
  await expect.poll(weightNorm, { timeout: 30_000 }).not.toBe(norm0);
  const norm1 = await weightNorm();

  // The S key is the same Step (focus on the page, not in a text field).
  await page.getByTestId('run-controls').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('s');
  await expect(counter).toHaveAttribute('data-step', '2', { timeout: 30_000 });
  await expect(counter).toContainText(`step 2 of ${perEpoch}`);
  await expect(train).toHaveAttribute('data-points', '2');
  await expect(trainPlot.and(page.locator('circle'))).toHaveCount(0);
  await expect(trainPlot.and(page.locator('path'))).toHaveAttribute('d', /^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  const second = await num(train, 'data-last');
  expect(second).toBeGreaterThan(0);
  expect(second).not.toBe(first);
  await expect(counter).toContainText(`epoch ${(2 / perEpoch).toFixed(2)} of 1`);
  await expect.poll(weightNorm, { timeout: 30_000 }).not.toBe(norm1);

  // Eight subset checks per epoch: the first falls on step ceil(perEpoch / 8) (2 when perEpoch is 14).
  const firstCheck = Math.ceil(perEpoch / 8);
  for (let s = 3; s <= firstCheck; s++) {
    await page.getByRole('button', { name: /^Step/ }).click();
    await expect(counter).toHaveAttribute('data-step', String(s), { timeout: 30_000 });
  }
  const subset = legend(page, 'loss', 'validation-subset');
  await expect(subset).toHaveAttribute('data-points', '1', { timeout: 30_000 });
  // Paused after a subset check: the matrix counts the 500 subset images and the per-class view agrees.
  const { rows, perClass } = await confusionAndPerClass(page);
  expect(rows).toHaveLength(10);
  expect(rows.flat().reduce((a, b) => a + b, 0)).toBe(500);
  expectPerClassMatches(rows, perClass);
  await expect(page.getByTestId('per-class-accuracy')).toContainText('validation subset (500 images)');
  // The subset's accuracy in the curves is the matrix's diagonal over its total.
  const diagonal = rows.reduce((a, row, c) => a + row[c]!, 0);
  await expect
    .poll(() => num(legend(page, 'accuracy', 'validation-subset'), 'data-last'))
    .toBeCloseTo(diagonal / 500, 10);
});

test('validation inside the first epoch, per-class accuracy, Train more, and two runs compared', async ({ page }) => {
  test.setTimeout(300_000);
  const perEpoch = await open(page, 0.001, 1);
  const status = page.getByTestId('run-status');
  const counter = page.getByTestId('run-epoch');

  await page.getByRole('button', { name: /^Start/ }).click();
  await expect(status).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  // Eight subset checks inside the one epoch (the last at its end), one full pass at the end.
  const subset = legend(page, 'loss', 'validation-subset');
  await expect(subset).toHaveAttribute('data-points', String(Math.min(8, perEpoch)));
  await expect(legend(page, 'loss', 'validation')).toHaveAttribute('data-points', '1');
  await expect.poll(() => num(subset, 'data-last-x')).toBeCloseTo(1, 10);
  await expect(counter).toContainText(`epoch 1.00 of 1 · step ${perEpoch} of ${perEpoch}`);

  // After the epoch: the full validation pass (1,000 images), per class against the matrix.
  const { rows, perClass } = await confusionAndPerClass(page);
  expect(rows.flat().reduce((a, b) => a + b, 0)).toBe(1000);
  expectPerClassMatches(rows, perClass);
  const diagonal = rows.reduce((a, row, c) => a + row[c]!, 0);
  await expect.poll(() => num(page.getByTestId('val-accuracy'), 'data-value')).toBeCloseTo(diagonal / 1000, 10);

  // Train more: the count goes on from epoch 1 (never back to 0) and the curves continue past x = 1.
  await page.getByRole('button', { name: /^Train more/ }).click();
  await expect(status).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(counter).toContainText(`epoch 2.00 of 2`);
  expect(await num(counter, 'data-epoch')).toBeCloseTo(2, 10);
  await expect.poll(() => num(legend(page, 'loss', 'train'), 'data-last-x')).toBeCloseTo(2, 10);
  await expect(subset).toHaveAttribute('data-points', String(2 * Math.min(8, perEpoch)));
  await expect(legend(page, 'loss', 'validation')).toHaveAttribute('data-points', '2');

  // The run is kept; a second run with another learning rate after Reset, then Reset again.
  const compare = page.getByTestId('compare-runs');
  await expect(compare.locator('li')).toHaveCount(1);
  await expect(compare.locator('li').first()).toContainText('lr 0.001');
  await expect(compare.locator('li').first()).toContainText('2 epochs');
  // A Step after "Done" goes on from epoch 2 as well (a new trainer of one more epoch).
  await page.getByRole('button', { name: /^Step/ }).click();
  await expect(counter).toHaveAttribute('data-step', '1', { timeout: 30_000 });
  await expect(counter).toContainText(`epoch ${(2 + 1 / perEpoch).toFixed(2)} of 3`);
  await expect.poll(() => num(legend(page, 'loss', 'train'), 'data-last-x')).toBeCloseTo(2 + 1 / perEpoch, 10);
  await page.getByRole('tab', { name: 'Hyperparameters' }).click();
  await page.getByLabel('Learning rate', { exact: true }).fill('0.01');
  await page.getByLabel('Epochs', { exact: true }).fill('1');
  await page.getByRole('button', { name: /^Reset/ }).click();
  await expect(counter).toHaveText('not started', { timeout: 30_000 });
  // The first run is now an overlay behind the (empty) current run.
  const overlays = page.getByTestId('curve-loss').locator('path.curve-line--faint[data-series$="-train"]');
  await expect(overlays).toHaveCount(1);
  await page.getByRole('button', { name: /^Start/ }).click();
  await expect(status).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(compare.locator('li')).toHaveCount(2);
  await page.getByRole('button', { name: /^Reset/ }).click();
  await expect(counter).toHaveText('not started', { timeout: 30_000 });
  await expect(overlays).toHaveCount(2);
  await expect(page.getByTestId('curve-accuracy').locator('path.curve-line--faint[data-series$="-train"]')).toHaveCount(
    2,
  );
  const labels = await compare.locator('li').allTextContents();
  expect(labels[0]).toContain('lr 0.001');
  expect(labels[1]).toContain('lr 0.01');
  for (const label of labels) expect(label).toContain(`batch ${BATCH}`);
  // Each overlay has its run's points: 2 epochs' and 1 epoch's worth of progress events.
  const points = await overlays.evaluateAll((paths) => paths.map((p) => Number(p.getAttribute('data-points'))));
  expect(points[0]).toBeGreaterThan(points[1]!);

  // Hide one run, then clear them all.
  await compare.locator('li').first().getByRole('checkbox').uncheck();
  await expect(overlays).toHaveCount(1);
  await compare.getByRole('button', { name: 'Clear' }).click();
  await expect(overlays).toHaveCount(0);
  await expect(page.getByTestId('compare-runs-empty')).toBeVisible();
});
