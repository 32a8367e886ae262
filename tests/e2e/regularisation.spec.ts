/**
 * The regularisation lesson: the dropout mask and its average, the augmentation explorer, PCA
 * colour, a short live overfitting run and the exercises, each checked against arithmetic written
 * here (pixels are read back from the canvases the page drew).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/regularisation';

const num = async (loc: Locator, attr: string): Promise<number> => Number(await loc.getAttribute(attr));
const json = async <T>(loc: Locator, attr: string): Promise<T> =>
  JSON.parse((await loc.getAttribute(attr)) ?? 'null') as T;

/** The RGBA bytes a canvas shows, as [r, g, b] per pixel. */
async function pixels(canvas: Locator): Promise<number[][]> {
  const data = await canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    return Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data);
  });
  const out: number[][] = [];
  for (let i = 0; i < data.length; i += 4) out.push([data[i]!, data[i + 1]!, data[i + 2]!]);
  return out;
}

interface Unit {
  readonly x: number;
  readonly y: number;
}

async function units(widget: Locator): Promise<Unit[]> {
  return widget
    .locator('[data-unit]')
    .evaluateAll((els) =>
      els.map((el) => ({ x: Number(el.getAttribute('data-x')), y: Number(el.getAttribute('data-y')) })),
    );
}

test('dropout zeroes about a fraction p of the units and scales the rest by 1/(1 − p)', async ({ page }) => {
  await page.goto(LESSON);
  const mask = page.getByTestId('dropout-mask');
  const grid = mask.getByRole('group', { name: /Units of the layer/ });
  for (const p of [0.5, 0.25, 0.8]) {
    await mask.getByLabel(/Drop rate p/).fill(String(p));
    await expect(mask).toHaveAttribute('data-rate', String(p));
    let dropped = 0;
    let seen = 0;
    for (let draw = 0; draw < 5; draw++) {
      const before = await num(mask, 'data-draw');
      if (draw > 0) {
        await grid.press('r');
        await expect(mask).toHaveAttribute('data-draw', String(before + 1));
      }
      const us = await units(mask);
      const zeros = us.filter((u) => u.y === 0).length;
      await expect(mask).toHaveAttribute('data-dropped', String(zeros));
      await expect(page.getByTestId('dropout-readout')).toContainText(`Dropped ${zeros} of 64 units`);
      for (const u of us) if (u.y !== 0) expect(u.y).toBeCloseTo(u.x / (1 - p), 5);
      dropped += zeros;
      seen += us.length;
    }
    // 320 independent draws: the dropped fraction is within 4 standard deviations of p.
    expect(Math.abs(dropped / seen - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / seen));
  }
  await mask.getByText('Test', { exact: true }).click();
  await expect(mask).toHaveAttribute('data-dropped', '0');
  for (const u of await units(mask)) expect(u.y).toBe(u.x);
});

test('averaging masked passes converges to the unscaled activations, or to (1 − p)·x without scaling', async ({
  page,
}) => {
  await page.goto(LESSON);
  const avg = page.getByTestId('dropout-average');
  const p = 0.5;
  const rows = avg.getByTestId('dropout-average-table').locator('tbody tr');
  const readRows = (): Promise<{ x: number; kept: number; mean: number }[]> =>
    rows.evaluateAll((els) =>
      els.map((el) => ({
        x: Number(el.getAttribute('data-x')),
        kept: Number(el.getAttribute('data-kept')),
        mean: Number(el.getAttribute('data-mean')),
      })),
    );

  await avg.getByRole('button', { name: '+10 masks' }).click();
  await expect(avg).toHaveAttribute('data-samples', '10');
  const gapAfter10 = await num(avg, 'data-gap');
  for (const r of await readRows()) expect(r.mean).toBeCloseTo((r.kept * (r.x / (1 - p))) / 10, 5);

  await avg.getByRole('button', { name: '+1,000 masks' }).click();
  await avg.getByRole('button', { name: '+1,000 masks' }).click();
  await expect(avg).toHaveAttribute('data-samples', '2010');
  for (const r of await readRows()) {
    expect(r.mean).toBeCloseTo((r.kept * (r.x / (1 - p))) / 2010, 4);
    // Each pass gives 0 or 2x: the mean's standard deviation is x/√2010; allow 5 of them.
    expect(Math.abs(r.mean - r.x)).toBeLessThan((5 * r.x) / Math.sqrt(2010));
  }
  expect(await num(avg, 'data-gap')).toBeLessThan(gapAfter10 / 2);

  await avg.getByLabel('Scale kept units by 1/(1 − p)').uncheck();
  await expect(avg).toHaveAttribute('data-samples', '0');
  await avg.getByRole('button', { name: '+1,000 masks' }).click();
  await expect(avg).toHaveAttribute('data-samples', '1000');
  for (const r of await readRows()) {
    expect(r.mean).toBeCloseTo((r.kept * r.x) / 1000, 4);
    expect(Math.abs(r.mean - (1 - p) * r.x)).toBeLessThan((5 * 0.5 * r.x) / Math.sqrt(1000));
  }
});

