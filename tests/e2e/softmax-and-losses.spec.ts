import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/softmax-and-losses';

// The test's own math, independent of the engine.
const softmax = (s: number[], t = 1): number[] => {
  const e = s.map((v) => Math.exp(v / t));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
};
const hinge = (s: number[], y: number): number =>
  s.reduce((sum, v, j) => (j === y ? sum : sum + Math.max(0, v - s[y]! + 1)), 0);

async function answer(ex: Locator, text: string): Promise<void> {
  await ex.getByLabel('Your answer').fill(text);
  await ex.getByLabel('Your answer').press('Enter');
}
const params = async <T>(ex: Locator): Promise<T> => JSON.parse((await ex.getAttribute('data-params'))!) as T;

async function expectProbs(explorer: Locator, scores: number[], t: number): Promise<void> {
  const p = softmax(scores, t);
  for (const [k, name] of ['dog', 'cat', 'cow'].entries()) {
    await expect(explorer.locator(`li[data-class="${name}"] .sm-bar-value`)).toHaveText(p[k]!.toFixed(3));
  }
}

test('the temperature slider and score fields reshape the softmax probabilities', async ({ page }) => {
  await page.goto(LESSON);
  const explorer = page.getByTestId('softmax-explorer');
  await expectProbs(explorer, [3.2, 5.1, -1.7], 1);
  await expect(explorer.getByTestId('softmax-loss')).toContainText(
    (-Math.log(softmax([3.2, 5.1, -1.7])[0]!)).toFixed(3),
  );
  await explorer.getByRole('slider', { name: 'Temperature T' }).fill('2.5');
  await expect(explorer.getByTestId('temperature')).toHaveText('2.5');
  await expectProbs(explorer, [3.2, 5.1, -1.7], 2.5);
  // Keyboard: one step down from 2.5 is 2.4.
  await explorer.getByRole('slider', { name: 'Temperature T' }).press('ArrowLeft');
  await expect(explorer.getByTestId('temperature')).toHaveText('2.4');
  await expectProbs(explorer, [3.2, 5.1, -1.7], 2.4);
  await explorer.getByLabel('score s(cow)').fill('6');
  await expectProbs(explorer, [3.2, 5.1, 6], 2.4);
  await explorer.getByRole('radio', { name: 'cow' }).check();
  await expect(explorer.getByTestId('softmax-loss')).toContainText(
    (-Math.log(softmax([3.2, 5.1, 6], 2.4)[2]!)).toFixed(3),
  );
});

test('cross-entropy reproduces the lecture’s values and follows the marker', async ({ page }) => {
  await page.goto(LESSON);
  const ce = page.getByTestId('cross-entropy');
  await expect(ce.getByRole('table')).toContainText((-Math.log(0.1)).toFixed(3)); // 2.303 ≈ 2.3
  await expect(ce.getByRole('table')).toContainText((-Math.log(0.9)).toFixed(3)); // 0.105 ≈ 0.1
  const readout = ce.getByTestId('ce-readout');
  await expect(readout).toContainText(`L = ${(-Math.log(0.1)).toFixed(3)}`);
  const slider = ce.getByRole('slider');
  await slider.focus();
  for (let i = 0; i < 4; i++) await slider.press('Shift+ArrowRight');
  await expect(readout).toHaveAttribute('data-p', '0.5');
  await expect(readout).toContainText(`L = ${(-Math.log(0.5)).toFixed(3)}`);
  await slider.press('End');
  await expect(readout).toContainText('L = 0.000');
});

