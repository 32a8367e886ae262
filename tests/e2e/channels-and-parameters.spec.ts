import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/channels-and-parameters';
const fmt = (n: number): string => n.toLocaleString('en-US');
/** The test's own conv arithmetic: the lecture's W2 = (W1 − F + 2P)/S + 1. */
const out = (w: number, f: number, s: number, p: number): number => (w - f + 2 * p) / s + 1;

async function params(ex: Locator): Promise<Record<string, number>> {
  return JSON.parse((await ex.getAttribute('data-params')) ?? '{}') as Record<string, number>;
}
async function answer(ex: Locator, text: string): Promise<void> {
  await ex.getByLabel('Your answer').fill(text);
  await ex.getByLabel('Your answer').press('Enter');
}

test('each lecture example loads and shows the volume, weights and biases', async ({ page }) => {
  await page.goto(LESSON);
  const ex = page.getByTestId('volume-explorer');
  const cases = [
    { name: '3×32×32, thirty 5×5 filters', w: 32, d: 3, f: 5, k: 30, s: 1, p: 0, bias: true },
    { name: '3×32×32, twenty 5×5 filters, pad 2', w: 32, d: 3, f: 5, k: 20, s: 1, p: 2, bias: true },
    { name: 'tf.nn.conv2d: 3×4×4 input, seven 3×3 filters', w: 4, d: 3, f: 3, k: 7, s: 1, p: 0, bias: false },
    { name: '3×28×28 image, four 15×15 filters', w: 28, d: 3, f: 15, k: 4, s: 1, p: 0, bias: true },
  ];
  for (const c of cases) {
    await ex.getByRole('button', { name: c.name }).click();
    const o = out(c.w, c.f, c.s, c.p);
    const weights = c.f * c.f * c.d * c.k;
    await expect(ex.getByTestId('volume-out')).toHaveText(`${c.k}×${o}×${o}`); // channels first
    await expect(ex.getByTestId('volume-per-filter')).toHaveText(fmt(c.f * c.f * c.d));
    await expect(ex.getByTestId('volume-weights')).toHaveText(fmt(weights));
    await expect(ex.getByTestId('volume-biases')).toHaveText(String(c.bias ? c.k : 0));
    await expect(ex.getByTestId('volume-params')).toHaveText(fmt(weights + (c.bias ? c.k : 0)));
  }
  // The lecture's headline numbers, independently: 30×28×28 and 75; 20×32×32 and 1,500; 189; 4×14×14.
  expect([out(32, 5, 1, 0), 5 * 5 * 3, out(32, 5, 1, 2), 5 * 5 * 3 * 20, 3 * 3 * 3 * 7, out(28, 15, 1, 0)]).toEqual([
    28, 75, 32, 1500, 189, 14,
  ]);
});

test('typing filters, stride and padding updates the numbers; a misfit shows the reason', async ({ page }) => {
  await page.goto(LESSON);
  const ex = page.getByTestId('volume-explorer');
  await ex.getByLabel('Filters K').fill('12');
  await ex.getByLabel('Padding P').fill('1');
  await ex.getByLabel('Input depth D₁').fill('8');
  await expect(ex.getByTestId('volume-out')).toHaveText(`12×${out(32, 5, 1, 1)}×${out(32, 5, 1, 1)}`);
  await expect(ex.getByTestId('volume-weights')).toHaveText(fmt(5 * 5 * 8 * 12));
  await ex.getByLabel('Stride S').fill('2'); // (32 − 5 + 2)/2 + 1 = 15.5
  await expect(ex.getByTestId('volume-error')).toContainText('15.5');
  await ex.getByLabel('Padding P').fill('2'); // (32 − 5 + 4)/2 + 1 = 16.5 still, then 0: 14.5
  await ex.getByLabel('Filter size F').fill('4'); // (32 − 4 + 4)/2 + 1 = 17
  await expect(ex.getByTestId('volume-out')).toHaveText(`12×${out(32, 4, 2, 2)}×${out(32, 4, 2, 2)}`);
});

test('parameter sharing: 2,304,000 (the slide’s “3 million”) against 2,250', async ({ page }) => {
  await page.goto(LESSON);
  const table = page.getByTestId('sharing-table');
  await expect(table.getByTestId('unshared').first()).toHaveText(fmt(32 * 32 * 30 * 75));
  await expect(table.getByTestId('unshared').nth(1)).toHaveText(fmt(28 * 28 * 30 * 75));
  await expect(table.getByTestId('shared').first()).toHaveText(fmt(30 * 75));
});

