import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { TRAINING_WORKER, watchTrainingWorkers, workerTally } from './worker-training';

const LESSON = '/#/lesson/neurons-and-dense-layers';

/** The test's own dense layer: x [in] · W [in, out] (row-major) + b [out]. */
function xWb(x: number[], w: number[], b: number[]): number[] {
  return b.map((bj, j) => x.reduce((s, xi, i) => s + xi * w[i * b.length + j]!, bj));
}

async function texts(grid: Locator): Promise<number[]> {
  const cells = grid.locator('td');
  const out: number[] = [];
  for (let i = 0; i < (await cells.count()); i++) {
    const input = cells.nth(i).locator('input');
    out.push(Number((await input.count()) > 0 ? await input.inputValue() : await cells.nth(i).textContent()));
  }
  return out;
}

async function answer(ex: Locator, text: string): Promise<void> {
  await ex.getByLabel('Your answer').fill(text);
  await ex.getByLabel('Your answer').press('Enter');
}

test('the lecture’s single-layer example gives [1 −7 8] and ReLU [1 0 8], and follows edits', async ({ page }) => {
  await page.goto(LESSON);
  const ex = page.getByTestId('dense-example');
  const grid = (name: string): Locator => ex.getByRole('grid', { name });
  const x = [1, 2, 4, 0];
  const w = [1, 0, 1, 3, 0, 2, -2, -2, 0, 1, 1, 0];
  const b = [2, 1, 3];
  await expect.poll(() => texts(grid('Product xW'))).toEqual(xWb(x, w, [0, 0, 0]));
  expect(await texts(grid('Pre-activation z'))).toEqual([1, -7, 8]);
  expect(await texts(grid('Output ReLU(z)'))).toEqual([1, 0, 8]);

  await grid('Input x').getByLabel('row 0, column 3').fill('3');
  x[3] = 3;
  await grid('Weights W').getByLabel('row 2, column 1').fill('0.5');
  w[2 * 3 + 1] = 0.5;
  await grid('Bias b').getByLabel('row 0, column 0').fill('-10');
  b[0] = -10;
  const z = xWb(x, w, b);
  await expect.poll(() => texts(grid('Pre-activation z'))).toEqual(z);
  expect(await texts(grid('Output ReLU(z)'))).toEqual(z.map((v) => Math.max(0, v)));
  await expect(ex.locator('.dense-sums')).toContainText(`= ${z[1]}`);
});

test('the linear classifier trains on the built-in digits: loss falls, ten templates, per-class accuracy', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await watchTrainingWorkers(page);
  await page.goto(LESSON);
  const trainer = page.getByTestId('linear-trainer');
  await trainer.getByRole('button', { name: 'Start training' }).click();
  const table = trainer.getByTestId('per-class');
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(trainer).toHaveAttribute('data-running', 'false');
  const legend = trainer.locator('li[data-series="loss"]');
  expect(Number(await legend.getAttribute('data-last'))).toBeLessThan(Number(await legend.getAttribute('data-first')));
  await expect(table.locator('tbody tr')).toHaveCount(10);
  const accuracy = Number(await table.getAttribute('data-accuracy'));
  expect(accuracy).toBeGreaterThan(0.5); // far above the 10% of guessing
  const perClass = await table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-accuracy'))));
  expect(perClass.every((a) => a >= 0 && a <= 1)).toBe(true);
  await expect(trainer.getByTestId('templates').locator('li')).toHaveCount(10);
  // The classifier trained in a Web Worker: one was created and the loss points came from it.
  const tally = await workerTally(page);
  expect(tally.created.some((url) => TRAINING_WORKER.test(url))).toBe(true);
  expect(tally.trainerMessages).toBeGreaterThan(Number(await legend.getAttribute('data-points')));
});

test('without CIFAR-10 on the server the widget says how to get it, and accepts a batch file', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(LESSON);
  const trainer = page.getByTestId('linear-trainer');
  await trainer.getByRole('radio', { name: /CIFAR-10/ }).check();
  const source = trainer.getByTestId('cifar-source');
  await expect(source).toHaveAttribute('data-state', 'missing');
  await expect(source).toContainText('npm run fetch-data');
  // A small made-up batch in the official record format: 1 label byte + 3,072 pixel bytes.
  const records = 300;
  const bytes = Buffer.alloc(records * 3073);
  for (let i = 0; i < records; i++) {
    const label = i % 10;
    bytes[i * 3073] = label;
    for (let p = 0; p < 3072; p++) bytes[i * 3073 + 1 + p] = (label * 25 + ((p * 7 + i) % 30)) & 255;
  }
  await source.getByLabel('CIFAR-10 file(s) from disk').setInputFiles({
    name: 'data_batch_1.bin',
    mimeType: 'application/octet-stream',
    buffer: bytes,
  });
  await expect(trainer.locator('.dense-note')).toContainText('270 training and 30 test');
  await expect(trainer.locator('.dense-note')).toContainText('10×3,072');
  await trainer.getByRole('button', { name: 'Start training' }).click();
  await expect(trainer.getByTestId('per-class')).toBeVisible({ timeout: 60_000 });
  await expect(trainer.getByTestId('per-class').locator('tbody tr').first()).toContainText('airplane');
  await expect(trainer.getByTestId('templates').locator('li')).toHaveCount(10);
});

test('exercises: wrong answers are marked wrong, right ones accepted', async ({ page }) => {
  await page.goto(LESSON);
  const neuron = page.locator('[data-exercise="neuron-output"]');
  const np = JSON.parse((await neuron.getAttribute('data-params'))!) as { x: string; w: string; b: number };
  const xs = np.x.split(' ').map(Number);
  const ws = np.w.split(' ').map(Number);
  const out = Math.max(
    0,
    xs.reduce((s, v, i) => s + v * ws[i]!, np.b),
  );
  await answer(neuron, String(out + 1));
  await expect(neuron.locator('[data-result]')).toHaveAttribute('data-result', 'wrong');
  await answer(neuron, String(out));
  await expect(neuron.locator('[data-result]')).toHaveAttribute('data-result', 'right');

  const layer = page.locator('[data-exercise="dense-output"]');
  const lp = JSON.parse((await layer.getAttribute('data-params'))!) as { x: string; W: string; b: string };
  const z = xWb(lp.x.split(' ').map(Number), lp.W.split(' ').map(Number), lp.b.split(' ').map(Number));
  await answer(layer, z.map((v) => Math.max(0, v)).join(' '));
  await expect(layer.locator('[data-result]')).toHaveAttribute('data-result', 'right');

  const params = page.locator('[data-exercise="dense-params"]');
  const pp = JSON.parse((await params.getAttribute('data-params'))!) as { inputs: number; units: number };
  await answer(params, String(pp.inputs * pp.units + pp.units));
  await expect(params.locator('[data-result]')).toHaveAttribute('data-result', 'right');

  const shape = page.locator('[data-exercise="linear-shape"]');
  const sp = JSON.parse((await shape.getAttribute('data-params'))!) as { c: number; h: number; k: number };
  await answer(shape, `${sp.k} ${sp.c * sp.h * sp.h}`);
  await expect(shape.locator('[data-result]')).toHaveAttribute('data-result', 'right');
  await expect(shape).toHaveAttribute('data-done', 'true');
});
