/**
 * The gradient-descent lesson: the descent explorer, the optimiser race, the epoch calculator and
 * a real (short) training run, with every number checked against the test's own arithmetic.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { TRAINING_WORKER, watchTrainingWorkers, workerTally } from './worker-training';

const LESSON = '/#/lesson/gradient-descent';

/** The page's surface: L = ½(w1² + 10·w2²), started at (−4, 1.5). */
const grad = ([a, b]: number[]): number[] => [a!, 10 * b!];
const START = [-4, 1.5];

function sgd(lr: number, steps: number): number[] {
  let w = [...START];
  for (let k = 0; k < steps; k++) w = w.map((v, i) => v - lr * grad(w)[i]!);
  return w;
}

function momentum(lr: number, mu: number, steps: number): number[] {
  const w = [...START];
  const v = [0, 0];
  for (let k = 0; k < steps; k++) {
    const g = grad(w);
    for (let i = 0; i < 2; i++) {
      v[i] = mu * v[i]! - lr * g[i]!;
      w[i]! += v[i]!;
    }
  }
  return w;
}

function adam(lr: number, steps: number, b1 = 0.9, b2 = 0.999, eps = 1e-8): number[] {
  const w = [...START];
  const m = [0, 0];
  const s = [0, 0];
  for (let t = 1; t <= steps; t++) {
    const g = grad(w);
    for (let i = 0; i < 2; i++) {
      m[i] = b1 * m[i]! + (1 - b1) * g[i]!;
      s[i] = b2 * s[i]! + (1 - b2) * g[i]! ** 2;
      w[i]! -= (lr * (m[i]! / (1 - b1 ** t))) / (Math.sqrt(s[i]! / (1 - b2 ** t)) + eps);
    }
  }
  return w;
}

const readW = async (loc: Locator): Promise<number[]> =>
  JSON.parse((await loc.getAttribute('data-w')) ?? '[]') as number[];

function expectClose(actual: number[], expected: number[], digits = 3): void {
  for (const [i, a] of actual.entries()) expect(a, `w${i + 1}`).toBeCloseTo(expected[i]!, digits);
}

async function params(ex: Locator): Promise<Record<string, number>> {
  return JSON.parse((await ex.getAttribute('data-params')) ?? '{}') as Record<string, number>;
}

async function answer(ex: Locator, text: string): Promise<void> {
  await ex.getByLabel('Your answer').fill(text);
  await ex.getByLabel('Your answer').press('Enter');
}

test('the learning-rate slider and presets change the descent: converge, crawl, diverge', async ({ page }) => {
  await page.goto(LESSON);
  const descent = page.getByTestId('descent');
  const stage = descent.getByRole('group', { name: /Gradient descent steps/ });

  await descent.getByRole('slider').fill('0.1');
  await expect(descent).toHaveAttribute('data-lr', '0.1');
  await descent.getByRole('button', { name: 'Step ▶' }).click();
  expectClose(await readW(descent), sgd(0.1, 1));
  await stage.focus();
  await stage.press('End');
  await expect(descent).toHaveAttribute('data-step', '30');
  expectClose(await readW(descent), sgd(0.1, 30));

  await descent.getByRole('button', { name: 'Too small (0.01)' }).click();
  await expect(descent).toHaveAttribute('data-verdict', 'crawls');
  await stage.press('End');
  expectClose(await readW(descent), sgd(0.01, 30));

  await descent.getByRole('button', { name: 'Too large (0.21)' }).click();
  await expect(descent).toHaveAttribute('data-verdict', 'diverges');
  await stage.press('Home');
  for (let i = 0; i < 3; i++) await stage.press('ArrowRight');
  const w = sgd(0.21, 3);
  expectClose(await readW(descent), w);
  expect(Math.abs(w[1]!)).toBeGreaterThan(START[1]!); // w2 grows: each step overshoots further
  await expect(page.getByTestId('descent-verdict')).toContainText('Too large');
});

test('SGD, momentum and Adam follow the engine update rules on the same surface', async ({ page }) => {
  await page.goto(LESSON);
  const race = page.getByTestId('optimizers');
  await race.getByLabel('Momentum (μ = 0.9): α').fill('0.05');
  const stage = race.getByRole('group', { name: /Optimiser comparison/ });
  await stage.focus();
  await stage.press('Home');
  for (let i = 0; i < 5; i++) await stage.press('ArrowRight');
  await expect(race).toHaveAttribute('data-step', '5');
  expectClose(await readW(race.locator('[data-optimizer="sgd"]')), sgd(0.03, 5));
  expectClose(await readW(race.locator('[data-optimizer="momentum"]')), momentum(0.05, 0.9, 5));
  expectClose(await readW(race.locator('[data-optimizer="adam"]')), adam(0.3, 5));
  await stage.press('End');
  expectClose(await readW(race.locator('[data-optimizer="adam"]')), adam(0.3, 40));
});

