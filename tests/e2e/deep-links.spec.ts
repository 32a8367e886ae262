/**
 * Deep links: a widget's state set by hand is in the address (page.url()), and that address
 * opened in a NEW page shows the same state, with numbers the test computes itself; a section's
 * address lands on that section; the studio's address follows its set-up and reproduces it in a
 * fresh browser; a corrupt query shows the defaults with a notice and no console error.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Opens `url` in a new page of `context`, collecting console and page errors (the fixture sees only `page`). */
async function openNew(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

/** Waits until the address holds every piece of `parts` (the widgets write a moment after a change). */
async function urlWith(page: Page, parts: readonly string[]): Promise<string> {
  await expect
    .poll(() => parts.every((p) => decodeURIComponent(page.url()).includes(p)), { timeout: 10_000 })
    .toBe(true);
  return page.url();
}

const values = async (grid: Locator): Promise<number[]> =>
  (await grid.getByRole('textbox').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).map(Number);

/** The test's own cross-correlation of an n×n input with a k×k kernel, plus bias, then ReLU. */
function convRelu(x: readonly number[], n: number, w: readonly number[], k: number, bias: number): number[] {
  const o = n - k + 1;
  const y: number[] = [];
  for (let r = 0; r < o; r++) {
    for (let c = 0; c < o; c++) {
      let s = bias;
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) s += x[(r + i) * n + c + j]! * w[i * k + j]!;
      y.push(Math.max(0, s));
    }
  }
  return y;
}

test('the sliding window’s input, kernel, mode, bias and activation travel in the URL', async ({ page, context }) => {
  await page.goto('/#/lesson/convolution');
  const w = page.getByTestId('sliding-window');
  await w.getByTestId('input').getByLabel('row 0, column 0').fill('-5');
  await w.getByTestId('kernel').getByLabel('row 1, column 0').fill('-7');
  await w.getByRole('radio', { name: 'Convolution (flip kernel)' }).check();
  await w.getByLabel('Bias b').fill('30');
  await w.getByRole('radio', { name: 'ReLU' }).check();
  const url = await urlWith(page, ['sw.in=3x3_-5_', 'sw.k=2x2_1_2_-7_4', 'sw.m=convolution', 'sw.b=30', 'sw.a=relu']);

  const { page: other, errors } = await openNew(context, url);
  const v = other.getByTestId('sliding-window');
  await expect(v).toHaveAttribute('data-mode', 'convolution');
  const input = [-5, 3, 19, 25, 10, 1, 9, 7, 17];
  const kernel = [1, 2, -7, 4];
  await expect.poll(() => values(v.getByTestId('input'))).toEqual(input);
  expect(await values(v.getByTestId('kernel'))).toEqual(kernel);
  await expect(v.getByLabel('Bias b')).toHaveValue('30');
  await expect(v.getByRole('radio', { name: 'ReLU' })).toBeChecked();
  await v.getByRole('group', { name: 'Sliding window animation' }).focus();
  await other.keyboard.press('End');
  // Convolution slides the kernel rotated 180°.
  const expected = convRelu(input, 3, [...kernel].reverse(), 2, 30);
  expect(expected.some((y) => y === 0)).toBe(true); // the ReLU really clips one
  expect((await v.getByTestId('output').locator('td').allTextContents()).map(Number)).toEqual(expected);
  expect(errors).toEqual([]);
});

