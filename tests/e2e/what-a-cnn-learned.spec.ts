/**
 * The "What a CNN has learned" lesson: train its GAP net (a bounded run in the worker), then drive
 * every view: the filters of every conv layer counted against the net as written here, the feature
 * maps of every layer, a drawn digit, the top-9 held-out digits (sorted, largest first), a saliency
 * map that is drawn, a CAM whose mean plus bias is the class score, and activation maximisation
 * whose score rises over two chunks and whose objective is recomputed here from the image. Then
 * the exercises, answered from their own parameters.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/what-a-cnn-learned';

/** The net as the lesson describes it: conv layers with their filters and input channels. */
const CONVS = [
  { id: 'conv1', filters: 8, channels: 1 },
  { id: 'conv2', filters: 16, channels: 8 },
  { id: 'conv3', filters: 32, channels: 16 },
];
/** Layers with feature maps, in order, and their channel counts (pools keep their input's). */
const MAP_LAYERS = [
  ['conv1', 8],
  ['pool1', 8],
  ['conv2', 16],
  ['pool2', 16],
  ['conv3', 32],
] as const;

const attr = async (l: Locator, name: string): Promise<string> => (await l.getAttribute(name)) ?? '';

/** How many distinct colours a canvas shows: 1 means it is blank (or one flat colour). */
function distinctColours(canvas: Locator): Promise<number> {
  return canvas.evaluate((node) => {
    const c = node as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  });
}

async function train(page: Page): Promise<void> {
  const panel = page.getByTestId('train');
  await expect(panel).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await panel.getByRole('button', { name: 'Train the net' }).click();
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 400_000 });
}

