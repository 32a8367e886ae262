import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/pooling';
/** The playground's starting 6×6 grid, as the page shows it (read back from the page below). */
async function cells(grid: Locator): Promise<number[]> {
  return (await grid.locator('td').allTextContents()).map(Number);
}
/** The test's own pooling: F×F windows at stride S over an n×n grid. */
function pool(x: number[], n: number, f: number, s: number, mode: 'max' | 'avg'): number[] {
  const o = (n - f) / s + 1;
  const y: number[] = [];
  for (let r = 0; r < o; r++) {
    for (let c = 0; c < o; c++) {
      const win: number[] = [];
      for (let i = 0; i < f; i++) for (let j = 0; j < f; j++) win.push(x[(r * s + i) * n + c * s + j]!);
      y.push(mode === 'max' ? Math.max(...win) : win.reduce((a, b) => a + b, 0) / win.length);
    }
  }
  return y;
}
const shown = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));

async function params(ex: Locator): Promise<Record<string, string | number>> {
  return JSON.parse((await ex.getAttribute('data-params')) ?? '{}') as Record<string, string | number>;
}
async function answer(ex: Locator, text: string): Promise<void> {
  await ex.getByLabel('Your answer').fill(text);
  await ex.getByLabel('Your answer').press('Enter');
}

test('max and average pooling of the editable grid, with size formula and zero parameters', async ({ page }) => {
  await page.goto(LESSON);
  const pg = page.getByTestId('pool-playground');
  await expect(pg.getByTestId('pool-windows').locator('td')).toHaveCount(36);
  const x = await cells(pg.getByTestId('pool-windows'));
  const output = pg.getByTestId('pool-output');
  expect(await output.locator('td').allTextContents()).toEqual(pool(x, 6, 2, 2, 'max').map(shown));
  await expect(pg.getByTestId('pool-out-size')).toHaveText('3×3');
  await expect(pg.getByTestId('pool-params')).toHaveText('0');

  // Edit a cell: it wins its window.
  await pg.getByRole('grid', { name: 'Pooling input' }).getByLabel('row 0, column 1').fill('50');
  x[1] = 50;
  await expect(output.locator('td').first()).toHaveText('50');
  // Hovering an output cell marks its window; the switch of window (0,0) is the edited cell.
  await output.locator('td').first().hover();
  await expect(pg.getByTestId('pool-windows').locator('td.is-window')).toHaveCount(4);
  await expect(pg.getByTestId('pool-windows').locator('td[data-index="1"]')).toHaveClass(/is-switch/);

  await pg.getByRole('radio', { name: 'average' }).check();
  expect(await output.locator('td').allTextContents()).toEqual(pool(x, 6, 2, 2, 'avg').map(shown));

  await pg.getByRole('radio', { name: '3×3' }).check(); // (6 − 3)/2 + 1 = 2.5
  await expect(pg.getByTestId('pool-error')).toContainText(String((6 - 3) / 2 + 1));
  await pg.getByRole('radio', { name: '3', exact: true }).check(); // stride 3: (6 − 3)/3 + 1 = 2
  await expect(pg.getByTestId('pool-out-size')).toHaveText('2×2');
  expect(await output.locator('td').allTextContents()).toEqual(pool(x, 6, 3, 3, 'avg').map(shown));
});

test('the backward pass sends each output gradient to its switch', async ({ page }) => {
  await page.goto(LESSON);
  const demo = page.getByTestId('switches-demo');
  await expect(demo.getByTestId('switch-map').locator('td')).toHaveCount(16);
  const x = await cells(demo.getByTestId('switch-map'));
  await demo.getByRole('grid', { name: 'Output gradient' }).getByLabel('row 0, column 0').fill('5');
  const dy = [5, 0.2, 0.3, 0.4];
  const dx = new Array<number>(16).fill(0);
  for (let r = 0; r < 2; r++) {
    for (let c = 0; c < 2; c++) {
      let best = -Infinity;
      let at = -1;
      for (let i = 0; i < 2; i++) {
        for (let j = 0; j < 2; j++) {
          const k = (2 * r + i) * 4 + 2 * c + j;
          if (x[k]! > best) [best, at] = [x[k]!, k];
        }
      }
      dx[at] = dy[r * 2 + c]!;
    }
  }
  expect(await demo.getByTestId('switch-dx').locator('td').allTextContents()).toEqual(dx.map(shown));
  expect(await demo.getByTestId('switch-y').locator('td').allTextContents()).toEqual(
    pool(x, 4, 2, 2, 'max').map(shown),
  );
});