test('factorising table follows C: 49C² vs 27C², 25C² vs 18C², 9C² vs 6C²', async ({ page }) => {
  await page.goto(LESSON);
  const box = page.getByTestId('factorising');
  await box.getByLabel('Channels C (in and out)').fill('10');
  const rows = box.getByTestId('factor-row');
  const expected = [
    [49, 27],
    [25, 18],
    [9, 6],
  ];
  for (const [i, [big, small]] of expected.entries()) {
    await expect(rows.nth(i).getByTestId('big-weights')).toContainText(fmt(big! * 100));
    await expect(rows.nth(i).getByTestId('small-weights')).toContainText(fmt(small! * 100));
  }
});

test('1×1 bottleneck: parameters and multiply-adds of both stacks', async ({ page }) => {
  await page.goto(LESSON);
  const box = page.getByTestId('bottleneck');
  const direct = 5 * 5 * 192 * 32 + 32;
  const reduced = 192 * 16 + 16 + 5 * 5 * 16 * 32 + 32;
  await expect(box.getByTestId('bottleneck-params').first()).toHaveText(fmt(direct));
  await expect(box.getByTestId('bottleneck-params').nth(1)).toHaveText(fmt(reduced));
  await expect(box.getByTestId('bottleneck-macs').first()).toHaveText(fmt(28 * 28 * 32 * 25 * 192));
  await expect(box.getByTestId('bottleneck-macs').nth(1)).toHaveText(fmt(28 * 28 * 16 * 192 + 28 * 28 * 32 * 25 * 16));
});

test('receptive field: hover and arrow keys outline 3×3, 5×5, 7×7 windows', async ({ page }) => {
  await page.goto(LESSON);
  const rf = page.getByTestId('receptive-field');
  const box = rf.getByTestId('rf-box');
  for (const layers of [1, 2, 3]) {
    await rf.getByRole('radio', { name: String(layers), exact: true }).check();
    await expect(rf.getByTestId('rf-out-shape')).toContainText(`${28 - 2 * layers}×${28 - 2 * layers}`);
    await expect(box).toHaveAttribute('data-size', String(1 + 2 * layers));
  }
  const output = rf.getByTestId('rf-output');
  const b = (await output.boundingBox())!;
  await page.mouse.move(b.x + b.width * (4.5 / 22), b.y + b.height * (10.5 / 22)); // unit (10, 4) of 22×22
  await expect(box).toHaveAttribute('data-top', '10');
  await expect(box).toHaveAttribute('data-left', '4');
  await output.focus();
  await page.keyboard.press('ArrowRight');
  await expect(box).toHaveAttribute('data-left', '5');
  await expect(rf.getByTestId('rf-readout')).toContainText('7×7');
});

test('exercises: wrong then right answers, checked from the shown parameters', async ({ page }) => {
  await page.goto(LESSON);
  const vol = page.locator('[data-exercise="output-volume"]');
  const v = await params(vol);
  const o = out(v.W!, v.F!, v.S!, v.P!);
  await answer(vol, `${v.K} ${o + 1} ${o}`);
  await expect(vol.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(vol, `${v.K} ${o} ${o}`);
  await expect(vol.getByRole('status')).toHaveAttribute('data-result', 'right');

  const conv = page.locator('[data-exercise="conv-params"]');
  const c = await params(conv);
  await answer(conv, fmt(c.F! * c.F! * c.D! * c.K! + c.K!));
  await expect(conv).toHaveAttribute('data-done', 'true');

  const fac = page.locator('[data-exercise="factorise-saving"]');
  const f = await params(fac);
  await answer(fac, String((f.big! * f.big! - f.count! * f.small! * f.small!) * f.C! * f.C!));
  await expect(fac.getByRole('status')).toHaveAttribute('data-result', 'right');

  const dense = page.locator('[data-exercise="dense-after-flatten"]');
  const d = await params(dense);
  await answer(dense, String(d.C! * d.H! * d.H! * d.U! + d.U!));
  await expect(dense.getByRole('status')).toHaveAttribute('data-result', 'right');
});