test('trains the GAP net, then every view inspects it', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto(LESSON);
  await train(page);
  const status = await page.getByTestId('train-status').textContent();
  // 4 epochs of 5,000 digits in batches of 32 (the last batch of each epoch partial).
  const steps = 4 * Math.ceil(5000 / 32);
  expect(status).toContain(`Step ${steps} of ${steps}`);
  const accuracy = Number(/held-out accuracy ([\d.]+)%/.exec(status ?? '')?.[1]);
  expect(accuracy).toBeGreaterThan(80); // guessing would be 10%

  // Filters: one grid per conv layer, a slice per filter per input channel.
  const layers = page.getByTestId('filter-layer');
  await expect(layers).toHaveCount(CONVS.length, { timeout: 30_000 });
  for (const [i, conv] of CONVS.entries()) {
    const layer = layers.nth(i);
    await expect(layer).toHaveAttribute('data-layer', conv.id);
    await expect(layer).toHaveAttribute('data-filters', String(conv.filters));
    await expect(layer).toHaveAttribute('data-channels', String(conv.channels));
    const canvas = layer.locator('canvas');
    await expect(canvas).toHaveAttribute('data-tiles', String(conv.filters * conv.channels));
    // Slices of 3×3 with a 1-pixel gap: columns are filters, rows input channels.
    expect(await canvas.evaluate((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height])).toEqual([
      conv.filters * 4 - 1,
      conv.channels * 4 - 1,
    ]);
    expect(await distinctColours(canvas)).toBeGreaterThan(10);
  }

  // Feature maps of held-out digit 0, then of digit 5.
  const maps = page.getByTestId('activations');
  const mapLayers = maps.getByTestId('map-layer');
  await expect(mapLayers).toHaveCount(MAP_LAYERS.length + 1, { timeout: 30_000 }); // + the input
  for (const [i, [id, channels]] of MAP_LAYERS.entries()) {
    await expect(mapLayers.nth(i + 1)).toHaveAttribute('data-layer', id);
    await expect(mapLayers.nth(i + 1).locator('canvas')).toHaveAttribute('data-tiles', String(channels));
  }
  await expect(maps.getByTestId('prediction')).toHaveAttribute('data-class', /^[0-9]$/);
  await maps.getByLabel(/Held-out digit/).fill('5');
  await expect(page.getByTestId('chosen-image').first()).toHaveText('Looking at held-out digit 5.');

  // A drawn "1": the views switch to the drawing and the net gives an answer for it.
  const pad = maps.getByTestId('draw-canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.85, { steps: 10 });
  await page.mouse.up();
  await expect(page.getByTestId('chosen-image').first()).toHaveText('Looking at your drawing.');
  await expect(maps.getByTestId('prediction')).toHaveAttribute('data-class', /^[0-9]$/);
  await maps.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('chosen-image').first()).toHaveText('Looking at held-out digit 5.');

  // Top 9 of a conv3 channel, then of a conv1 channel: nine values, largest first.
  const top = page.getByTestId('top-images');
  for (const [layer, channel] of [
    ['conv3', '4'],
    ['conv1', '2'],
  ] as const) {
    await top.getByLabel('Layer').selectOption(layer);
    await top.getByLabel(/Channel/).fill(channel);
    await expect(top.getByText(new RegExp(`of ${layer} channel ${channel} over`))).toBeVisible({ timeout: 30_000 });
    const shown = (await top.getByTestId('top-value').allTextContents()).map(Number);
    expect(shown).toHaveLength(9);
    for (let i = 1; i < 9; i++) expect(shown[i]!).toBeLessThanOrEqual(shown[i - 1]!);
    const values = JSON.parse(await attr(top.getByTestId('top-grid'), 'data-values')) as number[];
    expect(values.map((v) => v.toFixed(3)).map(Number)).toEqual(shown);
    expect(values[0]!).toBeGreaterThan(0); // a ReLU unit that fires on something
    // Nine different held-out digits.
    const indices = await top.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-index')));
    expect(new Set(indices).size).toBe(9);
  }

  // Saliency of the predicted class for digit 5, then of class 3: a map that is not blank.
  const saliency = page.getByTestId('saliency');
  const salMap = saliency.getByTestId('saliency-map');
  await expect(salMap).toBeVisible({ timeout: 30_000 });
  expect(Number(await attr(salMap, 'data-max'))).toBeGreaterThan(0);
  expect(await distinctColours(salMap.locator('canvas'))).toBeGreaterThan(10);
  await saliency.getByRole('combobox', { name: /^Class/ }).selectOption('3');
  await expect(salMap).toHaveAttribute('data-class', '3');
  await expect(saliency.getByTestId('saliency-caption')).toContainText('Class 3: score S3 =');

  // CAM: drawn over the digit, and mean(map) + bias = the class score, recomputed here.
  const cam = page.getByTestId('cam');
  for (const choice of ['predicted', '7']) {
    if (choice !== 'predicted') await cam.getByRole('combobox', { name: /^Class/ }).selectOption(choice);
    const overlay = cam.getByTestId('cam-overlay');
    if (choice !== 'predicted') await expect(overlay).toHaveAttribute('data-class', choice);
    await expect(overlay).toBeVisible({ timeout: 30_000 });
    const map = JSON.parse(await attr(overlay, 'data-map')) as number[];
    expect(map).toHaveLength(7 * 7); // 28 → 14 → 7 after two 2×2 pools
    const mean = map.reduce((a, b) => a + b, 0) / map.length;
    const bias = Number(await attr(overlay, 'data-bias'));
    const score = Number(await attr(overlay, 'data-score'));
    expect(mean + bias).toBeCloseTo(score, 3);
    await expect(cam.getByTestId('cam-mean')).toHaveText(mean.toFixed(4));
    await expect(cam.getByTestId('cam-score')).toHaveText(score.toFixed(4));
    expect(await distinctColours(overlay.locator('canvas'))).toBeGreaterThan(10);
  }

  // Activation maximisation of class 3: the shown score rises over two chunks of ten steps.
  const ascent = page.getByTestId('ascent');
  await ascent.getByRole('combobox', { name: /^Class/ }).selectOption('3');
  const more = ascent.getByRole('button', { name: '10 more steps' });
  await more.click();
  await expect(ascent).toHaveAttribute('data-steps', '10', { timeout: 60_000 });
  const afterOne = Number(await ascent.getByTestId('ascent-score').textContent());
  await expect(more).toBeEnabled();
  await more.click();
  await expect(ascent).toHaveAttribute('data-steps', '20', { timeout: 60_000 });
  const afterTwo = Number(await ascent.getByTestId('ascent-score').textContent());
  const scores = JSON.parse(await attr(ascent, 'data-chunk-scores')) as number[];
  expect(scores).toHaveLength(3);
  expect(scores[1]!).toBeGreaterThan(scores[0]!);
  expect(scores[2]!).toBeGreaterThan(scores[1]!);
  expect(afterOne).toBeCloseTo(scores[1]!, 3);
  expect(afterTwo).toBeCloseTo(scores[2]!, 3);
  // The objective shown is S − λ‖I‖² − μ R_TV of the image shown, recomputed from its pixels.
  const pixels = JSON.parse(await attr(ascent.getByTestId('ascent-image'), 'data-pixels')) as number[];
  expect(pixels).toHaveLength(784);
  expect(Math.min(...pixels)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...pixels)).toBeLessThanOrEqual(1);
  const l2 = Number(await attr(ascent, 'data-l2'));
  const tv = Number(await attr(ascent, 'data-tv'));
  let norm = 0;
  let variation = 0;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const v = pixels[y * 28 + x]!;
      norm += v * v;
      const down = y + 1 < 28 ? pixels[(y + 1) * 28 + x]! - v : 0;
      const right = x + 1 < 28 ? pixels[y * 28 + x + 1]! - v : 0;
      variation += down * down + right * right;
    }
  }
  const objective = Number(await ascent.getByTestId('ascent-objective').textContent());
  expect(objective).toBeCloseTo(scores[2]! - l2 * norm - tv * variation, 2);
  await expect(ascent.getByTestId('l2-value')).toHaveText(String(l2));
  // Changing λ starts again from grey.
  await ascent.getByLabel(/lambda/).fill('0');
  await expect(ascent).toHaveAttribute('data-steps', '0');
  await expect(ascent).toHaveAttribute('data-l2', '0');
});