test('pooling keeps more values unchanged than raw pixels when the digit shifts', async ({ page }) => {
  await page.goto(LESSON);
  const demo = page.getByTestId('shift-demo');
  const readout = demo.getByTestId('shift-readout');
  const ratio = async (): Promise<number> =>
    Number(await readout.getAttribute('data-same')) / Number(await readout.getAttribute('data-inked'));
  await demo.getByRole('radio', { name: 'none' }).check();
  await expect(readout).toBeVisible();
  const raw = await ratio();
  await demo.getByRole('radio', { name: '2×2 max, twice' }).check();
  await expect.poll(ratio).toBeGreaterThan(raw);
  await demo.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(ratio).toBe(1);
});

test('overlapping 3×3/2 against 2×2/2 pooling, and global average pooling', async ({ page }) => {
  await page.goto(LESSON);
  const ov = page.getByTestId('overlap');
  // 3×3/2 tiles AlexNet's odd maps, 2×2/2 the even map one pixel smaller; both reach the same size.
  for (const [label, n] of [
    ['after conv1: 55', 55],
    ['after conv2: 27', 27],
    ['after conv5: 13', 13],
  ] as const) {
    await ov.locator('label', { hasText: label }).click(); // a user clicks the visible label
    await expect(ov.getByTestId('overlap-in').first()).toHaveText(`96×${n}×${n}`);
    await expect(ov.getByTestId('overlap-in').nth(1)).toHaveText(`96×${n - 1}×${n - 1}`);
    const o = (n - 3) / 2 + 1;
    expect((n - 1 - 2) / 2 + 1).toBe(o);
    await expect(ov.getByTestId('overlap-out').first()).toHaveText(`96×${o}×${o}`);
    await expect(ov.getByTestId('overlap-out').nth(1)).toHaveText(`96×${o}×${o}`);
  }

  const gap = page.getByTestId('gap-demo');
  const means: string[] = [];
  for (let c = 0; c < 3; c++) {
    const v = (
      await gap
        .getByRole('grid', { name: `Channel ${c}` })
        .locator('td')
        .allTextContents()
    ).map(Number);
    means.push((v.reduce((a, b) => a + b, 0) / v.length).toFixed(3));
  }
  expect(await gap.getByTestId('gap-mean').allTextContents()).toEqual(means);
  await expect(gap.getByTestId('head-flatten')).toContainText((512 * 7 * 7 * 1000 + 1000).toLocaleString('en-US'));
  await expect(gap.getByTestId('head-gap')).toContainText((512 * 1000 + 1000).toLocaleString('en-US'));
});

test('exercises: a wrong and a right pooled value, sizes and a global-pooling head', async ({ page }) => {
  await page.goto(LESSON);
  const val = page.locator('[data-exercise="pooled-value"]');
  const p = await params(val);
  const grid = String(p.grid).split(',').map(Number);
  const y = pool(grid, 4, 2, 2, p.mode as 'max' | 'avg')[Number(p.row) * 2 + Number(p.col)]!;
  await answer(val, String(y + 1));
  await expect(val.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(val, String(y));
  await expect(val.getByRole('status')).toHaveAttribute('data-result', 'right');

  const size = page.locator('[data-exercise="pool-size"]');
  const s = await params(size);
  await answer(size, String((Number(s.W) - Number(s.F)) / Number(s.S) + 1));
  await expect(size).toHaveAttribute('data-done', 'true');

  const vol = page.locator('[data-exercise="pool-volume"]');
  const v = await params(vol);
  const o = (Number(v.W) - Number(v.F)) / Number(v.S) + 1;
  await answer(vol, `${o} ${o} ${v.D}`);
  await expect(vol.getByRole('status')).toHaveAttribute('data-result', 'right');

  const head = page.locator('[data-exercise="gap-dense"]');
  const h = await params(head);
  await answer(head, String(Number(h.C) * Number(h.U) + Number(h.U)));
  await expect(head.getByRole('status')).toHaveAttribute('data-result', 'right');
});