test('the pooling playground and the arithmetic explorer reopen from their URLs', async ({ page, context }) => {
  await page.goto('/#/lesson/pooling');
  const pg = page.getByTestId('pool-playground');
  await pg.getByRole('grid', { name: 'Pooling input' }).getByLabel('row 2, column 2').fill('-40');
  await pg.getByRole('radio', { name: 'average' }).check();
  await pg.getByRole('radio', { name: '3×3' }).check();
  await pg.getByRole('radio', { name: '3', exact: true }).check();
  const url = await urlWith(page, ['pp.in=6x6_', 'pp.m=avg', 'pp.f=3', 'pp.s=3']);
  const x = (await pg.getByTestId('pool-windows').locator('td').allTextContents()).map(Number);
  expect(x[14]).toBe(-40);

  const { page: other, errors } = await openNew(context, url);
  const q = other.getByTestId('pool-playground');
  await expect(q.getByTestId('pool-out-size')).toHaveText('2×2'); // (6 − 3)/3 + 1
  expect((await q.getByTestId('pool-windows').locator('td').allTextContents()).map(Number)).toEqual(x);
  const avg: string[] = [];
  for (let r = 0; r < 2; r++) {
    for (let c = 0; c < 2; c++) {
      let s = 0;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += x[(r * 3 + i) * 6 + c * 3 + j]!;
      avg.push(Number.isInteger(s / 9) ? String(s / 9) : (s / 9).toFixed(2));
    }
  }
  expect(await q.getByTestId('pool-output').locator('td').allTextContents()).toEqual(avg);
  // Another link to the same lesson, pasted into the address bar, is read too: 1×1 windows at stride 1.
  await other.evaluate(() => {
    window.location.hash = '#/lesson/pooling/max-avg?pp.f=1&pp.s=1';
  });
  await expect(q.getByTestId('pool-out-size')).toHaveText('6×6');
  await expect(q.getByRole('radio', { name: 'max' })).toBeChecked();
  expect(errors).toEqual([]);

  await page.goto('/#/lesson/padding-stride-dilation');
  const ar = page.getByTestId('arith-explorer');
  await ar.getByLabel('Input size N').fill('9');
  await ar.getByLabel('Padding P').fill('1');
  await ar.getByLabel('Stride S').fill('2');
  await ar.getByLabel('Dilation D').fill('2');
  const arUrl = await urlWith(page, ['ar.g=9_3_1_2_2']);
  const third = await openNew(context, arUrl);
  // (N + 2P − D(F − 1) − 1)/S + 1 = (9 + 2 − 4 − 1)/2 + 1 = 4
  await expect(third.page.getByTestId('arith-explorer')).toHaveAttribute(
    'data-output',
    String((9 + 2 - 4 - 1) / 2 + 1),
  );
  await expect(third.page.getByTestId('arith-explorer').getByLabel('Dilation D')).toHaveValue('2');
  expect(third.errors).toEqual([]);
});

test('softmax scores, temperature and class, and the descent learning rate, reopen from their URLs', async ({
  page,
  context,
}) => {
  await page.goto('/#/lesson/softmax-and-losses');
  const sm = page.getByTestId('softmax-explorer');
  const scores = [2, -1, 0.5];
  for (const [i, name] of ['dog', 'cat', 'cow'].entries())
    await sm.getByLabel(`score s(${name})`).fill(String(scores[i]));
  // From T = 1, ten steps of 0.1 on the slider.
  await sm.getByLabel('Temperature T').focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await sm.getByRole('radio', { name: 'cow' }).check();
  const url = await urlWith(page, ['sm.s=2_-1_0.5', 'sm.t=2', 'sm.y=2']);

  const { page: other, errors } = await openNew(context, url);
  const o = other.getByTestId('softmax-explorer');
  await expect(o).toHaveAttribute('data-temperature', '2');
  const e = scores.map((s) => Math.exp(s / 2));
  const sum = e.reduce((a, b) => a + b, 0);
  const bars = o.locator('.sm-bar-value');
  await expect(bars).toHaveText(e.map((v) => (v / sum).toFixed(3)));
  const loss = Number(await o.getByTestId('softmax-loss').getAttribute('data-loss'));
  expect(loss).toBeCloseTo(-Math.log(e[2]! / sum), 5);
  expect(errors).toEqual([]);

  await page.goto('/#/lesson/gradient-descent');
  const gd = page.getByTestId('descent');
  await gd.getByRole('button', { name: 'Too large (0.21)' }).click();
  const gdUrl = await urlWith(page, ['gd.lr=0.21']);
  const third = await openNew(context, gdUrl);
  const d = third.page.getByTestId('descent');
  await expect(d).toHaveAttribute('data-lr', '0.21');
  // 0.21 is above 2/10, the stability limit along the steep axis: the run diverges.
  await expect(d).toHaveAttribute('data-verdict', 'diverges');
  expect(third.errors).toEqual([]);
});