/** The explorer's original and copies, as grey values 0-255 (MNIST draws R = G = B). */
async function greyImages(widget: Locator): Promise<{ original: number[]; copies: number[][] }> {
  const original = (await pixels(widget.getByTestId('augment-original').locator('canvas'))).map((p) => p[0]!);
  const copies: number[][] = [];
  for (const canvas of await widget.locator('[data-copy] canvas').all()) {
    copies.push((await pixels(canvas)).map((p) => p[0]!));
  }
  return { original, copies };
}

test('augmentation controls change the copies exactly as shift, mirror and jitter say', async ({ page }) => {
  await page.goto(LESSON);
  const aug = page.getByTestId('augment');
  await expect(aug.locator('[data-copy]')).toHaveCount(8);
  const W = 28;

  // Default: crop with 2 pixels of padding. Copy pixel (y, x) is original (y + dy, x + dx), 0 outside.
  let { original, copies } = await greyImages(aug);
  const tiles = aug.locator('[data-copy]');
  let moved = 0;
  for (let i = 0; i < 8; i++) {
    const dy = await num(tiles.nth(i), 'data-dy');
    const dx = await num(tiles.nth(i), 'data-dx');
    expect(Math.abs(dy)).toBeLessThanOrEqual(2);
    expect(Math.abs(dx)).toBeLessThanOrEqual(2);
    if (dy !== 0 || dx !== 0) moved++;
    const expected = Array.from({ length: W * W }, (_, k) => {
      const [y, x] = [Math.floor(k / W) + dy, (k % W) + dx];
      return y >= 0 && y < W && x >= 0 && x < W ? original[y * W + x]! : 0;
    });
    expect(copies[i]).toEqual(expected);
  }
  expect(moved).toBeGreaterThan(0);
  await expect(aug).toHaveAttribute('data-versions', '25');

  // No padding, mirroring on: each copy is the original or its mirror image, as labelled.
  await aug.getByLabel(/Crop padding/).fill('0');
  await aug.getByLabel('Mirror half of them').check();
  await expect(aug).toHaveAttribute('data-versions', '2');
  ({ original, copies } = await greyImages(aug));
  const mirror = original.map((_, k) => original[Math.floor(k / W) * W + (W - 1 - (k % W))]!);
  const flips: boolean[] = [];
  for (let i = 0; i < 8; i++) {
    const flip = (await tiles.nth(i).getAttribute('data-flip')) === 'true';
    flips.push(flip);
    expect(copies[i]).toEqual(flip ? mirror : original);
  }
  expect(flips).toContain(true);
  expect(mirror).not.toEqual(original);

  // R draws again: the draw counter moves and so do the flips.
  const before = await aug.getAttribute('data-draw');
  await aug.getByRole('group', { name: /Augmented copies/ }).press('r');
  await expect(aug).not.toHaveAttribute('data-draw', before ?? '');

  // Brightness and contrast only: v' = clamp((v − mean)·scale + mean + offset) per copy.
  await aug.getByLabel('Mirror half of them').uncheck();
  await aug.getByLabel(/Brightness/).fill('0.2');
  await aug.getByLabel(/Contrast/).fill('0.3');
  await expect(aug).toHaveAttribute('data-versions', 'infinite');
  ({ original, copies } = await greyImages(aug));
  const values = original.map((v) => v / 255);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  for (let i = 0; i < 8; i++) {
    const offset = await num(tiles.nth(i), 'data-offset');
    const scale = await num(tiles.nth(i), 'data-scale');
    expect(Math.abs(offset)).toBeLessThanOrEqual(0.2);
    expect(Math.abs(scale - 1)).toBeLessThanOrEqual(0.3);
    const expected = values.map((v) => 255 * Math.min(1, Math.max(0, (v - mean) * scale + mean + offset)));
    copies[i]!.forEach((got, k) => {
      expect(Math.abs(got - expected[k]!)).toBeLessThanOrEqual(1);
    });
  }

  // Padding 4 with mirrors: (2·4 + 1)² positions, twice over.
  await aug.getByLabel(/Brightness/).fill('0');
  await aug.getByLabel(/Contrast/).fill('0');
  await aug.getByLabel(/Crop padding/).fill('4');
  await aug.getByLabel('Mirror half of them').check();
  await expect(aug).toHaveAttribute('data-versions', String(81 * 2));
  await expect(page.getByTestId('augment-readout')).toContainText('162 different training images');
  // Crop first, then mirror: copy (y, x) is the shifted original at (y, W − 1 − x) when mirrored.
  ({ original, copies } = await greyImages(aug));
  for (let i = 0; i < 8; i++) {
    const dy = await num(tiles.nth(i), 'data-dy');
    const dx = await num(tiles.nth(i), 'data-dx');
    const flip = (await tiles.nth(i).getAttribute('data-flip')) === 'true';
    const expected = Array.from({ length: W * W }, (_, k) => {
      const col = flip ? W - 1 - (k % W) : k % W;
      const [y, x] = [Math.floor(k / W) + dy, col + dx];
      return y >= 0 && y < W && x >= 0 && x < W ? original[y * W + x]! : 0;
    });
    expect(copies[i]).toEqual(expected);
  }
});

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, v, i) => s + v * b[i]!, 0);

