import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { inspector, openStudioWith, TWO_SMALL_CONVS } from './studio-shared-link';

/*
 * Click a unit: in the convolution and pooling lessons and in the studio's activation maps, the
 * arithmetic panel's window and kernel numbers are read back and the test redoes the sum, the bias
 * and the activation itself; the result must equal the value the panel and the output grid show.
 * The transposed-convolution widget's scatter steps and output are recomputed the same way.
 */

const nums = async (cells: Locator, attr = 'data-value'): Promise<number[]> =>
  (await cells.evaluateAll((els, a) => els.map((e) => e.getAttribute(a) ?? ''), attr)).map(Number);
const texts = async (cells: Locator): Promise<number[]> => (await cells.allTextContents()).map(Number);
const round2 = (v: number): number => Math.round(v * 100) / 100;

test('convolution lesson: a clicked output unit shows its window, kernel, bias and ReLU adding up', async ({
  page,
}) => {
  await page.goto('/#/lesson/convolution');
  const w = page.getByTestId('sliding-window');
  await w.getByLabel('Bias b').fill('-80');
  await w.getByRole('radio', { name: 'ReLU' }).check();
  // The lecture's input and kernel: 12 3 19 / 25 10 1 / 9 7 17 and 1 2 / 3 4.
  const input = [12, 3, 19, 25, 10, 1, 9, 7, 17];
  const kernel = [1, 2, 3, 4];
  const expected = (r: number, c: number): number => {
    const window = [input[r * 3 + c]!, input[r * 3 + c + 1]!, input[(r + 1) * 3 + c]!, input[(r + 1) * 3 + c + 1]!];
    return Math.max(0, window.reduce((s, x, i) => s + x * kernel[i]!, 0) - 80);
  };

  const working = w.getByTestId('working');
  for (const [r, c, how] of [
    [0, 0, 'click'],
    [1, 0, 'enter'],
    [1, 1, 'click'],
    [0, 1, 'enter'],
  ] as const) {
    const cell = w.getByTestId('output').locator(`td[data-row="${r}"][data-col="${c}"] button`);
    if (how === 'click') await cell.click();
    else {
      await cell.focus();
      await cell.press('Enter');
    }
    await expect(working).toHaveAttribute('data-row', String(r));
    await expect(working).toHaveAttribute('data-col', String(c));
    const win = await texts(working.getByTestId('ua-window').locator('td'));
    const ker = await texts(working.getByTestId('ua-kernel').locator('td'));
    const bias = Number(await working.getByTestId('ua-bias').textContent());
    expect(ker).toEqual(kernel);
    expect(bias).toBe(-80);
    const sum = win.reduce((s, x, i) => s + x * ker[i]!, 0);
    const y = Math.max(0, sum + bias);
    expect(y).toBe(expected(r, c));
    expect(Number(await working.getByTestId('ua-sum').textContent())).toBe(sum);
    expect(Number(await working.getByTestId('ua-activated').textContent())).toBe(y);
    await expect(working.getByTestId('ua-output')).toHaveText(String(y));
    await expect(w.getByTestId('output').locator(`td[data-row="${r}"][data-col="${c}"]`)).toHaveText(String(y));
    // The window lit on the input is the 2×2 block at (r, c).
    const lit = await w
      .getByTestId('input')
      .locator('td[data-state="window"]')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-row')},${e.getAttribute('data-col')}`));
    expect(lit).toEqual([`${r},${c}`, `${r},${c + 1}`, `${r + 1},${c}`, `${r + 1},${c + 1}`]);
  }
});