test('the layer calculator’s architecture travels in the URL', async ({ page, context }) => {
  await page.goto('/#/lesson/layer-calculator');
  const calc = page.getByTestId('layer-calculator');
  await calc.getByLabel('Reference architecture').selectOption('lenet5');
  await calc.getByRole('button', { name: 'Load' }).click();
  const url = await urlWith(page, ['lc.spec=p.lenet5']);
  const { page: other, errors } = await openNew(context, url);
  // LeNet-5: conv 6·(5·5+1), conv 16·(6·25+1), dense 120·401, 84·121, 10·85.
  const total = 6 * 26 + 16 * (6 * 25 + 1) + 120 * 401 + 84 * 121 + 10 * 85;
  await expect(other.getByTestId('calc-total-params')).toHaveText(total.toLocaleString('en-US'));

  // An edited architecture travels as its JSON: 8 filters in C1 instead of 6.
  await page.getByLabel('filters of C1').fill('8');
  const edited = await urlWith(page, ['lc.spec=j.']);
  const third = await openNew(context, edited);
  const total8 = 8 * 26 + 16 * (8 * 25 + 1) + 120 * 401 + 84 * 121 + 10 * 85;
  await expect(third.page.getByTestId('calc-total-params')).toHaveText(total8.toLocaleString('en-US'));
  await expect(third.page.getByLabel('filters of C1')).toHaveValue('8');
  expect(third.errors).toEqual([]);
  expect(errors).toEqual([]);
});

