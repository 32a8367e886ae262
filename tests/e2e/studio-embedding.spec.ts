import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { distinctLevels, inspector, openStudioWith, TWO_SMALL_CONVS } from './studio-shared-link';

/*
 * The studio's embedding view: the codes of validation images at a chosen layer (by default the
 * input of the last dense layer), laid out in 2-D with UMAP on request, coloured by class. Models
 * come through share links (#/studio?a=...), small enough that one epoch on the built-in MNIST
 * subset is quick.
 */

/** No dense layer: 1 conv, 2 pool (13×13), 3 conv of 10 filters (11×11), 4 global average pool = the scores. */
const ALL_CONV = {
  name: 'All conv',
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', filters: 4, kernel: 3, activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'conv2d', filters: 10, kernel: 3 },
    { type: 'globalavgpool' },
  ],
};

/** Embeds `count` images at the selected layer and returns the dots' labels. */
async function embed(view: Locator, count: number): Promise<number[]> {
  await view.getByRole('combobox', { name: /^Images/ }).selectOption(String(count));
  await view.getByRole('button', { name: 'Embed' }).click();
  await expect(view).toHaveAttribute('data-embedding', 'done', { timeout: 180_000 });
  const scatter = view.getByTestId('embedding-scatter');
  await expect(scatter).toHaveAttribute('data-points', String(count));
  const dots = scatter.locator('circle[data-index]');
  await expect(dots).toHaveCount(count);
  return (await dots.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-label'))))) as number[];
}

test('embeds the codes of 500 validation images at the layer before the classifier', async ({ page }) => {
  test.setTimeout(480_000);
  await openStudioWith(page, TWO_SMALL_CONVS);
  await page.getByRole('button', { name: /^Start/ }).click();
  await expect(page.getByTestId('val-accuracy')).not.toHaveAttribute('data-value', '', { timeout: 240_000 });
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', /done|paused|idle/, {
    timeout: 60_000,
  });

  await inspector(page).getByRole('tab', { name: 'Embedding' }).click();
  const view = page.getByTestId('embedding-view');
  // Default: the dense layer's input, the flatten layer (index 5) of 6·7·7 values.
  const layer = view.getByRole('combobox', { name: /^Layer/ });
  await expect(layer).toHaveValue('5');
  await expect(layer.locator('option:checked')).toContainText(`${6 * 7 * 7} numbers`);
  await expect(view.getByTestId('embedding-layer-note')).toContainText('input of the last dense layer');
  await expect(view.getByTestId('embedding-scatter')).toHaveCount(0);

  const labels = await embed(view, 500);
  await expect(view.getByTestId('embedding-status')).toContainText(`500 codes of ${6 * 7 * 7} numbers`);
  // The legend lists exactly the classes the dots carry (all ten digits among 500 images), in order.
  const counts = new Map<number, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const classes = [...counts.keys()].sort((a, b) => a - b);
  expect(classes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(500);
  const legend = view.getByTestId('embedding-legend').locator('li');
  expect(await legend.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-class'))))).toEqual(classes);
  expect(await legend.allTextContents()).toEqual(classes.map(String));
  // One colour per class, ten different colours.
  const dots = view.getByTestId('embedding-scatter').locator('circle[data-index]');
  const fills = (await dots.evaluateAll((els) => els.map((e) => e.getAttribute('fill')))) as string[];
  const colourOf = new Map<number, string>();
  labels.forEach((l, i) => {
    if (!colourOf.has(l)) colourOf.set(l, fills[i]!);
    expect(fills[i]).toBe(colourOf.get(l));
  });
  expect(new Set(colourOf.values()).size).toBe(10);

  // Hovering a dot shows its image and label (whichever dot lies on top under the pointer).
  const active = view.getByTestId('embedding-active');
  for (const k of [17, 250]) {
    await dots.nth(k).scrollIntoViewIfNeeded();
    const box = (await dots.nth(k).boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const under = await page.evaluate(
      ([px, py]) => document.elementFromPoint(px!, py!)?.getAttribute('data-index'),
      [x, y],
    );
    expect(under).toMatch(/^\d+$/);
    await page.mouse.move(x, y);
    await expect(active).toHaveAttribute('data-index', under!);
    const index = Number(under);
    await expect(active).toHaveAttribute('data-label', String(labels[index]));
    await expect(active.locator('figcaption')).toHaveText(`image ${index}: ${labels[index]}`);
  }
  const image = active.locator('canvas');
  await expect(image).toHaveAttribute('width', '28');
  expect(await distinctLevels(image)).toBeGreaterThan(2);
  // Keyboard: → the next image.
  await view.getByTestId('embedding-scatter').focus();
  const from = Number(await active.getAttribute('data-index'));
  await page.keyboard.press('ArrowRight');
  await expect(active).toHaveAttribute('data-index', String((from + 1) % 500));

  // Training moves the codes: the map says so, and stays until embedded again.
  await expect(view.getByTestId('embedding-stale')).toHaveCount(0);
  await page.getByRole('button', { name: /^(Train more|Start)/ }).click();
  await expect(view.getByTestId('embedding-stale')).toContainText('embed again', { timeout: 120_000 });
  await expect(dots).toHaveCount(500);
});

test('a net with no dense layer embeds the layer before its output', async ({ page }) => {
  test.setTimeout(240_000);
  await openStudioWith(page, ALL_CONV);
  await inspector(page).getByRole('tab', { name: 'Embedding' }).click();
  const view = page.getByTestId('embedding-view');
  await expect(view.getByRole('combobox', { name: /^Layer/ })).toHaveValue('3');
  await expect(view.getByTestId('embedding-layer-note')).toContainText('no dense layer');
  // 2,000 is more than the 1,000 validation images: offered but disabled.
  await expect(view.getByRole('option', { name: /^2,000/ })).toBeDisabled();
  const labels = await embed(view, 500);
  expect(labels).toHaveLength(500);
  await expect(view.getByTestId('embedding-status')).toContainText(
    `500 codes of ${(10 * 11 * 11).toLocaleString('en-US')} numbers`,
  );
});