test('exercises accept answers computed from their parameters', async ({ page }) => {
  await page.goto(LESSON);
  const params = async (ex: Locator): Promise<Record<string, number | string>> =>
    JSON.parse((await ex.getAttribute('data-params')) ?? '{}') as Record<string, number | string>;
  const answer = async (ex: Locator, text: string, result: 'right' | 'wrong'): Promise<void> => {
    await ex.getByLabel('Your answer').fill(text);
    await ex.getByLabel('Your answer').press('Enter');
    await expect(ex.getByRole('status')).toHaveAttribute('data-result', result);
  };

  const slices = page.locator('[data-exercise="filter-slices"]');
  const s = await params(slices);
  const [c, k, size] = [Number(s.c), Number(s.k), Number(s.size)];
  await answer(slices, `${k} ${k * size * size + k}`, 'wrong'); // one slice per filter: the first layer's count
  await answer(slices, `${k * c} ${k * c * size * size + k}`, 'right');

  const l2 = page.locator('[data-exercise="l2-optimum"]');
  const p = await params(l2);
  const [w1, w2, lambda] = [Number(p.w1), Number(p.w2), Number(p.lambda)];
  await answer(l2, `${w1 / lambda} ${w2 / lambda}`, 'wrong'); // forgot the 2 of d‖I‖²/dI
  await answer(l2, `${w1 / (2 * lambda)} ${w2 / (2 * lambda)}`, 'right');

  const cam = page.locator('[data-exercise="cam-score"]');
  const q = await params(cam);
  const f1 = String(q.f1).split(' ').map(Number);
  const f2 = String(q.f2).split(' ').map(Number);
  const [a, b, bias] = [Number(q.a), Number(q.b), Number(q.bias)];
  const m = f1.map((v, i) => a * v + b * f2[i]!);
  const score = m.reduce((x, y) => x + y, 0) / 4 + bias;
  await answer(cam, `${m[0]} ${score + 1}`, 'wrong');
  await answer(cam, `${m[0]} ${score}`, 'right');

  const tv = page.locator('[data-exercise="total-variation"]');
  const x = String((await params(tv)).x)
    .split(' ')
    .map(Number);
  let total = 0;
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 3; j++) {
      if (i === 0) total += (x[3 + j]! - x[j]!) ** 2;
      if (j < 2) total += (x[i * 3 + j + 1]! - x[i * 3 + j]!) ** 2;
    }
  }
  await answer(tv, String(total), 'right');
  await expect(tv).toHaveAttribute('data-done', 'true');
});