test('a section URL lands on that section; the contents and the # links write it', async ({ page }) => {
  await page.goto('/#/lesson/pooling/overlapping');
  const heading = page.locator('h2#overlapping');
  await expect(heading).toBeInViewport();
  await expect(heading).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).not.toBeInViewport();

  await page.locator('.toc a[data-section="global"]').click();
  await expect(page.locator('h2#global')).toBeFocused();
  await expect(page).toHaveURL(/#\/lesson\/pooling\/global$/);

  const link = page.getByRole('link', { name: 'Link to this section: Switches: where the gradient goes' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('h2#switches')).toBeFocused();
  await expect(page).toHaveURL(/#\/lesson\/pooling\/switches$/);

  // An unknown section: the lesson opens at the top with a quiet notice; a query never gives "not found".
  await page.goto('/#/lesson/pooling/no-such-section?x=1');
  await expect(page.getByRole('heading', { level: 1, name: /pooling/i })).toBeInViewport();
  await expect(page.getByTestId('url-notice').first()).toContainText('no section “no-such-section”');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toHaveCount(0);
});

test('a corrupt query shows the defaults with a notice, and no console error', async ({ page }) => {
  const huge = `9x9_${'1_'.repeat(5000)}`;
  await page.goto(`/#/lesson/pooling?pp.in=${huge}&pp.m=__proto__&pp.f=99&pp.s=1e400&other=%E0%A4`);
  const pg = page.getByTestId('pool-playground');
  await expect(pg.getByTestId('url-notice')).toContainText('Ignored pp.in=');
  await expect(pg.getByTestId('url-notice')).toContainText('Ignored pp.m=');
  await expect(pg.getByRole('radio', { name: 'max' })).toBeChecked();
  await expect(pg.getByRole('radio', { name: '2×2' })).toBeChecked();
  await expect(pg.getByTestId('pool-out-size')).toHaveText('3×3'); // the defaults: F = 2, S = 2 on 6×6

  await page.goto('/#/lesson/convolution?sw.k=2x2_1_2_3&sw.b=NaN&sw.in=7x7_1');
  const w = page.getByTestId('sliding-window');
  await expect(w.getByTestId('url-notice')).toContainText('Ignored sw.k=');
  await expect.poll(() => values(w.getByTestId('input'))).toEqual([12, 3, 19, 25, 10, 1, 9, 7, 17]);
  await expect(w.getByLabel('Bias b')).toHaveValue('0');
});

test('the studio’s address follows preset and learning rate, and reproduces both in a new browser', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await page.goto('/#/studio');
  await expect(page.getByTestId('backend-status')).toContainText(/(CPU|WebGPU) engine/, { timeout: 30_000 });
  await expect(page.getByTestId('dataset-info')).toContainText('validate', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Model' }).click();
  await page.locator('[data-preset="lenet5-mnist"]').click();
  await page.getByRole('tab', { name: 'Hyperparameters' }).click();
  await page.getByLabel('Learning rate', { exact: true }).fill('0.02');
  const url = await urlWith(page, ['#/studio?v=1&', 'm=lenet5-mnist', 'lr=0.02']);

  // A reload of that address is this session (restored, trained model and all), not a link to apply.
  await page.getByRole('tab', { name: 'Saved' }).click();
  await expect(page.getByTestId('autosave')).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
  await page.reload();
  await expect(page.getByTestId('dataset-info')).toContainText('validate', { timeout: 60_000 });
  await expect(page.getByTestId('keep-notice')).toHaveAttribute('data-kind', 'restored');
  expect(page.url()).toBe(url);
  await page.getByRole('tab', { name: 'Hyperparameters' }).click();
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.02');

  // A fresh browser (no saved session) opening it gets both.
  const fresh = await browser.newContext();
  try {
    const { page: other, errors } = await openNew(fresh, url);
    await expect(other.getByTestId('keep-notice')).toContainText('Set up from a shared link: LeNet-5 (28x28)', {
      timeout: 60_000,
    });
    await other.getByRole('tab', { name: 'Model' }).click();
    await expect(other.locator('[data-preset="lenet5-mnist"]')).toHaveAttribute('aria-pressed', 'true');
    await other.getByRole('tab', { name: 'Hyperparameters' }).click();
    await expect(other.getByLabel('Learning rate', { exact: true })).toHaveValue('0.02');
    expect(errors).toEqual([]);
  } finally {
    await fresh.close();
  }
});

test('the activation explorer and the transposed-convolution widget reopen from their URLs', async ({
  page,
  context,
}) => {
  await page.goto('/#/lesson/activations');
  const ae = page.getByTestId('activation-explorer');
  await ae.getByRole('radio', { name: 'ELU', exact: true }).check();
  await ae.getByLabel('α', { exact: true }).fill('2');
  await ae.getByRole('slider', { name: 'Input x' }).focus();
  await page.keyboard.press('Home');
  const url = await urlWith(page, ['ae.f=elu', 'ae.x=-5', 'ae.p=0.1_0.25_2_']);
  const { page: other, errors } = await openNew(context, url);
  const readout = other.getByTestId('activation-readout');
  await expect(readout).toHaveAttribute('data-x', '-5');
  // ELU with α = 2 at x = −5: α(eˣ − 1), slope αeˣ.
  expect(Number(await readout.getAttribute('data-y'))).toBeCloseTo(2 * (Math.exp(-5) - 1), 5);
  expect(Number(await readout.getAttribute('data-dydx'))).toBeCloseTo(2 * Math.exp(-5), 5);
  expect(errors).toEqual([]);

  await page.goto('/#/lesson/padding-stride-dilation');
  const tc = page.getByTestId('transposed-widget');
  const stride3 = tc.getByRole('group', { name: 'Stride S' }).getByRole('radio', { name: '3', exact: true });
  await tc.getByRole('group', { name: 'Stride S' }).getByText('3', { exact: true }).click();
  await expect(stride3).toBeChecked();
  await tc.getByTestId('tc-input').getByLabel('row 0, column 0').fill('5');
  const tcUrl = await urlWith(page, ['tc.t=2_3_3_0_0', 'tc.in=2x2_5_2_3_4']);
  const third = await openNew(context, tcUrl);
  const t = third.page.getByTestId('transposed-widget');
  const [i, f, s] = [2, 3, 3];
  const o = (i - 1) * s + f; // no padding, no output padding
  await expect(t.getByTestId('tc-formula')).toHaveAttribute('data-size', String(o));
  const x = [5, 2, 3, 4];
  const w = [1, 1, 1, 1, 2, 1, 1, 1, 1];
  const y = new Array<number>(o * o).fill(0);
  for (let a = 0; a < i; a++) {
    for (let b = 0; b < i; b++) {
      for (let u = 0; u < f; u++)
        for (let v = 0; v < f; v++) y[(a * s + u) * o + b * s + v]! += x[a * i + b]! * w[u * f + v]!;
    }
  }
  expect((await t.getByTestId('tc-output').locator('td').allTextContents()).map(Number)).toEqual(y);
  expect(third.errors).toEqual([]);
});
