/**
 * The residual-connections lesson: the bottleneck table against the test's own weight arithmetic,
 * the plain and residual 20-layer nets trained side by side in two workers (deterministic on the
 * CPU engine, so the comparison at a fixed step is the same every run), and the exercises.
 * Measured for nets.ts's set-up (seed 1), mean loss of steps 1-10 / 51-60: plain 3.02 / 1.02,
 * residual 2.21 / 0.41; the margins below leave room on both sides of those numbers.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/residual-connections';
const WEIGHT_LAYERS = 20; // stem conv + 9 blocks × 2 convs + dense
const CHECK_AT = 60; // steps both nets must reach; the comparison uses steps 1-10 against 51-60

const num = (text: string | null): number => Number((text ?? '').replace(/,/g, ''));

async function params(ex: Locator): Promise<Record<string, number | string>> {
  return JSON.parse((await ex.getAttribute('data-params')) ?? '{}') as Record<string, number | string>;
}

async function answer(ex: Locator, text: string): Promise<void> {
  await ex.getByLabel('Your answer').fill(text);
  await ex.getByLabel('Your answer').press('Enter');
}

test('bottleneck and basic blocks have the weights the arithmetic gives, at every ResNet-50 stage', async ({
  page,
}) => {
  await page.goto(LESSON);
  const box = page.getByTestId('bottleneck');
  // The lecture's 256-d block first: 256·64 + 64·64·9 + 64·256 against 2·256·256·9.
  await expect(box.getByTestId('bottleneck-params')).toHaveText('69,632');
  await expect(box.getByTestId('basic-params')).toHaveText('1,179,648');
  for (const [d, side] of [
    [256, 56],
    [512, 28],
    [1024, 14],
    [2048, 7],
  ] as const) {
    await box.getByRole('radio', { name: `${d}-d`, exact: true }).check();
    await expect(box).toHaveAttribute('data-depth', String(d));
    const w = d / 4;
    const layers = [d * w, w * w * 9, w * d];
    await expect(box.getByTestId('layer-params')).toHaveText(layers.map((v) => v.toLocaleString('en-US')));
    const bottleneck = layers.reduce((a, b) => a + b, 0);
    expect(num(await box.getByTestId('bottleneck-params').textContent())).toBe(bottleneck);
    expect(num(await box.getByTestId('bottleneck-macs').textContent())).toBe(bottleneck * side * side);
    expect(num(await box.getByTestId('basic-params').textContent())).toBe(2 * d * d * 9);
    expect(num(await box.getByTestId('basic-macs').textContent())).toBe(2 * d * d * 9 * side * side);
    expect(num(await box.getByTestId('quarter-params').textContent())).toBe(2 * w * w * 9);
    await expect(box.getByTestId('bottleneck-ratio')).toContainText(`${((2 * d * d * 9) / bottleneck).toFixed(1)}×`);
  }
});

test('the plain and the residual net train side by side; both learn, the residual one faster', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(LESSON);
  const ex = page.getByTestId('experiment');
  await expect(ex).toHaveAttribute('data-plain-status', 'ready', { timeout: 60_000 });
  await expect(ex).toHaveAttribute('data-residual-status', 'ready', { timeout: 60_000 });

  await ex.getByRole('button', { name: 'Step both' }).click();
  await expect(ex).toHaveAttribute('data-plain-steps', '1');
  await expect(ex).toHaveAttribute('data-residual-steps', '1');

  await ex.getByRole('button', { name: 'Resume both' }).click();
  for (const net of ['plain', 'residual']) {
    await expect
      .poll(async () => Number(await ex.getAttribute(`data-${net}-steps`)), { timeout: 240_000 })
      .toBeGreaterThanOrEqual(CHECK_AT);
  }
  await ex.getByRole('button', { name: 'Pause both' }).click();
  await expect(ex).toHaveAttribute('data-plain-status', 'paused');
  await expect(ex).toHaveAttribute('data-residual-status', 'paused');

  const trace = async (net: string): Promise<Map<number, number>> =>
    new Map(JSON.parse((await ex.getAttribute(`data-${net}-losses`)) ?? '[]') as [number, number][]);
  const mean = (t: Map<number, number>, from: number, to: number): number => {
    let sum = 0;
    for (let s = from; s <= to; s++) sum += t.get(s)!;
    return sum / (to - from + 1);
  };
  const plain = await trace('plain');
  const residual = await trace('residual');
  for (let s = 1; s <= CHECK_AT; s++) {
    expect(plain.has(s) && residual.has(s), `a loss for step ${s} from both nets`).toBe(true);
  }
  // Both start at or above ln 10 ≈ 2.30, the loss of an even guess over ten digits (more for an
  // unlucky start: the first batches of a freshly initialised net can be confidently wrong).
  const plainEarly = mean(plain, 1, 10);
  const residualEarly = mean(residual, 1, 10);
  expect(plainEarly).toBeGreaterThan(2);
  expect(residualEarly).toBeGreaterThan(2);
  // Same seed, same data order, CPU engine: the same numbers every run (see the lesson's nets.ts).
  const plainLate = mean(plain, CHECK_AT - 9, CHECK_AT);
  const residualLate = mean(residual, CHECK_AT - 9, CHECK_AT);
  // Both losses fall: the plain net learns too, it is not rigged to stay at chance.
  expect(plainLate).toBeLessThan(plainEarly - 0.5);
  expect(residualLate).toBeLessThan(residualEarly - 0.5);
  // ...but the residual net ends clearly lower (measured 0.41 against 1.02).
  expect(residualLate).toBeLessThan(plainLate - 0.3);

  const chart = page.getByTestId('experiment-loss');
  for (const net of ['plain', 'residual']) {
    expect(Number(await chart.locator(`li[data-series="${net}"]`).getAttribute('data-points'))).toBeGreaterThanOrEqual(
      CHECK_AT,
    );
  }

  // A gradient-norm bar for every weight layer of both nets, each a real, positive norm: with
  // batch norm the gradient reaches the first layer of the plain net too.
  const bars = page.getByTestId('gradient-bars');
  for (const net of ['plain', 'residual']) {
    await expect(bars.locator(`rect[data-net="${net}"]`)).toHaveCount(WEIGHT_LAYERS);
    await expect(bars.locator(`li[data-series="${net}"]`)).toHaveAttribute('data-bars', String(WEIGHT_LAYERS));
    const norms = await bars
      .locator(`rect[data-net="${net}"]`)
      .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('data-norm'))));
    for (const norm of norms) expect(Number.isFinite(norm) && norm > 0, `${net} norm ${norm}`).toBe(true);
  }

  await ex.getByRole('button', { name: 'Reset both' }).click();
  await expect(ex).toHaveAttribute('data-plain-steps', '0', { timeout: 60_000 });
  await expect(ex).toHaveAttribute('data-residual-steps', '0', { timeout: 60_000 });
  await expect(ex).toHaveAttribute('data-residual-status', 'ready', { timeout: 60_000 });
});

test('exercises accept answers computed from their parameters and reject wrong ones', async ({ page }) => {
  await page.goto(LESSON);
  const block = page.locator('[data-exercise="block-params"]');
  const b = await params(block);
  const d = Number(b.d);
  const w = d / 4;
  await answer(block, `${2 * d * d * 9} ${d * w + w * w * 9}`); // forgot the second 1×1
  await expect(block.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(block, `${2 * d * d * 9} ${2 * d * w + w * w * 9}`);
  await expect(block.getByRole('status')).toHaveAttribute('data-result', 'right');

  const zero = page.locator('[data-exercise="zero-residual"]');
  const x = String((await params(zero)).x)
    .split(' ')
    .map(Number);
  await answer(zero, x.map(() => 0).join(' ')); // a plain block's answer
  await expect(zero.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(zero, x.map((v) => Math.max(0, v)).join(' '));
  await expect(zero.getByRole('status')).toHaveAttribute('data-result', 'right');

  const grad = page.locator('[data-exercise="shortcut-gradient"]');
  const g = await params(grad);
  const [n, a, g0] = [Number(g.n), Number(g.a), Number(g.g)];
  await answer(grad, `${g0 * a ** n} ${g0 * a ** n}`);
  await expect(grad.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(grad, `${g0 * a ** n} ${g0 * (1 + a) ** n}`);
  await expect(grad.getByRole('status')).toHaveAttribute('data-result', 'right');

  const survival = page.locator('[data-exercise="survival"]');
  const s = await params(survival);
  const [L, l, pL] = [Number(s.L), Number(s.l), Number(s.pL)];
  await answer(survival, String(1 - (l / L) * (1 - pL)));
  await expect(survival.getByRole('status')).toHaveAttribute('data-result', 'right');
  await expect(survival).toHaveAttribute('data-done', 'true');
});
