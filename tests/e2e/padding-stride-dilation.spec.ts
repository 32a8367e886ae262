import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/padding-stride-dilation';

/** The test's own arithmetic: output size, or null when the stride does not tile the padded input. */
function outSize(n: number, f: number, p: number, s: number, d = 1): number | null {
  const span = n + 2 * p - (d * (f - 1) + 1);
  return span >= 0 && span % s === 0 ? span / s + 1 : null;
}

async function setField(widget: Locator, label: string, value: number): Promise<void> {
  await widget.getByLabel(label).fill(String(value));
}

async function params(exercise: Locator): Promise<Record<string, number>> {
  return JSON.parse((await exercise.getAttribute('data-params')) ?? '{}') as Record<string, number>;
}
async function answer(exercise: Locator, text: string): Promise<void> {
  await exercise.getByLabel('Your answer').fill(text);
  await exercise.getByLabel('Your answer').press('Enter');
}

/** Positions ("row,col" in padded coordinates) of the kernel's taps at output (oy, ox). */
function taps(f: number, s: number, d: number, oy: number, ox: number): string[] {
  const out: string[] = [];
  for (let u = 0; u < f; u++) for (let v = 0; v < f; v++) out.push(`${oy * s + u * d},${ox * s + v * d}`);
  return out.sort();
}
async function windowCells(widget: Locator): Promise<string[]> {
  const cells = widget.getByTestId('arith-input').locator('[data-state="window"]');
  const list = await cells.evaluateAll((els) =>
    els.map((e) => `${e.getAttribute('data-row')},${e.getAttribute('data-col')}`),
  );
  return list.sort();
}

