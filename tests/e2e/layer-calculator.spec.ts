import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/layer-calculator';
const fmt = (n: number): string => n.toLocaleString('en-US');
const num = (text: string): number => Number(text.replace(/,/g, ''));

/** The test's own VGG count: 3×3 convs ('1' marks VGG-C's 1×1 convs), 'M' pools, then three dense layers. */
function vggParams(config: (number | string)[]): number {
  let c = 3;
  let total = 0;
  for (const item of config) {
    if (item === 'M') continue;
    const [k, f] = typeof item === 'string' ? [1, Number(item)] : [3, item];
    total += f * c * k * k + f;
    c = f;
  }
  return total + (512 * 7 * 7 * 4096 + 4096) + (4096 * 4096 + 4096) + (4096 * 1000 + 1000);
}
const VGG: Record<string, (number | string)[]> = {
  'vgg-a': [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  'vgg-b': [64, 64, 'M', 128, 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  'vgg-c': [64, 64, 'M', 128, 128, 'M', 256, 256, '256', 'M', 512, 512, '512', 'M', 512, 512, '512', 'M'],
  'vgg-d': [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
  'vgg-e': [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
};

const rows = (page: Page): Locator => page.getByTestId('calc-row');
const cell = (page: Page, i: number, col: string): Locator =>
  page.locator(`[data-testid="calc-row"][data-index="${i}"] [data-col="${col}"]`);

async function load(page: Page, title: string): Promise<void> {
  await page.getByLabel('Reference architecture').selectOption({ label: title });
  await page.getByRole('button', { name: 'Load' }).click();
}

test('the lecture MNIST net: per-layer numbers and totals', async ({ page }) => {
  await page.goto(LESSON);
  await expect(rows(page)).toHaveCount(8);
  const conv1 = 10 * 1 * 5 * 5 + 10;
  const conv2 = 10 * 10 * 5 * 5 + 10;
  const fc1 = 10 * 4 * 4 * 100 + 100;
  const fc2 = 100 * 10 + 10;
  await expect(cell(page, 1, 'out')).toHaveText('10×24×24');
  await expect(cell(page, 1, 'params')).toHaveText(fmt(conv1));
  await expect(cell(page, 1, 'macs')).toHaveText(fmt(24 * 24 * 10 * 25));
  await expect(cell(page, 6, 'params')).toHaveText(fmt(fc1));
  await expect(page.getByTestId('calc-total-params')).toHaveText(fmt(conv1 + conv2 + fc1 + fc2));
});

test('editing, adding, moving and removing rows', async ({ page }) => {
  await page.goto(LESSON);
  await page.getByLabel('filters of layer 1').fill('20');
  await expect(cell(page, 1, 'params')).toHaveText(fmt(20 * 25 + 20));
  await expect(cell(page, 3, 'weights')).toHaveText(fmt(10 * 20 * 25));

  await page.getByLabel('New layer').selectOption('dense');
  await page.getByRole('button', { name: 'Add layer' }).click();
  await expect(rows(page)).toHaveCount(9);
  await expect(cell(page, 8, 'params')).toHaveText(fmt(10 * 10 + 10));
  await page.getByRole('button', { name: 'Remove layer 8' }).click();
  await expect(rows(page)).toHaveCount(8);

  await page.getByRole('button', { name: 'Move layer 7 up' }).click(); // dense 10 now before dense 100
  await expect(cell(page, 6, 'params')).toHaveText(fmt(160 * 10 + 10));
  await expect(cell(page, 7, 'params')).toHaveText(fmt(10 * 100 + 100));
});

test('an invalid edit shows the engine message beside its row and the page keeps working', async ({ page }) => {
  await page.goto(LESSON);
  await page.getByLabel('kernel of layer 1').fill('30'); // 30 > 28: no output
  const error = page.getByTestId('calc-error');
  await expect(error).toHaveAttribute('data-index', '1');
  await expect(error).toContainText('30');
  await expect(cell(page, 0, 'out')).toHaveText('1×28×28'); // rows above still computed
  await expect(page.getByTestId('calc-total-params')).toHaveText('—');
  await page.getByLabel('kernel of layer 1').fill('5');
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('calc-total-params')).not.toHaveText('—');
});

test('AlexNet: grouped conv weights filters·(C/groups)·k·k', async ({ page }) => {
  await page.goto(LESSON);
  await load(page, 'AlexNet');
  const convs = [
    { id: 'conv1', f: 96, c: 3, g: 1, k: 11 },
    { id: 'conv2', f: 256, c: 96, g: 2, k: 5 },
    { id: 'conv3', f: 384, c: 256, g: 1, k: 3 },
    { id: 'conv4', f: 384, c: 384, g: 2, k: 3 },
    { id: 'conv5', f: 256, c: 384, g: 2, k: 3 },
  ];
  for (const c of convs) {
    const w = c.f * (c.c / c.g) * c.k * c.k;
    const row = rows(page).filter({ has: page.locator('.calc-id', { hasText: new RegExp(`^${c.id}$`) }) });
    await expect(row.locator('[data-col="weights"]')).toHaveText(fmt(w));
    await expect(page.locator(`[data-testid="alexnet-row"][data-id="${c.id}"] [data-col="weights"]`)).toHaveText(
      fmt(w),
    );
  }
  expect(convs.map((c) => c.f * (c.c / c.g) * c.k * c.k)).toEqual([34848, 307200, 884736, 663552, 442368]);
});

test('VGG A–E totals, and VGG-16 loaded into the calculator', async ({ page }) => {
  await page.goto(LESSON);
  for (const [key, config] of Object.entries(VGG)) {
    await expect(page.locator(`[data-testid="vgg-row"][data-key="${key}"] [data-col="params"]`)).toHaveText(
      fmt(vggParams(config)),
    );
  }
  expect(Object.values(VGG).map((c) => Math.round(vggParams(c) / 1e6))).toEqual([133, 133, 134, 138, 144]);
  await load(page, 'VGG-16 (D)');
  await expect(page.getByTestId('calc-total-params')).toHaveText(fmt(vggParams(VGG['vgg-d']!)));
});

test('ResNet-18 loads; its total is the sum of its rows', async ({ page }) => {
  await page.goto(LESSON);
  await load(page, 'ResNet-18');
  expect(await rows(page).count()).toBeGreaterThan(40);
  const perRow = (await page.locator('[data-testid="calc-row"] [data-col="params"]').allTextContents()).map(num);
  await expect(page.getByTestId('calc-total-params')).toHaveText(fmt(perRow.reduce((a, b) => a + b, 0)));
});

test('the JSON view: errors in place, a valid edit replaces the table', async ({ page }) => {
  await page.goto(LESSON);
  const json = page.getByLabel('The same model as JSON (edit it here too)');
  await json.fill('{"layers": [');
  await expect(page.getByTestId('json-status')).toContainText('not valid JSON');
  await expect(rows(page)).toHaveCount(8);
  await json.fill(
    '{"layers": [{"type": "input", "shape": [3, 32, 32]}, {"type": "conv", "filters": 20, "kernel": 5}]}',
  );
  await expect(page.getByTestId('json-status')).toContainText('Did you mean "conv2d"');
  await json.fill(
    '{"layers": [{"type": "input", "shape": [3, 32, 32]}, {"type": "conv2d", "filters": 20, "kernel": 5, "padding": 2}]}',
  );
  await expect(rows(page)).toHaveCount(2);
  await expect(cell(page, 1, 'out')).toHaveText('20×32×32');
  await expect(cell(page, 1, 'weights')).toHaveText(fmt(5 * 5 * 3 * 20));
  await expect(cell(page, 1, 'biases')).toHaveText('20');
});

test('exercises: grouped weights wrong then right, multiply-adds and stack shape', async ({ page }) => {
  await page.goto(LESSON);
  const p = async (ex: Locator): Promise<Record<string, number>> =>
    JSON.parse((await ex.getAttribute('data-params')) ?? '{}') as Record<string, number>;
  const answer = async (ex: Locator, text: string): Promise<void> => {
    await ex.getByLabel('Your answer').fill(text);
    await ex.getByLabel('Your answer').press('Enter');
  };
  const g = page.locator('[data-exercise="grouped-weights"]');
  const gp = await p(g);
  const w = gp.K! * (gp.C! / gp.G!) * gp.F! * gp.F!;
  await answer(g, String(gp.K! * gp.C! * gp.F! * gp.F! + 1));
  await expect(g.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(g, fmt(w));
  await expect(g.getByRole('status')).toHaveAttribute('data-result', 'right');

  const m = page.locator('[data-exercise="conv-macs"]');
  const mp = await p(m);
  await answer(m, String(mp.H! * mp.H! * mp.K! * mp.C! * mp.F! * mp.F!));
  await expect(m.getByRole('status')).toHaveAttribute('data-result', 'right');

  const s = page.locator('[data-exercise="stack-shape"]');
  const sp = await p(s);
  const side = Math.floor((sp.H! - sp.F1! + 1) / 2 / 2);
  await answer(s, `${sp.K2} ${side} ${side}`);
  await expect(s.getByRole('status')).toHaveAttribute('data-result', 'right');
});

test('GoogLeNet and ResNet-50 load folded into blocks, with the published totals', async ({ page }) => {
  await page.goto(LESSON);
  await load(page, 'GoogLeNet');
  await expect(page.getByTestId('calc-total-params')).toHaveText(fmt(6624904));
  const groups = page.getByTestId('calc-group');
  expect(await groups.count()).toBeGreaterThanOrEqual(9);
  expect(await rows(page).count()).toBeLessThan(40); // 197 layers, most folded away

  // Inception 3a's folded row sums its branches: 1x1 (192->64), 1x1 (192->96) + 3x3 (96->128),
  // 1x1 (192->16) + 3x3 (16->32), pool + 1x1 (192->32); every conv bias-free with a batchnorm (2 per channel).
  const convBn = (cin: number, cout: number, k: number): number => cin * cout * k * k + 2 * cout;
  const inception3a =
    convBn(192, 64, 1) +
    convBn(192, 96, 1) +
    convBn(96, 128, 3) +
    convBn(192, 16, 1) +
    convBn(16, 32, 3) +
    convBn(192, 32, 1);
  const group3a = page.locator('[data-testid="calc-group"][data-group="inception3a"]');
  await expect(group3a.locator('[data-col="params"]')).toHaveText(fmt(inception3a));
  await expect(group3a.locator('[data-col="out"]')).toHaveText('256×28×28');
  const before = await rows(page).count();
  await group3a.getByRole('button').click();
  await expect(group3a.getByRole('button')).toHaveAttribute('aria-expanded', 'true');
  await expect(rows(page)).toHaveCount(before + 6 * 3 + 2); // six conv-BN-ReLU triples, the pool, the concat
  const cat = rows(page).filter({ has: page.locator('.calc-id', { hasText: /^inception3a$/ }) });
  await expect(cat.locator('[data-col="out"]')).toHaveText('256×28×28');

  await load(page, 'ResNet-50 (torchvision)');
  await expect(page.getByTestId('calc-total-params')).toHaveText(fmt(25557032));
  await load(page, 'ResNet-50 (paper)');
  await expect(page.getByTestId('calc-total-params')).toHaveText(fmt(25557032));
  // The paper strides the first 1x1 of stages 2-4; torchvision runs it on the 4x larger map instead.
  const extra = 256 * 128 * (56 * 56 - 28 * 28) + 512 * 256 * (28 * 28 - 14 * 14) + 1024 * 512 * (14 * 14 - 7 * 7);
  const paperMacs = num((await page.getByTestId('calc-total-macs').textContent()) ?? '');
  await load(page, 'ResNet-50 (torchvision)');
  await expect(page.getByTestId('calc-total-macs')).toHaveText(fmt(paperMacs + extra));
});

test('DenseNet-121 (427 layers) loads folded, opens in full and folds again', async ({ page }) => {
  await page.goto(LESSON);
  await load(page, 'DenseNet-121');
  await expect(page.getByTestId('calc-total-params')).toHaveText(fmt(7978856));
  await page.getByRole('button', { name: 'open all' }).click();
  await expect(rows(page)).toHaveCount(427);
  const perRow = (await page.locator('[data-testid="calc-row"] [data-col="params"]').allTextContents()).map(num);
  expect(perRow.reduce((a, b) => a + b, 0)).toBe(7978856);
  await page.getByRole('button', { name: 'close all' }).click();
  expect(await rows(page).count()).toBeLessThan(40);
  await load(page, 'AlexNet'); // a small net again: every row shown, no blocks
  await expect(rows(page)).toHaveCount(15);
  await expect(page.getByTestId('calc-group')).toHaveCount(0);
});

test('the side-by-side table: depth, parameters and mult-adds of the reference nets', async ({ page }) => {
  await page.goto(LESSON);
  const row = (key: string): Locator => page.locator(`[data-testid="arch-row"][data-key="${key}"]`);
  const expected: [string, number, number][] = [
    ['alexnet', 8, 60965224],
    ['alexnet-lrn', 8, 60965224],
    ['vgg-d', 16, vggParams(VGG['vgg-d']!)],
    ['googlenet', 22, 6624904],
    ['resnet34', 34, 21797672],
    ['resnet50', 50, 25557032],
    ['resnet50-paper', 50, 25557032],
    ['densenet121', 121, 7978856],
  ];
  for (const [key, depth, params] of expected) {
    await expect(row(key).locator('[data-col="depth"]')).toHaveText(String(depth));
    await expect(row(key).locator('[data-col="params"]')).toHaveText(fmt(params));
  }
  await expect(row('resnet50-paper').locator('[data-col="macs"]')).toHaveText('3.86');
  await expect(row('resnet50').locator('[data-col="macs"]')).toHaveText('4.09');
});
