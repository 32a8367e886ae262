import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/images-are-tensors';

/** The test's own NCHW arithmetic, independent of the page's. */
const flatIndex = (shape: number[], at: number[]): number => {
  const [, C, H, W] = shape as [number, number, number, number];
  const [n, c, h, w] = at as [number, number, number, number];
  return ((n * C + c) * H + h) * W + w;
};

/** The parameters the page says it built the question from; the test derives the answer itself. */
async function params(exercise: Locator): Promise<Record<string, number>> {
  return JSON.parse((await exercise.getAttribute('data-params')) ?? '{}') as Record<string, number>;
}

async function answer(_page: Page, exercise: Locator, text: string): Promise<void> {
  await exercise.getByLabel('Your answer').fill(text);
  await exercise.getByLabel('Your answer').press('Enter');
}

test('the (2,2,3,3) explorer shows each slice and computes the flat index of the hovered cell', async ({ page }) => {
  await page.goto(LESSON);
  const explorer = page.getByTestId('nchw-explorer');
  const readout = page.getByTestId('flat-index');
  for (const [n, c, h, w] of [
    [0, 0, 0, 0],
    [0, 1, 1, 2],
    [1, 0, 2, 0],
    [1, 1, 2, 1],
  ] as const) {
    await explorer.getByRole('radio', { name: `n = ${n}` }).check();
    await explorer.getByRole('radio', { name: `c = ${c}` }).check();
    const grid = explorer.getByRole('grid', { name: `Slice at sample ${n}, channel ${c}` });
    const cell = grid.locator(`[data-row="${h}"][data-col="${w}"]`);
    await cell.hover();
    const expected = flatIndex([2, 2, 3, 3], [n, c, h, w]);
    await expect(readout).toHaveAttribute('data-flat-index', String(expected));
    // The lecture's tensor holds 1..36 in memory order, so the cell shows its index + 1.
    await expect(cell).toHaveText(String(expected + 1));
    await expect(readout).toContainText(`holds the value ${expected + 1}`);
    await expect(explorer.locator('.tgrid-cell--marked')).toHaveAttribute('data-index', String(expected));
  }
});

test('the MNIST browser shows real digits and filters by class', async ({ page }) => {
  await page.goto(LESSON);
  const browser = page.getByTestId('mnist-browser');
  const thumbs = browser.getByTestId('digit-thumb');
  await expect(thumbs.first()).toBeVisible();
  const all = await thumbs.evaluateAll((els) => els.map((e) => e.getAttribute('data-label')));
  expect(new Set(all).size).toBeGreaterThan(1);

  await browser.getByRole('radio', { name: '3', exact: true }).check();
  await expect(browser).toHaveAttribute('data-filter', '3');
  await expect(thumbs.first()).toHaveAttribute('data-label', '3');
  const labels = await thumbs.evaluateAll((els) => els.map((e) => e.getAttribute('data-label')));
  expect(labels.length).toBeGreaterThan(5);
  expect(labels.every((l) => l === '3')).toBe(true);

  await thumbs.nth(2).click();
  const detail = page.getByTestId('digit-detail');
  await expect(detail).toHaveAttribute('data-label', '3');
  await expect(detail).toHaveAttribute('data-index', (await thumbs.nth(2).getAttribute('data-index'))!);
  await expect(detail.getByRole('grid')).toBeVisible();
  await expect(detail.locator('[role="grid"] td')).toHaveCount(28 * 28);
  const oneHot = await detail.getByTestId('one-hot').locator('td').allTextContents();
  expect(oneHot).toEqual(['0', '0', '0', '1', '0', '0', '0', '0', '0', '0']);
  // Bytes: every cell is an integer 0-255, and a handwritten digit has both ink and paper.
  const bytes = (await detail.locator('[role="grid"] td').allTextContents()).map(Number);
  expect(bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)).toBe(true);
  expect(Math.max(...bytes)).toBeGreaterThan(200);
  expect(Math.min(...bytes)).toBe(0);
});