test('PCA colour: eigenpairs of the shown covariance, offsets Σ αᵢλᵢpᵢ, and pixels shifted by them', async ({
  page,
}) => {
  await page.goto(LESSON);
  const pca = page.getByTestId('pca-colour');
  await pca.getByRole('button', { name: 'σ = 2 (exaggerated)' }).click();
  await expect(pca).toHaveAttribute('data-sigma', '2');
  const cov = await json<number[]>(pca, 'data-covariance');
  const values = await json<number[]>(pca, 'data-eigenvalues');
  const vectors = await json<number[][]>(pca, 'data-eigenvectors');
  expect(values[0]).toBeGreaterThanOrEqual(values[1]!);
  expect(values[1]).toBeGreaterThanOrEqual(values[2]!);
  vectors.forEach((p, i) => {
    expect(Math.hypot(...p)).toBeCloseTo(1, 6);
    const mp = [0, 1, 2].map((r) => dot(cov.slice(r * 3, r * 3 + 3), p));
    mp.forEach((v, r) => {
      expect(v).toBeCloseTo(values[i]! * p[r]!, 6);
    });
  });

  const original = await pixels(pca.getByTestId('pca-original').locator('canvas'));
  const tiles = pca.locator('[data-copy]');
  await expect(tiles).toHaveCount(6);
  let moved = 0;
  for (let i = 0; i < 6; i++) {
    const alphas = await json<number[]>(tiles.nth(i), 'data-alphas');
    const shown = await json<number[]>(tiles.nth(i), 'data-offset');
    const offset = [0, 1, 2].map((ch) => vectors.reduce((s, p, k) => s + alphas[k]! * values[k]! * p[ch]!, 0));
    offset.forEach((v, ch) => {
      expect(shown[ch]).toBeCloseTo(v, 9);
    });
    const copy = await pixels(tiles.nth(i).locator('canvas'));
    copy.forEach((rgb, k) => {
      for (let ch = 0; ch < 3; ch++) {
        const expected = 255 * Math.min(1, Math.max(0, original[k]![ch]! / 255 + offset[ch]!));
        // The original's bytes are themselves rounded, so allow one step either side.
        expect(Math.abs(rgb[ch]! - expected)).toBeLessThanOrEqual(1.5);
      }
    });
    if (Math.max(...offset.map(Math.abs)) > 2 / 255) moved++;
  }
  expect(moved).toBeGreaterThan(0);

  // σ = 0: no shift at all.
  await pca.getByLabel(/σ =/).fill('0');
  await expect(pca).toHaveAttribute('data-sigma', '0');
  for (let i = 0; i < 6; i++) expect(await pixels(tiles.nth(i).locator('canvas'))).toEqual(original);

  // Grey digits: one direction (1, 1, 1)/√3, the other eigenvalues zero.
  const grey = page.getByTestId('grey-pca');
  const gv = await json<number[]>(grey, 'data-eigenvalues');
  const gp = await json<number[][]>(grey, 'data-eigenvectors');
  expect(gv[0]).toBeGreaterThan(0.01);
  expect(gv[1]).toBeCloseTo(0, 8);
  expect(gv[2]).toBeCloseTo(0, 8);
  for (const v of gp[0]!) expect(v).toBeCloseTo(1 / Math.sqrt(3), 5);
});

