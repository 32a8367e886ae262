import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/convolution';

/** The test's own valid cross-correlation (stride 1, no padding) of an n x n input with a k x k kernel. */
function xcorr(input: number[], n: number, kernel: number[], k: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + k <= n; i++) {
    const row: number[] = [];
    for (let j = 0; j + k <= n; j++) {
      let s = 0;
      for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) s += input[(i + u) * n + j + v]! * kernel[u * k + v]!;
      row.push(s);
    }
    out.push(row);
  }
  return out;
}
const flip = (kernel: number[]): number[] => [...kernel].reverse();

async function params(exercise: Locator): Promise<Record<string, string | number>> {
  return JSON.parse((await exercise.getAttribute('data-params')) ?? '{}') as Record<string, string | number>;
}
async function answer(exercise: Locator, text: string): Promise<void> {
  await exercise.getByLabel('Your answer').fill(text);
  await exercise.getByLabel('Your answer').press('Enter');
}
const nums = (csv: string | number | undefined): number[] => String(csv).split(',').map(Number);

async function outputTexts(widget: Locator): Promise<string[]> {
  return widget.getByTestId('output').locator('td').allTextContents();
}

test('the sliding window reproduces the lecture example step by step, by button and by keyboard', async ({ page }) => {
  await page.goto(LESSON);
  const w = page.getByTestId('sliding-window');
  const input = [12, 3, 19, 25, 10, 1, 9, 7, 17];
  const expected = xcorr(input, 3, [1, 2, 3, 4], 2);
  expect(expected).toEqual([
    [133, 75],
    [100, 101],
  ]); // the lecture's own answer, as a sanity check of the test's arithmetic
  const working = w.getByTestId('working');
  await expect(working).toHaveAttribute('data-value', '133');
  await expect(working).toContainText('12 times 1, plus 3 times 2, plus 25 times 3, plus 10 times 4, equals 133');
  await expect(w.getByTestId('input').locator('[data-state="window"]')).toHaveCount(4);
  expect(await outputTexts(w)).toEqual(['133', '?', '?', '?']);

  await w.getByRole('button', { name: 'Step ▶' }).click();
  await expect(working).toHaveAttribute('data-value', String(expected[0]![1]));
  // Keyboard: focus the animation panel and use the arrow keys.
  const stage = w.getByRole('group', { name: 'Sliding window animation' });
  await stage.focus();
  await page.keyboard.press('ArrowRight');
  await expect(working).toHaveAttribute('data-value', String(expected[1]![0]));
  await page.keyboard.press('ArrowRight');
  await expect(working).toHaveAttribute('data-row', '1');
  await expect(working).toHaveAttribute('data-col', '1');
  expect(await outputTexts(w)).toEqual(expected.flat().map(String));
  await page.keyboard.press('ArrowLeft');
  await expect(working).toHaveAttribute('data-value', String(expected[1]![0]));
  await page.keyboard.press('Home');
  await expect(working).toHaveAttribute('data-value', '133');

  // Play runs to the last position by itself.
  await w.getByRole('button', { name: 'Play' }).click();
  await expect(w.locator('.step-counter')).toHaveText('window position 4 of 4', { timeout: 8000 });
  await expect(w.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('editing the input and kernel, and flipping the kernel, changes the outputs as the test computes', async ({
  page,
}) => {
  await page.goto(LESSON);
  const w = page.getByTestId('sliding-window');
  const input = [12, 3, 19, 25, 10, 1, 9, 7, 17];
  const kernel = [1, 2, 3, 4];
  await w.getByTestId('input').getByLabel('row 0, column 0').fill('-5');
  input[0] = -5;
  await w.getByTestId('kernel').getByLabel('row 1, column 0').fill('7');
  kernel[2] = 7;
  const stage = w.getByRole('group', { name: 'Sliding window animation' });
  await stage.focus();
  await page.keyboard.press('End');
  expect(await outputTexts(w)).toEqual(xcorr(input, 3, kernel, 2).flat().map(String));

  await w.getByRole('radio', { name: 'Convolution (flip kernel)' }).check();
  await expect(w).toHaveAttribute('data-mode', 'convolution');
  const flipped = w.getByTestId('flipped-kernel').locator('td');
  await expect(flipped).toHaveText(flip(kernel).map(String));
  const conv = xcorr(input, 3, flip(kernel), 2);
  await expect(w.getByTestId('working')).toHaveAttribute('data-value', String(conv[1]![1]));
  expect(await outputTexts(w)).toEqual(conv.flat().map(String));

  // A bigger input: 4x4 with a 3x3 kernel gives a 2x2 output again; cells the test did not type are read back.
  await w.getByRole('button', { name: 'Lecture example' }).click();
  await w.getByLabel('Input size').fill('4');
  await w.getByLabel('Kernel size').fill('3');
  await expect(w.getByTestId('output').locator('td')).toHaveCount(4);
  const bigInput = (await w
    .getByTestId('input')
    .getByRole('textbox')
    .evaluateAll((els) => els.map((e) => Number((e as HTMLInputElement).value)))) as number[];
  const bigKernel = (await w
    .getByTestId('kernel')
    .getByRole('textbox')
    .evaluateAll((els) => els.map((e) => Number((e as HTMLInputElement).value)))) as number[];
  expect(bigInput).toHaveLength(16);
  expect(bigKernel).toHaveLength(9);
  await stage.focus();
  await page.keyboard.press('End');
  expect(await outputTexts(w)).toEqual(xcorr(bigInput, 4, flip(bigKernel), 3).flat().map(String));
});

/** Grey bytes of a canvas drawn by ImageCanvas (R = G = B = the byte). */
async function canvasBytes(canvas: Locator): Promise<{ bytes: number[]; w: number; h: number }> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const bytes: number[] = [];
    for (let i = 0; i < data.length; i += 4) bytes.push(data[i]!);
    return { bytes, w: c.width, h: c.height };
  });
}