test('the hinge loss reproduces 2.9, 0 and 12.9 and recomputes an edited score', async ({ page }) => {
  await page.goto(LESSON);
  const h = page.getByTestId('hinge-explorer');
  const images = [
    [3.2, 5.1, -1.7],
    [1.3, 4.9, 2.0],
    [2.2, 2.5, -3.1],
  ];
  const expected = images.map((s, i) => hinge(s, i));
  expect(expected.map((v) => v.toFixed(1))).toEqual(['2.9', '0.0', '12.9']);
  for (let i = 0; i < 3; i++) {
    expect(Number(await h.locator(`li[data-image="${i}"]`).getAttribute('data-loss'))).toBeCloseTo(expected[i]!, 4);
  }
  await expect(h.getByTestId('hinge-mean')).toContainText(((2.9 + 0 + 12.9) / 3).toFixed(2));
  // Raise the cow image's cow score (row 2, column 2) from -3.1 to 2.
  await h.getByRole('grid', { name: 'Class scores' }).getByLabel('row 2, column 2').fill('2');
  images[2]![2] = 2;
  const cow = hinge(images[2]!, 2);
  await expect(h.locator('li[data-image="2"]')).toContainText(`= ${Number(cow.toFixed(4))}`);
  expect(Number(await h.locator('li[data-image="2"]').getAttribute('data-loss'))).toBeCloseTo(cow, 4);
});

test('scaling W keeps zero loss, and L2 prefers the spread-out weights', async ({ page }) => {
  await page.goto(LESSON);
  const scale = page.getByTestId('scale-demo');
  expect(Number(await scale.getAttribute('data-loss'))).toBe(0);
  await scale.getByRole('slider').fill('0.3');
  const expected = hinge([1.3 * 0.3, 4.9 * 0.3, 2.0 * 0.3], 1);
  await expect.poll(async () => Number(await scale.getAttribute('data-loss'))).toBeCloseTo(expected, 4);
  expect(expected).toBeGreaterThan(0);

  const reg = page.getByTestId('regularization');
  const cell = (w: string, kind: string): Locator => reg.locator(`tr[data-w="${w}"] [data-penalty="${kind}"]`);
  await expect(cell('W₁', 'l1')).toHaveText('1');
  await expect(cell('W₂', 'l1')).toHaveText('1');
  await expect(cell('W₁', 'l2')).toHaveText('1');
  await expect(cell('W₂', 'l2')).toHaveText(String(4 * 0.25 ** 2));
  await reg.getByLabel('Regularisation strength λ').fill('0.5');
  await expect(cell('W₂', 'l2')).toHaveText(String(0.5 * 4 * 0.25 ** 2));
  await expect(cell('W₁', 'l1')).toHaveText('0.5');
});

test('exercises: wrong answers are marked wrong, right ones accepted', async ({ page }) => {
  await page.goto(LESSON);
  const sm = page.locator('[data-exercise="softmax-prob"]');
  const sp = await params<{ scores: string; k: number }>(sm);
  const p = softmax(sp.scores.split(' ').map(Number))[sp.k]!;
  await answer(sm, (p + 0.1).toFixed(3));
  await expect(sm.locator('[data-result]')).toHaveAttribute('data-result', 'wrong');
  await answer(sm, p.toFixed(3));
  await expect(sm.locator('[data-result]')).toHaveAttribute('data-result', 'right');

  const ce = page.locator('[data-exercise="cross-entropy"]');
  const { p: pc } = await params<{ p: number }>(ce);
  await answer(ce, (-Math.log(pc)).toFixed(3));
  await expect(ce.locator('[data-result]')).toHaveAttribute('data-result', 'right');

  const hl = page.locator('[data-exercise="hinge-loss"]');
  const hp = await params<{ scores: string; y: number }>(hl);
  await answer(hl, String(Number(hinge(hp.scores.split(' ').map(Number), hp.y).toFixed(4))));
  await expect(hl.locator('[data-result]')).toHaveAttribute('data-result', 'right');
  await expect(hl).toHaveAttribute('data-done', 'true');

  const l2 = page.locator('[data-exercise="l2-penalty"]');
  const lp = await params<{ w: string; lambda: number }>(l2);
  const pen =
    lp.lambda *
    lp.w
      .split(' ')
      .map(Number)
      .reduce((s, v) => s + v * v, 0);
  await answer(l2, String(pen + 1));
  await expect(l2.locator('[data-result]')).toHaveAttribute('data-result', 'wrong');
  await answer(l2, String(pen));
  await expect(l2.locator('[data-result]')).toHaveAttribute('data-result', 'right');
});