async function epochRows(page: Page): Promise<{ epoch: number; train: number; val: number }[]> {
  return page
    .getByTestId('epoch-table')
    .locator('tbody tr')
    .evaluateAll((els) =>
      els.map((el) => ({
        epoch: Number(el.getAttribute('data-epoch')),
        train: Number(el.getAttribute('data-train-loss')),
        val: Number(el.getAttribute('data-val-loss')),
      })),
    );
}

test('the live run: training loss falls and early stopping marks the lowest validation loss', async ({ page }) => {
  await page.goto(LESSON);
  const lab = page.getByTestId('overfit');
  await expect(lab).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await lab.getByRole('button', { name: 'Start' }).click();
  await expect
    .poll(async () => Number(await lab.getAttribute('data-epochs')), { timeout: 180_000 })
    .toBeGreaterThanOrEqual(4);
  await lab.getByRole('button', { name: 'Pause' }).click();
  await expect(lab).toHaveAttribute('data-status', /paused|done/);

  const rows = await epochRows(page);
  expect(rows.length).toBe(Number(await lab.getAttribute('data-epochs')));
  expect(rows.map((r) => r.epoch)).toEqual(rows.map((_, i) => i + 1));
  expect(rows[rows.length - 1]!.train).toBeLessThan(rows[0]!.train);
  let best = rows[0]!;
  for (const r of rows) if (r.val < best.val) best = r;
  await expect(lab).toHaveAttribute('data-best-epoch', String(best.epoch));
  await expect(page.getByTestId('best-epoch')).toContainText(`Lowest validation loss: epoch ${best.epoch}`);
  await expect(page.getByTestId('best-epoch')).toContainText(best.val.toFixed(3));
  await expect(page.getByTestId('epoch-table').locator('.reg-row--best')).toHaveAttribute(
    'data-epoch',
    String(best.epoch),
  );

  // A regulariser rebuilds the run from the start.
  await lab.getByLabel(/Augmentation: random shifts/).check();
  await expect(lab).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await expect(lab).toHaveAttribute('data-epochs', '0');
  await expect(page.getByTestId('overfit-status')).toContainText('shifts ±2 px');
});

async function answer(ex: Locator, text: string): Promise<void> {
  await ex.getByLabel('Your answer').fill(text);
  await ex.getByLabel('Your answer').press('Enter');
  await expect(ex).toHaveAttribute('data-done', 'true');
}

test('the exercises accept answers computed here from their parameters', async ({ page }) => {
  await page.goto(LESSON);
  const ex = (id: string): Locator => page.locator(`[data-exercise="${id}"]`);
  const params = async (id: string): Promise<Record<string, number | string>> => json(ex(id), 'data-params');

  const d = (await params('dropout-expectation')) as { p: number; a: number };
  await answer(ex('dropout-expectation'), `${d.a / (1 - d.p)} ${d.a}`);

  const c = (await params('crop-count')) as { size: number; pad: number };
  expect(c).toEqual({ size: 32, pad: 4 }); // seed 1 is the 32×32, 4-pixel case
  await answer(ex('crop-count'), '40 81');

  const e = (await params('early-stop')) as { losses: string; patience: number };
  const losses = e.losses.split(',').map(Number);
  let best = 0;
  let stop = losses.length - 1;
  for (let i = 1; i < losses.length; i++) {
    if (losses[i]! < losses[best]!) best = i;
    else if (i - best >= e.patience) {
      stop = i;
      break;
    }
  }
  await answer(ex('early-stop'), `${stop + 1} ${best + 1}`);

  const l = (await params('l2-step')) as { w: number; g: number; lr: number; lambda: number };
  await answer(ex('l2-step'), String(l.w - l.lr * (l.g + 2 * l.lambda * l.w)));
});