async function hoverPixel(page: Page, canvas: Locator, row: number, col: number, w: number, h: number): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + ((col + 0.5) * box.width) / w, box.y + ((row + 0.5) * box.height) / h);
}

async function checkFilter(page: Page, kernel: number[], points: [number, number][]): Promise<void> {
  const filters = page.getByTestId('image-filters');
  const { bytes, w, h } = await canvasBytes(filters.locator('.filters-input canvas'));
  const out = xcorr(
    bytes.map((b) => b / 255),
    w,
    kernel,
    3,
  );
  expect(h).toBe(w);
  const outCanvas = filters.getByTestId('filter-output').locator('canvas');
  await expect(outCanvas).toHaveAttribute('width', String(w - 2));
  for (const [r, c] of points) {
    await hoverPixel(page, outCanvas, r, c, w - 2, h - 2);
    const readout = filters.getByTestId('filter-output').locator('.image-readout');
    await expect(readout).toContainText(`row ${r}, column ${c}:`);
    const shown = Number((await readout.textContent())!.split(':')[1]);
    expect(Math.abs(shown - out[r]![c]!)).toBeLessThan(0.006);
  }
}

test('edge and custom kernels on an MNIST digit and on the drawn scene match the test’s own filtering', async ({
  page,
}) => {
  await page.goto(LESSON);
  const filters = page.getByTestId('image-filters');
  await expect(filters.locator('.filters-input canvas')).toBeVisible();
  await checkFilter(
    page,
    [-1, -2, -1, 0, 0, 0, 1, 2, 1],
    [
      [5, 10],
      [12, 12],
      [20, 8],
    ],
  );
  await filters.getByRole('button', { name: 'Vertical edges' }).click();
  await checkFilter(
    page,
    [-1, 0, 1, -2, 0, 2, -1, 0, 1],
    [
      [10, 6],
      [14, 15],
    ],
  );
  await filters.getByLabel('Digit number').fill('7');
  await expect(filters.getByText('MNIST digit #7')).toBeVisible();
  await checkFilter(page, [-1, 0, 1, -2, 0, 2, -1, 0, 1], [[13, 13]]);

  await filters.getByRole('radio', { name: 'Drawn scene' }).check();
  await filters.getByRole('button', { name: 'Sharpen' }).click();
  await filters.getByRole('grid', { name: 'Filter kernel' }).getByLabel('row 0, column 0').fill('2');
  await checkFilter(
    page,
    [2, -1, 0, -1, 5, -1, 0, -1, 0],
    [
      [30, 40],
      [20, 10],
      [45, 50],
    ],
  );
});

test('exercises: wrong then right answers, checked against the test’s own arithmetic; progress is kept', async ({
  page,
}) => {
  await page.goto(LESSON);
  const value = page.locator('[data-exercise="output-value"]');
  const p = await params(value);
  const y = xcorr(nums(p.input), Number(p.n), nums(p.kernel), Number(p.k));
  const right = y[Number(p.row)]![Number(p.col)]!;
  await answer(value, String(right + 1));
  await expect(value.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await value.getByRole('button', { name: 'Show worked solution' }).click();
  await expect(value.getByTestId('solution')).toContainText(`Answer: ${right}`);
  await answer(value, String(right));
  await expect(value.getByRole('status')).toHaveAttribute('data-result', 'right');

  const conv = page.locator('[data-exercise="true-convolution"]');
  const q = await params(conv);
  const z = xcorr(nums(q.input), Number(q.n), flip(nums(q.kernel)), Number(q.k));
  await answer(conv, String(z[Number(q.row)]![Number(q.col)]!));
  await expect(conv).toHaveAttribute('data-done', 'true');

  const work = page.locator('[data-exercise="multiply-adds"]');
  await work.getByRole('button', { name: 'New numbers' }).click();
  const m = await params(work);
  const side = Number(m.n) - Number(m.f) + 1;
  await answer(work, String(side * side * Number(m.f) ** 2));
  await expect(work).toHaveAttribute('data-done', 'true');

  await page.goto('/');
  await page.reload();
  const progress = page.locator('[data-lesson-id="convolution"]').getByTestId('progress');
  await expect(progress).toHaveAttribute('data-done', '3');
});
