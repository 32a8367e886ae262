/**
 * The CNN codes lesson: train the small net in its worker, read the codes of 1,000 validation
 * images, embed them with UMAP in the lesson's own worker, and check the scatter (a dot per image,
 * a legend entry per class present), the keyboard path through it, and the nearest-neighbour
 * rows (label counts recounted here from the labels the rows show). Then the exercises.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/cnn-codes';
const K = 8;

async function params(ex: Locator): Promise<Record<string, number | string>> {
  return JSON.parse((await ex.getAttribute('data-params')) ?? '{}') as Record<string, number | string>;
}

async function answer(ex: Locator, text: string): Promise<void> {
  await ex.getByLabel('Your answer').fill(text);
  await ex.getByLabel('Your answer').press('Enter');
}

async function checkNeighbourRows(page: Page): Promise<number> {
  const nn = page.getByTestId('neighbours');
  const query = Number(await nn.getAttribute('data-query-label'));
  let codeSame = 0;
  for (const row of ['nn-code', 'nn-pixel']) {
    const items = nn.getByTestId(row).locator('li');
    await expect(items).toHaveCount(K);
    const labels = (await items.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-label'))))) as number[];
    const indices = (await items.evaluateAll((els) =>
      els.map((e) => Number(e.getAttribute('data-index'))),
    )) as number[];
    expect(indices).not.toContain(Number(await nn.getAttribute('data-query')));
    expect(new Set(indices).size).toBe(K);
    // The shown label under each thumbnail is the one in its data attribute.
    expect((await items.locator('.cc-nn-label').allTextContents()).map(Number)).toEqual(labels);
    const same = labels.filter((l) => l === query).length;
    await expect(nn.getByTestId(`${row}-same`)).toHaveText(String(same));
    if (row === 'nn-code') codeSame = same;
  }
  return codeSame;
}

test('train, read 1,000 codes, map them with UMAP and compare neighbours by code and by pixels', async ({ page }) => {
  test.setTimeout(480_000);
  await page.goto(LESSON);
  const train = page.getByTestId('codes-train');
  await expect(train).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await train.getByRole('button', { name: 'Train' }).click();
  await expect(train).toHaveAttribute('data-status', 'done', { timeout: 300_000 });
  const first = Number(await train.getAttribute('data-first-loss'));
  const last = Number(await train.getAttribute('data-last-loss'));
  expect(first).toBeGreaterThan(last + 0.5); // it learned something
  expect(Number(await train.getAttribute('data-val-accuracy'))).toBeGreaterThan(0.7);

  const map = page.getByTestId('codes-map');
  await map.getByRole('button', { name: 'Compute codes' }).click();
  await expect(map).toHaveAttribute('data-embedding', 'done', { timeout: 120_000 });
  const scatter = page.getByTestId('codes-scatter');
  await expect(scatter).toHaveAttribute('data-points', '1000');
  const dots = scatter.locator('circle[data-index]');
  await expect(dots).toHaveCount(1000);
  const dotLabels = (await dots.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-label'))))) as number[];
  const classes = [...new Set(dotLabels)].sort((a, b) => a - b);
  expect(classes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const legend = page.getByTestId('codes-legend').locator('li');
  expect(await legend.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-class'))))).toEqual(classes);
  // Each dot's colour is its class's legend colour.
  const fills = (await dots.evaluateAll((els) => els.map((e) => e.getAttribute('fill')))) as string[];
  const colourOf = new Map<number, string>();
  dotLabels.forEach((l, i) => {
    if (!colourOf.has(l)) colourOf.set(l, fills[i]!);
    expect(fills[i]).toBe(colourOf.get(l));
  });
  expect(new Set(colourOf.values()).size).toBe(10);

  // The same codes and seed give the same map: embed the raw pixels, then the codes again.
  const positions = async (): Promise<string[]> =>
    dots.evaluateAll((els) => els.slice(0, 50).map((e) => `${e.getAttribute('cx')},${e.getAttribute('cy')}`));
  const before = await positions();
  await map.getByRole('radio', { name: /raw pixels/ }).check();
  await expect(map).toHaveAttribute('data-space', 'pixels');
  await expect(map).toHaveAttribute('data-embedding', 'done', { timeout: 180_000 });
  await expect(dots).toHaveCount(1000);
  expect(await positions()).not.toEqual(before);
  await map.getByRole('radio', { name: /their codes/ }).check();
  await expect(map).toHaveAttribute('data-space', 'codes');
  await expect(map).toHaveAttribute('data-embedding', 'done', { timeout: 120_000 });
  expect(await positions()).toEqual(before);

  // Keyboard: → the next image, ↑ the next image of the same digit, Enter picks it.
  const active = page.getByTestId('codes-active');
  await scatter.focus();
  await expect(active).toHaveAttribute('data-index', '0');
  await page.keyboard.press('ArrowRight');
  await expect(active).toHaveAttribute('data-index', '1');
  const label1 = dotLabels[1]!;
  await expect(active).toHaveAttribute('data-label', String(label1));
  await page.keyboard.press('ArrowUp');
  const nextSame = dotLabels.findIndex((l, i) => i > 1 && l === label1);
  await expect(active).toHaveAttribute('data-index', String(nextSame));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('neighbours')).toHaveAttribute('data-query', String(nextSame));
  await expect(page.getByTestId('neighbours')).toHaveAttribute('data-query-label', String(label1));
  // Hovering a dot makes it the active image (dispatched on the dot: on the map it may lie under another).
  await dots.nth(5).dispatchEvent('mouseover');
  await expect(active).toHaveAttribute('data-index', '5');

  // Neighbour rows for several picked images: counts match the labels shown.
  let codeSame = await checkNeighbourRows(page);
  for (let i = 0; i < 4; i++) {
    await page.getByRole('button', { name: 'Next image' }).click();
    codeSame += await checkNeighbourRows(page);
  }
  // A trained net's code neighbours mostly share the digit (a random 1-in-10 guess would give about 4 of 40).
  expect(codeSame).toBeGreaterThanOrEqual(24);
});

test('exercises accept answers computed from their parameters and reject wrong ones', async ({ page }) => {
  await page.goto(LESSON);
  const size = page.locator('[data-exercise="code-size"]');
  const s = await params(size);
  const [d, n] = [Number(s.d), Number(s.n)];
  await answer(size, `${n * d} ${n * 784}`); // forgot the 4 bytes
  await expect(size.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(size, `${(n * d * 4) / 1000} ${(n * 784 * 4) / 1000}`);
  await expect(size.getByRole('status')).toHaveAttribute('data-result', 'right');

  const dist = page.locator('[data-exercise="code-distance"]');
  const p = await params(dist);
  const a = String(p.a).split(' ').map(Number);
  const b = String(p.b).split(' ').map(Number);
  const sq = a.reduce((acc, v, i) => acc + (v - b[i]!) ** 2, 0);
  await answer(dist, String(sq));
  await expect(dist.getByRole('status')).toHaveAttribute('data-result', sq === 1 ? 'right' : 'wrong');
  await answer(dist, String(Math.sqrt(sq)));
  await expect(dist.getByRole('status')).toHaveAttribute('data-result', 'right');

  const vote = page.locator('[data-exercise="neighbour-vote"]');
  const v = await params(vote);
  const query = Number(v.query);
  const ds = String(v.distances).split(' ').map(Number);
  const ls = String(v.labels).split(' ').map(Number);
  const nearest = ds
    .map((dd, i) => [dd, ls[i]!] as const)
    .sort((x, y) => x[0] - y[0])
    .slice(0, 3);
  const same = nearest.filter(([, l]) => l === query).length;
  const other = ls.find((l) => l !== query) ?? (query + 1) % 10;
  await answer(vote, `${same} ${same >= 2 ? query : other}`);
  await expect(vote.getByRole('status')).toHaveAttribute('data-result', 'right');
  await expect(vote).toHaveAttribute('data-done', 'true');
});
