/**
 * The batch-normalisation lesson: the editable mini-batch, per-channel statistics, running averages
 * and the two inference modes, checked against the test's own arithmetic; then a short live run of
 * the same deep net with and without batch norm, in which both losses must fall.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/batch-normalisation';
const EPS = 1e-5;

const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
const biasedVar = (v: readonly number[]): number => mean(v.map((x) => (x - mean(v)) ** 2));
const json = async (loc: Locator, attr: string): Promise<number[]> =>
  JSON.parse((await loc.getAttribute(attr)) ?? '[]') as number[];

async function params(ex: Locator): Promise<Record<string, number>> {
  return JSON.parse((await ex.getAttribute('data-params')) ?? '{}') as Record<string, number>;
}

async function answer(ex: Locator, text: string): Promise<void> {
  await ex.getByLabel('Your answer').fill(text);
  await ex.getByLabel('Your answer').press('Enter');
}

test('the mini-batch table computes μ, σ², x̂ and y = γx̂ + β per feature from what is typed', async ({ page }) => {
  await page.goto(LESSON);
  const widget = page.getByTestId('minibatch');
  const grid = widget.getByRole('grid', { name: 'Mini-batch values' });
  await grid.getByLabel('row 0, column 0').fill('5');
  await grid.getByLabel('row 2, column 1').fill('-40');
  // Keyboard: move from the edited cell to its right-hand neighbour and type there.
  await grid.getByLabel('row 2, column 1').press('ArrowRight');
  await expect(grid.getByLabel('row 2, column 2')).toBeFocused();
  await page.keyboard.type('1.5');
  await widget.getByLabel('γ for feature 2').fill('2');
  await widget.getByLabel('β for feature 2').fill('0.5');
  await widget.getByLabel('β for feature 3').fill('-1');

  await expect.poll(async () => (await json(widget, 'data-values'))[8]).toBe(1.5);
  const values = await json(widget, 'data-values');
  expect(values[0]).toBe(5);
  expect(values[7]).toBe(-40);
  const gamma = [1, 2, 1];
  const beta = [0, 0.5, -1];
  const means = await json(widget, 'data-mean');
  const vars = await json(widget, 'data-variance');
  const xhat = await json(widget, 'data-xhat');
  const y = await json(widget, 'data-y');
  for (let f = 0; f < 3; f++) {
    const col = [0, 1, 2, 3, 4, 5].map((n) => values[n * 3 + f]!);
    const mu = mean(col);
    const v = biasedVar(col);
    expect(means[f]).toBeCloseTo(mu, 9);
    expect(vars[f]).toBeCloseTo(v, 9);
    await expect(widget.getByTestId(`mean-${f}`)).toHaveText(mu.toFixed(4).replace(/^-(0\.0+)$/, '$1'));
    await expect(widget.getByTestId(`variance-${f}`)).toHaveText(v.toFixed(4));
    col.forEach((x, n) => {
      const xh = (x - mu) / Math.sqrt(v + EPS);
      expect(xhat[n * 3 + f]).toBeCloseTo(xh, 9);
      expect(y[n * 3 + f]).toBeCloseTo(gamma[f]! * xh + beta[f]!, 9);
    });
  }

  // A constant column: σ² = 0, and ε keeps x̂ at 0 rather than 0/0; with ε = 0 the page says why it is undefined.
  for (let n = 0; n < 6; n++) await grid.getByLabel(`row ${n}, column 0`).fill('7');
  await expect.poll(async () => (await json(widget, 'data-variance'))[0]).toBe(0);
  expect((await json(widget, 'data-xhat')).filter((_, i) => i % 3 === 0)).toEqual([0, 0, 0, 0, 0, 0]);
  await widget.getByLabel('ε (epsilon)').fill('0');
  await expect(widget.getByTestId('minibatch-undefined')).toContainText('Feature 1');
});

test('a conv layer’s statistics pool one channel over N, H and W', async ({ page }) => {
  await page.goto(LESSON);
  const widget = page.getByTestId('channels');
  for (const channel of [1, 0]) {
    await widget.getByRole('radio', { name: `channel ${channel + 1}` }).check();
    await expect(widget).toHaveAttribute('data-channel', String(channel));
    const x = await json(widget, 'data-x'); // [N=2, C=2, 3×3]
    const pooled = [0, 1].flatMap((n) => x.slice((n * 2 + channel) * 9, (n * 2 + channel + 1) * 9));
    expect(pooled).toHaveLength(18);
    expect(Number(await widget.getAttribute('data-mean'))).toBeCloseTo(mean(pooled), 9);
    expect(Number(await widget.getAttribute('data-variance'))).toBeCloseTo(biasedVar(pooled), 9);
  }
  await widget.getByRole('button', { name: 'New values' }).click();
  await expect(widget.getByTestId('channel-stats')).toContainText('18 values');
});

test('running averages follow r ← 0.9·r + 0.1·batch, and evaluation mode uses them', async ({ page }) => {
  await page.goto(LESSON);
  const widget = page.getByTestId('running');
  await expect(widget).toHaveAttribute('data-running-mean', '0');
  await expect(widget).toHaveAttribute('data-running-var', '1');
  let rm = 0;
  let rv = 1;
  const feed = widget.getByRole('button', { name: 'Feed a batch' });
  for (let k = 1; k <= 6; k++) {
    await feed.press(k === 1 ? 'Enter' : 'Space'); // keyboard-operable
    await expect(widget).toHaveAttribute('data-k', String(k));
    const batch = await json(widget, 'data-batch');
    expect(batch).toHaveLength(8);
    rm = 0.9 * rm + 0.1 * mean(batch);
    rv = 0.9 * rv + 0.1 * ((biasedVar(batch) * 8) / 7);
  }
  expect(Number(await widget.getAttribute('data-running-mean'))).toBeCloseTo(rm, 9);
  expect(Number(await widget.getAttribute('data-running-var'))).toBeCloseTo(rv, 9);

  await widget.getByLabel('Example of the latest batch').fill('3');
  await expect(widget).toHaveAttribute('data-pick', '3');
  const batch = await json(widget, 'data-batch');
  const x = batch[2]!;
  const train = (x - mean(batch)) / Math.sqrt(biasedVar(batch) + EPS);
  const evaluation = (x - rm) / Math.sqrt(rv + EPS);
  expect(Number(await widget.getAttribute('data-train-output'))).toBeCloseTo(train, 9);
  expect(Number(await widget.getAttribute('data-eval-output'))).toBeCloseTo(evaluation, 9);
  expect(Math.abs(train - evaluation)).toBeGreaterThan(1e-3);
  await expect(widget.getByTestId('eval-output')).toContainText(evaluation.toFixed(4));

  // After 46 more batches the running mean has closed in on the population's 5 (variance 4).
  for (let i = 0; i < 5; i++) await widget.getByRole('button', { name: 'Feed 10 batches' }).click();
  await expect(widget).toHaveAttribute('data-k', '56');
  expect(Math.abs(Number(await widget.getAttribute('data-running-mean')) - 5)).toBeLessThan(1);
  await widget.getByRole('button', { name: 'Reset' }).click();
  await expect(widget).toHaveAttribute('data-k', '0');
  await expect(widget).toHaveAttribute('data-running-mean', '0');
});

test('the same deep net trains with and without batch norm side by side, and both losses fall', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(LESSON);
  const race = page.getByTestId('race');
  await expect(race).toHaveAttribute('data-plain-status', 'ready', { timeout: 60_000 });
  await expect(race).toHaveAttribute('data-bn-status', 'ready', { timeout: 60_000 });
  await race.getByRole('button', { name: 'Start' }).focus();
  await page.keyboard.press('Enter');
  // Bounded: 8 points of 3 iterations each per net; allow a slow shared machine.
  for (const net of ['plain', 'bn']) {
    await expect
      .poll(async () => Number(await race.getAttribute(`data-${net}-points`)), { timeout: 150_000 })
      .toBeGreaterThanOrEqual(8);
  }
  await race.getByRole('button', { name: 'Pause' }).click();
  await expect(race).toHaveAttribute('data-plain-status', 'paused');
  await expect(race).toHaveAttribute('data-bn-status', 'paused');
  for (const net of ['plain', 'bn']) {
    const first = Number(await race.getAttribute(`data-${net}-first-loss`));
    const recent = Number(await race.getAttribute(`data-${net}-recent-loss`));
    expect(first, `${net} first loss`).toBeGreaterThan(1.5);
    expect(recent, `${net} recent loss`).toBeLessThan(first);
  }
  const chart = page.getByTestId('race-chart');
  expect(Number(await chart.locator('li[data-series="bn"]').getAttribute('data-points'))).toBeGreaterThanOrEqual(8);

  await race.getByRole('button', { name: 'Reset' }).click();
  await expect(race).toHaveAttribute('data-plain-steps', '0');
  await expect(race).toHaveAttribute('data-bn-status', 'ready', { timeout: 60_000 });
});

test('exercises accept answers computed from their parameters and reject wrong ones', async ({ page }) => {
  await page.goto(LESSON);
  const stats = page.locator('[data-exercise="batch-stats"]');
  const s = await params(stats);
  const xs = [s.x1!, s.x2!, s.x3!, s.x4!];
  await answer(stats, `${mean(xs)} ${(biasedVar(xs) * 4) / 3}`); // the unbiased variance is not the algorithm's
  await expect(stats.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(stats, `${mean(xs)} ${biasedVar(xs)}`);
  await expect(stats.getByRole('status')).toHaveAttribute('data-result', 'right');

  const norm = page.locator('[data-exercise="normalise-value"]');
  const n = await params(norm);
  const xh = (n.x! - n.mu!) / Math.sqrt(n.variance!);
  await answer(norm, `${xh.toFixed(6)} ${(n.gamma! * xh + n.beta!).toFixed(6)}`);
  await expect(norm.getByRole('status')).toHaveAttribute('data-result', 'right');

  const identity = page.locator('[data-exercise="identity"]');
  const id = await params(identity);
  await answer(identity, `${id.variance} ${id.mu}`); // γ is the standard deviation, not the variance
  await expect(identity.getByRole('status')).toHaveAttribute('data-result', id.variance === 1 ? 'right' : 'wrong');
  await answer(identity, `${Math.sqrt(id.variance!)} ${id.mu}`);
  await expect(identity.getByRole('status')).toHaveAttribute('data-result', 'right');

  const running = page.locator('[data-exercise="running-mean"]');
  const r = await params(running);
  await answer(running, String((0.9 * (0.1 * r.m1!) + 0.1 * r.m2!).toFixed(6)));
  await expect(running.getByRole('status')).toHaveAttribute('data-result', 'right');
  await expect(running).toHaveAttribute('data-done', 'true');
});