test('pooling lesson: a clicked unit shows its window and its max, then its mean', async ({ page }) => {
  await page.goto('/#/lesson/pooling');
  const pg = page.getByTestId('pool-playground');
  await expect(pg.getByTestId('pool-windows').locator('td')).toHaveCount(36);
  const x = await texts(pg.getByTestId('pool-windows').locator('td'));
  expect(x).toHaveLength(36);
  const windowOf = (r: number, c: number): number[] => [
    x[2 * r * 6 + 2 * c]!,
    x[2 * r * 6 + 2 * c + 1]!,
    x[(2 * r + 1) * 6 + 2 * c]!,
    x[(2 * r + 1) * 6 + 2 * c + 1]!,
  ];
  const out = pg.getByTestId('pool-output');
  await out.locator('td[data-row="1"][data-col="2"]').click();
  const panel = pg.getByTestId('pool-arithmetic');
  let win = await texts(panel.getByTestId('ua-window').locator('td'));
  expect(win).toEqual(windowOf(1, 2));
  await expect(panel.getByTestId('ua-pooled')).toHaveText(String(Math.max(...win)));
  await expect(panel.getByTestId('ua-output')).toHaveText(String(Math.max(...win)));
  await expect(out.locator('td[data-row="1"][data-col="2"]')).toHaveText(String(Math.max(...win)));
  await page.mouse.move(0, 0); // hovering would light the hovered window instead of the picked one
  const lit = await pg
    .getByTestId('pool-windows')
    .locator('td.is-window')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-index'))));
  expect(lit).toEqual([2 * 6 + 4, 2 * 6 + 5, 3 * 6 + 4, 3 * 6 + 5]);

  await pg.getByRole('radio', { name: 'average' }).check();
  const cell = out.locator('td[data-row="2"][data-col="0"]');
  await cell.focus();
  await cell.press('Enter');
  await expect(panel).toHaveAttribute('data-row', '2');
  win = await texts(panel.getByTestId('ua-window').locator('td'));
  expect(win).toEqual(windowOf(2, 0));
  const mean = round2(win.reduce((a, b) => a + b, 0) / 4);
  await expect(panel.getByTestId('ua-pooled')).toHaveText(String(mean));
  await expect(out.locator('td[data-row="2"][data-col="0"]')).toHaveText(String(mean));
});

/** The test's own transposed convolution: scatter value·kernel S apart, sum overlaps, trim P. */
function scatter(input: number[], i: number, kernel: number[], f: number, s: number, upTo: number, op: number) {
  const n = (i - 1) * s + f + op;
  const canvas = new Array<number>(n * n).fill(0);
  for (let t = 0; t <= upTo; t++) {
    const a = Math.floor(t / i);
    const b = t % i;
    for (let u = 0; u < f; u++)
      for (let v = 0; v < f; v++) canvas[(a * s + u) * n + b * s + v]! += input[t]! * kernel[u * f + v]!;
  }
  return { n, canvas };
}

test('transposed convolution: each step scatters value × kernel, and the output matches the formula', async ({
  page,
}) => {
  await page.goto('/#/lesson/padding-stride-dilation');
  const tc = page.getByTestId('transposed-widget');
  await tc.getByTestId('tc-input').getByLabel('row 0, column 1').fill('5');
  const input = await nums(tc.getByTestId('tc-input').locator('input'), 'value');
  const kernel = await nums(tc.getByTestId('tc-kernel').locator('input'), 'value');
  expect(input).toEqual([1, 5, 3, 4]);
  expect(kernel).toHaveLength(9);
  // i = 2, F = 3, S = 2, P = 0: o = (2 − 1)·2 − 0 + 3 = 5, on a 5×5 canvas.
  await expect(tc.getByTestId('tc-formula')).toHaveAttribute('data-size', '5');
  for (let t = 0; t < 4; t++) {
    if (t > 0) await tc.getByRole('button', { name: 'Step ▶' }).click();
    const { canvas } = scatter(input, 2, kernel, 3, 2, t, 0);
    await expect.poll(() => texts(tc.getByTestId('tc-canvas').locator('td'))).toEqual(canvas);
  }
  expect(await texts(tc.getByTestId('tc-output').locator('td'))).toEqual(scatter(input, 2, kernel, 3, 2, 3, 0).canvas);

  // Padding 1 trims a cell from every side, output padding 1 adds one at the bottom and right: o = 2 − 2 + 3 + 1 = 4.
  await tc.locator('fieldset', { hasText: 'Padding P' }).getByRole('radio', { name: '1' }).check();
  await tc.locator('fieldset', { hasText: 'Output padding' }).getByRole('radio', { name: '1' }).check();
  await expect(tc.getByTestId('tc-formula')).toHaveAttribute('data-size', String((2 - 1) * 2 - 2 * 1 + 3 + 1));
  const { n, canvas } = scatter(input, 2, kernel, 3, 2, 3, 1);
  const trimmed: number[] = [];
  for (let r = 1; r < n - 1; r++) for (let c = 1; c < n - 1; c++) trimmed.push(canvas[r * n + c]!);
  expect(trimmed).toHaveLength(16);
  await expect.poll(() => texts(tc.getByTestId('tc-output').locator('td'))).toEqual(trimmed);
});