test('a wrong answer says so and the worked solution can be revealed; a right one is accepted', async ({ page }) => {
  await page.goto(LESSON);
  const ex = page.locator('[data-exercise="flat-index"]');
  const p = await params(ex);
  const expected = flatIndex([p.N!, p.C!, p.H!, p.W!], [p.n!, p.c!, p.h!, p.w!]);
  const feedback = ex.getByRole('status');

  await answer(page, ex, String(expected + 1));
  await expect(feedback).toHaveAttribute('data-result', 'wrong');
  await expect(feedback).toContainText('wrong');
  await ex.getByRole('button', { name: 'Show worked solution' }).click();
  await expect(ex.getByTestId('solution')).toContainText(`Answer: ${expected.toLocaleString('en-US')}`);

  await answer(page, ex, String(expected));
  await expect(feedback).toHaveAttribute('data-result', 'right');
  await expect(feedback).toContainText('Right');
  await expect(ex).toHaveAttribute('data-done', 'true');

  // New numbers: a different question from the next seed, feedback cleared.
  const seed = await ex.getAttribute('data-seed');
  await ex.getByRole('button', { name: 'New numbers' }).click();
  await expect(ex).not.toHaveAttribute('data-seed', seed!);
  await expect(feedback).toHaveAttribute('data-result', 'none');
});

test('batch size and one-hot answers are checked from the displayed parameters', async ({ page }) => {
  await page.goto(LESSON);
  const batch = page.locator('[data-exercise="batch-values"]');
  const b = await params(batch);
  await answer(page, batch, (b.B! * b.C! * b.H! * b.W!).toLocaleString('en-US')); // with thousands commas
  await expect(batch.getByRole('status')).toHaveAttribute('data-result', 'right');

  const hot = page.locator('[data-exercise="one-hot"]');
  const o = await params(hot);
  const vector = Array.from({ length: o.K! }, (_, i) => (i === o.k ? 1 : 0));
  await answer(page, hot, `[${vector.slice(0, -1).join(', ')}]`);
  await expect(hot.getByRole('status')).toContainText(`the answer has ${o.K}`);
  await answer(page, hot, vector.join(' '));
  await expect(hot.getByRole('status')).toHaveAttribute('data-result', 'right');
});

test('progress from right answers shows on the outline after a reload', async ({ page }) => {
  await page.goto(LESSON);
  const ex = page.locator('[data-exercise="split-sizes"]');
  const p = await params(ex);
  await answer(page, ex, String((p.S! * p.val!) / 100));
  await expect(ex).toHaveAttribute('data-done', 'true');
  const flat = page.locator('[data-exercise="flat-index"]');
  const q = await params(flat);
  await answer(page, flat, String(flatIndex([q.N!, q.C!, q.H!, q.W!], [q.n!, q.c!, q.h!, q.w!])));
  await expect(flat).toHaveAttribute('data-done', 'true');

  await page.goto('/');
  await page.reload();
  const progress = page.locator('[data-lesson-id="images-are-tensors"]').getByTestId('progress');
  await expect(progress).toHaveAttribute('data-done', '2');
  await expect(progress).toContainText('2 / 4 exercises');
});

test.describe('without the digits file', () => {
  test.use({ expectedConsoleErrors: [/404/] });

  test('the MNIST browser explains the problem in place and the rest of the lesson works', async ({ page }) => {
    await page.route('**/data/mnist-embedded.bin.gz', (route) => route.fulfill({ status: 404, body: 'missing' }));
    await page.goto(LESSON);
    await expect(page.getByTestId('mnist-error')).toContainText('are not on the server yet: run `npm install`');
    await expect(page.getByTestId('nchw-explorer')).toBeVisible();
    await expect(page.locator('[data-exercise="one-hot"]')).toBeVisible();
  });
});
