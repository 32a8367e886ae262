import { expect, test } from './fixtures';
import { distinctLevels, inspector, openStudioWith, TWO_SMALL_CONVS } from './studio-shared-link';

/*
 * The studio's "Inside the network" extras: per-class accuracy against the confusion matrix, the
 * filters of a chosen conv layer, the saliency map and class activation map of the picked image,
 * and the gradient image of a class. Each model is set up through a share link (#/studio?a=...),
 * small enough that one epoch on the built-in MNIST subset is quick.
 */

/** Ends in global average pooling and one dense layer: it has class activation maps. */
const GAP = {
  name: 'GAP net',
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', filters: 4, kernel: 3, activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'conv2d', filters: 8, kernel: 3, activation: 'relu' },
    { type: 'globalavgpool' },
    { type: 'dense', units: 10 },
  ],
};

test('per-class accuracies agree with the confusion matrix, and filters of a deeper layer show its slices', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openStudioWith(page, TWO_SMALL_CONVS);

  // Filters: the first conv layer by default, the second one from the picker (4 filters, then 6
  // filters of 4 input channels each; the counts come from TWO_SMALL_CONVS above).
  await inspector(page).getByRole('tab', { name: 'Filters' }).click();
  const filters = page.getByTestId('filters-view');
  await expect(filters.locator('.filter-cell')).toHaveCount(4);
  const layers = filters.getByLabel('Layer');
  await expect(layers.locator('option')).toHaveCount(2);
  const second = await layers.locator('option').nth(1).getAttribute('value');
  await layers.selectOption(second!);
  await expect(filters.getByTestId('filters-caption')).toContainText('6 filters of 4×3×3');
  await expect(filters.getByTestId('filters-caption')).toContainText('4 input-channel slices');
  await expect(filters.locator('.filter-cell')).toHaveCount(6);
  // 4 slices of 3×3 tile 2×2 with a 1-pixel gap: a 7×7 canvas per filter.
  await expect(filters.locator('canvas').first()).toHaveAttribute('width', '7');
  await expect(filters.locator('canvas').first()).toHaveAttribute('height', '7');

  // One epoch, then the per-class table against the matrix it must agree with.
  await page.getByRole('button', { name: /^Start/ }).click();
  await expect(page.getByTestId('val-accuracy')).not.toHaveAttribute('data-value', '', { timeout: 240_000 });
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', /done|paused|idle/, {
    timeout: 60_000,
  });
  await inspector(page).getByRole('tab', { name: 'Confusion matrix' }).click();
  const rows = await page
    .getByTestId('confusion-matrix')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))));
  expect(rows).toHaveLength(10);
  const total = rows.flat().reduce((a, b) => a + b, 0);
  expect(total).toBe(1000);
  const perClass = page.getByTestId('per-class-accuracy').locator('tbody tr');
  await expect(perClass).toHaveCount(10);
  const shown = await perClass.evaluateAll((trs) =>
    trs.map((tr) => ({
      value: tr.getAttribute('data-value'),
      text: tr.querySelector('.per-class-value')?.textContent ?? '',
    })),
  );
  for (let c = 0; c < 10; c++) {
    const row = rows[c]!;
    const sum = row.reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThan(0);
    const expected = row[c]! / sum;
    expect(Number(shown[c]!.value)).toBeCloseTo(expected, 10);
    expect(shown[c]!.text).toBe(`${(expected * 100).toFixed(1)}%`);
  }
  // The overall accuracy is the diagonal over the total, the same matrix again.
  const diagonal = rows.reduce((a, row, c) => a + row[c]!, 0);
  expect(Number(await page.getByTestId('val-accuracy').getAttribute('data-value'))).toBeCloseTo(diagonal / total, 10);
});

test('saliency of the picked image, the CAM explained on a non-GAP net, and a gradient image on request', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openStudioWith(page, TWO_SMALL_CONVS);
  await inspector(page).getByRole('tab', { name: 'Saliency & CAM' }).click();
  const view = page.getByTestId('saliency-view');
  await expect(view).toContainText('validation sample 0');
  const saliency = view.getByTestId('saliency-map').locator('canvas');
  await expect(saliency).toHaveAttribute('width', '28', { timeout: 30_000 });
  expect(await distinctLevels(saliency)).toBeGreaterThan(2);
  await expect(view.getByTestId('cam-message')).toContainText('global average pooling');

  // Another sample from the data browser, and a chosen class: the map follows.
  await page
    .getByTestId('dataset-browser')
    .getByRole('button', { name: /^Validation sample/ })
    .nth(3)
    .click();
  await expect(view).not.toContainText('validation sample 0');
  await view.getByRole('combobox', { name: /^Class/ }).selectOption('7');
  await expect(view.getByTestId('saliency-map')).toContainText('for 7', { timeout: 30_000 });
  expect(await distinctLevels(saliency)).toBeGreaterThan(2);

  // A drawn digit becomes the picked image: its saliency map is drawn too.
  const pad = page.getByTestId('draw-canvas');
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.8, { steps: 8 });
  await page.mouse.up();
  await expect(view).toContainText('your drawing');
  await expect(view.getByTestId('saliency-map')).toContainText('for 7', { timeout: 30_000 });
  await expect(view.getByRole('img', { name: 'The picked image' })).toBeVisible();
  expect(await distinctLevels(view.getByRole('img', { name: 'The picked image' }))).toBeGreaterThan(1);
  expect(await distinctLevels(saliency)).toBeGreaterThan(2);

  // Gradient image: nothing until asked, then 4 chunks of 25 steps.
  await inspector(page).getByRole('tab', { name: 'Gradient images' }).click();
  const gradient = page.getByTestId('gradient-image-view');
  await expect(gradient.getByTestId('ascent-lambda')).toHaveText(/^0\.\d+$/);
  await expect(gradient.getByTestId('gradient-image')).toHaveCount(0);
  await gradient.getByRole('combobox', { name: /^Class/ }).selectOption('3');
  await gradient.getByRole('button', { name: 'Make the gradient image' }).click();
  await expect(gradient.getByTestId('gradient-image')).toHaveAttribute('data-steps', '100', { timeout: 60_000 });
  await expect(gradient.getByTestId('gradient-image')).toContainText('3 after 100 steps');
  expect(await distinctLevels(gradient.locator('canvas'))).toBeGreaterThan(2);
  await gradient.getByRole('button', { name: /^Climb 100 more steps/ }).click();
  await expect(gradient.getByTestId('gradient-image')).toHaveAttribute('data-steps', '200', { timeout: 60_000 });
});

test('a net ending in global average pooling gets its class activation map', async ({ page }) => {
  await openStudioWith(page, GAP);
  await inspector(page).getByRole('tab', { name: 'Saliency & CAM' }).click();
  const cam = page.getByTestId('saliency-view').getByTestId('cam-map');
  // The map lives on the last conv's grid: 28 -> 26 (3×3) -> 13 (pool) -> 11 (3×3).
  await expect(cam.locator('canvas')).toHaveAttribute('width', '11', { timeout: 30_000 });
  await expect(cam).toContainText('11×11');
  await expect(cam.getByTestId('cam-message')).toHaveCount(0);
  expect(await distinctLevels(cam.locator('canvas'))).toBeGreaterThan(2);
});