test('iterations per epoch follow ceil(N / B), from the lecture’s 55,000 / 1,000 = 55', async ({ page }) => {
  await page.goto(LESSON);
  const calc = page.getByTestId('epochs');
  await expect(calc).toHaveAttribute('data-iterations', '55');
  await expect(calc).toHaveAttribute('data-total', '550');
  for (const [N, B, E] of [
    [50_000, 64, 3],
    [1_000, 1_000, 1],
    [60_000, 128, 20],
  ] as const) {
    await calc.getByLabel('Training samples N').fill(String(N));
    await calc.getByLabel('Batch size B').fill(String(B));
    await calc.getByLabel('Epochs').fill(String(E));
    const iterations = Math.ceil(N / B);
    await expect(calc).toHaveAttribute('data-iterations', String(iterations));
    await expect(calc).toHaveAttribute('data-last-batch', String(N - (iterations - 1) * B));
    await expect(calc).toHaveAttribute('data-total', String(iterations * E));
    if (N % B !== 0)
      await expect(page.getByTestId('last-batch')).toContainText(`holds the ${N - (iterations - 1) * B}`);
  }
});

test('the lecture CNN trains in the page and its loss falls', async ({ page }) => {
  test.setTimeout(120_000);
  await watchTrainingWorkers(page);
  await page.goto(LESSON);
  const training = page.getByTestId('training');
  await expect(training).toHaveAttribute('data-status', 'idle');

  await training.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(training).toHaveAttribute('data-steps', '1');
  await expect(training).toHaveAttribute('data-status', 'paused');

  await training.getByRole('button', { name: 'Resume' }).click();
  await expect(training).toHaveAttribute('data-status', 'running');
  // Bounded: 60 iterations of 32 digits take a few seconds on a laptop; allow a slow shared machine.
  await expect
    .poll(async () => Number(await training.getAttribute('data-steps')), { timeout: 60_000 })
    .toBeGreaterThanOrEqual(60);
  await training.getByRole('button', { name: 'Pause' }).click();
  await expect(training).toHaveAttribute('data-status', 'paused');

  const first = Number(await training.getAttribute('data-first-loss'));
  const recent = Number(await training.getAttribute('data-recent-loss'));
  expect(first).toBeGreaterThan(1.8); // near ln 10 ≈ 2.3 before learning
  expect(recent).toBeLessThan(first - 0.3);
  const chart = page.getByTestId('loss-chart');
  expect(Number(await chart.locator('li[data-series="batch"]').getAttribute('data-points'))).toBeGreaterThanOrEqual(60);
  // The run happened in a Web Worker: one was created, and every plotted step came from it as a trainer message.
  const tally = await workerTally(page);
  expect(tally.created.some((url) => TRAINING_WORKER.test(url))).toBe(true);
  expect(tally.trainerMessages).toBeGreaterThanOrEqual(60);

  await training.getByRole('button', { name: 'Reset' }).click();
  await expect(training).toHaveAttribute('data-status', 'idle');
  await expect(training).toHaveAttribute('data-steps', '0');
});

test('exercises accept answers computed from their parameters and reject wrong ones', async ({ page }) => {
  await page.goto(LESSON);
  const iters = page.locator('[data-exercise="iterations"]');
  const i = await params(iters);
  await answer(iters, String(Math.floor(i.N! / i.B!) - (i.N! % i.B! === 0 ? 1 : 0))); // forgot to round up
  await expect(iters.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(iters, String(Math.ceil(i.N! / i.B!)));
  await expect(iters.getByRole('status')).toHaveAttribute('data-result', 'right');

  const sgdEx = page.locator('[data-exercise="sgd-update"]');
  const s = await params(sgdEx);
  await answer(sgdEx, (s.w! - s.lr! * s.g!).toFixed(6));
  await expect(sgdEx.getByRole('status')).toHaveAttribute('data-result', 'right');

  const mom = page.locator('[data-exercise="momentum-step"]');
  const m = await params(mom);
  const v = m.mu! * m.v! - m.lr! * m.g!;
  await answer(mom, `${v.toFixed(6)} ${(m.w! + v).toFixed(6)}`);
  await expect(mom.getByRole('status')).toHaveAttribute('data-result', 'right');

  const stable = page.locator('[data-exercise="stable-rate"]');
  const c = (await params(stable)).c!;
  await answer(stable, String(1 / c));
  await expect(stable.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(stable, String(2 / c));
  await expect(stable.getByRole('status')).toHaveAttribute('data-result', 'right');
  await expect(stable).toHaveAttribute('data-done', 'true');
});