test('studio: after a few CPU steps, clicked conv and pooling units add up to their activations', async ({ page }) => {
  test.setTimeout(240_000);
  await openStudioWith(page, TWO_SMALL_CONVS);
  const step = page.getByRole('button', { name: /^Step/ });
  for (let i = 0; i < 3; i++) await step.click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
  await inspector(page).getByRole('tab', { name: 'Activations' }).click();
  const view = page.getByTestId('activations-view');
  const panel = view.getByTestId('studio-unit-arithmetic');
  const value = async (id: string): Promise<number> => Number(await panel.getByTestId(id).getAttribute('data-value'));

  // conv2d_1 (1 → 4 channels, 3×3, 'same', ReLU): one channel of window × kernel, + bias, ReLU.
  const map1 = view.getByRole('button', { name: /^conv2d_1 channel 2:/ });
  await map1.click({ position: { x: 30, y: 20 } });
  await expect(panel).toBeVisible({ timeout: 30_000 });
  const row = Number(await panel.getAttribute('data-row'));
  const col = Number(await panel.getAttribute('data-col'));
  await expect(view.getByTestId('unit-window-maps')).toHaveAttribute('data-top', String(row - 1)); // pad 1
  await expect(view.getByTestId('unit-window-maps')).toHaveAttribute('data-right', String(col + 1));
  let win = await nums(panel.getByTestId('ua-window').locator('td'));
  let ker = await nums(panel.getByTestId('ua-kernel').locator('td'));
  expect(win).toHaveLength(9);
  expect(ker).toHaveLength(9);
  let sum = win.reduce((s, x, i) => s + x * ker[i]!, 0);
  expect(Math.abs(Math.max(0, sum + (await value('ua-bias'))) - (await value('ua-output')))).toBeLessThan(1e-4);

  // conv2d_2 reads 4 channels after max pooling: the sum runs over 4 windows, and the field reaches the image.
  await view.getByRole('button', { name: /^conv2d_2 channel 5:/ }).press('Enter');
  await expect(panel.getByTestId('ua-channel')).toHaveCount(4);
  win = await nums(panel.getByTestId('ua-window').locator('td'));
  ker = await nums(panel.getByTestId('ua-kernel').locator('td'));
  expect(win).toHaveLength(36);
  sum = win.reduce((s, x, i) => s + x * ker[i]!, 0);
  expect(Math.abs(Math.max(0, sum + (await value('ua-bias'))) - (await value('ua-output')))).toBeLessThan(1e-4);
  // Unit (0, 0) of conv2d_2 reads rows −1..1 of the pooled map (pad 1), which pool rows −2..3 of conv2d_1's
  // output (2×2, stride 2), which read rows −3..4 of the image (3×3, pad 1).
  await expect(view.getByTestId('unit-image-field')).toHaveAttribute('data-top', '-3');
  await expect(view.getByTestId('unit-image-field')).toHaveAttribute('data-bottom', '4');

  // maxpool_1: the window's largest value is the unit's value.
  const pool = view.getByRole('button', { name: /^maxpool_1 channel 0:/ });
  await pool.focus();
  await pool.press('ArrowRight');
  await pool.press('ArrowDown');
  await pool.press('Enter');
  await expect(panel).toHaveAttribute('data-row', '1');
  await expect(panel).toHaveAttribute('data-col', '1');
  win = await nums(panel.getByTestId('ua-window').locator('td'));
  expect(win).toHaveLength(4);
  expect(Math.max(...win)).toBe(await value('ua-output'));
});