test('the explorer computes the output size for N, F, P, S, D and steps the footprint', async ({ page }) => {
  await page.goto(LESSON);
  const x = page.getByTestId('arith-explorer');
  const verdict = x.getByTestId('arith-verdict');
  for (const [n, f, p, s, d] of [
    [7, 3, 0, 1, 1],
    [7, 3, 0, 2, 1],
    [9, 3, 1, 1, 1],
    [8, 2, 2, 2, 1],
    [10, 3, 1, 1, 2],
    [12, 5, 0, 1, 2],
  ] as const) {
    await setField(x, 'Input size N', n);
    await setField(x, 'Kernel size F', f);
    await setField(x, 'Padding P', p);
    await setField(x, 'Stride S', s);
    await setField(x, 'Dilation D', d);
    const size = outSize(n, f, p, s, d)!;
    await expect(verdict).toHaveAttribute('data-output', String(size));
    await expect(verdict).toContainText(`Output: ${size}×${size}`);
    await expect(x.getByTestId('arith-output').locator('td')).toHaveCount(size * size);
    await expect(x.getByTestId('arith-input').locator('[data-kind="pad"]')).toHaveCount((n + 2 * p) ** 2 - n * n);
  }
  // 12, 5, 0, 1, 2 is current: output 4x4. Step to position (0, 1), then by keyboard to (1, 0).
  await x.getByRole('button', { name: 'Reset' }).click({ force: true });
  expect(await windowCells(x)).toEqual(taps(5, 1, 2, 0, 0));
  await x.getByRole('button', { name: 'Step ▶' }).click();
  expect(await windowCells(x)).toEqual(taps(5, 1, 2, 0, 1));
  await x.getByRole('group', { name: 'Convolution arithmetic animation' }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(x).toHaveAttribute('data-step', '4');
  expect(await windowCells(x)).toEqual(taps(5, 1, 2, 1, 0));
  await expect(x.getByTestId('arith-output').locator('[data-state="current"]')).toHaveAttribute('data-row', '1');
  await expect(x.getByTestId('arith-output').locator('[data-state="done"]')).toHaveCount(4);
});

test('the lecture examples: N=7, F=3 gives 5 at S=1 and 3 at S=2; S=3 does not fit and a suggested fix applies', async ({
  page,
}) => {
  await page.goto(LESSON);
  const x = page.getByTestId('arith-explorer');
  const verdict = x.getByTestId('arith-verdict');
  await x.getByRole('button', { name: 'N=7, F=3, S=1' }).click();
  await expect(verdict).toHaveAttribute('data-output', String(outSize(7, 3, 0, 1)));
  await x.getByRole('button', { name: 'N=7, F=3, S=2' }).click();
  await expect(verdict).toHaveAttribute('data-output', String(outSize(7, 3, 0, 2)));

  await x.getByRole('button', { name: 'N=7, F=3, S=3 (does not fit)' }).click();
  await expect(verdict).toHaveAttribute('data-ok', 'false');
  await expect(verdict).toContainText('not a whole number');
  await expect(x.getByTestId('arith-output')).toHaveCount(0);
  await expect(x.getByRole('button', { name: 'Play' })).toBeDisabled();
  // The fixes the test expects: paddings below the kernel size at stride 3, strides up to 3 at padding 0.
  const paddings = [0, 1, 2].filter((p) => outSize(7, 3, p, 3) !== null);
  const strides = [1, 2].filter((s) => outSize(7, 3, 0, s) !== null);
  const fixes = x.locator('.arith-fixes button');
  await expect(fixes).toHaveCount(paddings.length + strides.length);
  for (const p of paddings) {
    await expect(x.getByRole('button', { name: `Padding ${p} → output ${outSize(7, 3, p, 3)}` })).toBeVisible();
  }
  for (const s of strides) {
    await expect(x.getByRole('button', { name: `Stride ${s} → output ${outSize(7, 3, 0, s)}` })).toBeVisible();
  }
  await x.getByRole('button', { name: `Padding ${paddings[0]} →` }).click();
  await expect(x.getByLabel('Padding P')).toHaveValue(String(paddings[0]));
  await expect(verdict).toHaveAttribute('data-output', String(outSize(7, 3, paddings[0]!, 3)));
  await expect(x.getByTestId('arith-input').locator('[data-kind="pad"]')).toHaveCount((7 + 2 * paddings[0]!) ** 2 - 49);

  // The stride table in the next section says the same.
  const table = page.getByTestId('stride-table');
  await expect(table.locator('[data-stride="1"]')).toContainText('5×5');
  await expect(table.locator('[data-stride="2"]')).toContainText('3×3');
  await expect(table.locator('[data-stride="3"]')).toContainText('does not fit');
});

test('valid convolutions shrink 9 → 7 → 5 while same padding keeps 9; dilation widens the footprint', async ({
  page,
}) => {
  await page.goto(LESSON);
  const stack = page.getByTestId('stack-comparison');
  const sizes = (f: number, layers: number, same: boolean): string => {
    const out = [9];
    for (let i = 0; i < layers; i++) out.push(same ? out[i]! : out[i]! - f + 1);
    return out.join(',');
  };
  await expect(stack.locator('[data-padding="valid"]')).toHaveAttribute('data-sizes', sizes(3, 2, false));
  await expect(stack.locator('[data-padding="same"]')).toHaveAttribute('data-sizes', sizes(3, 2, true));
  await stack.getByLabel('Layers').fill('3');
  await stack.getByLabel('Kernel size F').fill('5');
  await expect(stack.locator('[data-padding="valid"]')).toHaveAttribute('data-sizes', '9,5,1,0');
  await expect(stack.locator('[data-padding="same"]')).toHaveAttribute('data-sizes', sizes(5, 3, true));

  const dil = page.getByTestId('dilation-footprint');
  await dil.getByLabel('Kernel size F').fill('3');
  await dil.getByLabel('Dilation D').fill('3');
  await expect(dil).toHaveAttribute('data-span', String(3 * (3 - 1) + 1));
  await expect(dil.locator('td')).toHaveCount(7 * 7);
  await expect(dil.locator('[data-state="window"]')).toHaveCount(9);
  await expect(dil.locator('[data-row="0"][data-col="3"]')).toHaveAttribute('data-state', 'window');
  await expect(dil.locator('[data-row="0"][data-col="1"]')).toHaveAttribute('data-state', 'idle');
});

test('exercises are checked against the test’s own arithmetic, and progress reaches the outline', async ({ page }) => {
  await page.goto(LESSON);
  const size = page.locator('[data-exercise="output-size"]');
  const a = await params(size);
  const right = outSize(a.n!, a.f!, a.p!, a.s!)!;
  await answer(size, String(right + 2));
  await expect(size.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(size, String(right));
  await expect(size.getByRole('status')).toHaveAttribute('data-result', 'right');

  const eff = page.locator('[data-exercise="effective-kernel"]');
  const b = await params(eff);
  await answer(eff, String(b.d! * (b.f! - 1) + 1));
  await expect(eff).toHaveAttribute('data-done', 'true');

  const fit = page.locator('[data-exercise="fit-padding"]');
  for (let round = 0; round < 2; round++) {
    const c = await params(fit);
    expect(outSize(c.n!, c.f!, 0, c.s!)).toBeNull();
    let p = 1;
    while (outSize(c.n!, c.f!, p, c.s!) === null) p++;
    await answer(fit, String(p));
    await expect(fit.getByRole('status')).toHaveAttribute('data-result', 'right');
    await fit.getByRole('button', { name: 'New numbers' }).click();
  }

  const same = page.locator('[data-exercise="same-padding"]');
  const e = await params(same);
  await answer(same, String((e.f! - 1) / 2));
  await expect(same).toHaveAttribute('data-done', 'true');

  await page.goto('/');
  await page.reload();
  await expect(page.locator('[data-lesson-id="padding-stride-dilation"]').getByTestId('progress')).toHaveAttribute(
    'data-done',
    '4',
  );
});
