import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/architectures';
const fmt = (n: number): string => n.toLocaleString('en-US');
const num = (text: string): number => Number(text.replace(/[^0-9]/g, ''));

async function field(scope: Locator, label: string, value: number): Promise<void> {
  await scope.getByLabel(label, { exact: true }).fill(String(value));
}

/** The test's own conv count: weights (+ biases) and multiply-adds of a 'same' conv on an H×H map. */
const conv = (cin: number, cout: number, k: number, h: number, bias = true) => ({
  params: cin * cout * k * k + (bias ? cout : 0),
  macs: h * h * cin * cout * k * k,
});

test('AlexNet: 227 -> 55 -> 27 -> 13 -> 6 from the engine, and 224 refused in place', async ({ page }) => {
  await page.goto(LESSON);
  const w = page.getByTestId('alexnet-shapes');
  const out = (id: string): Locator => w.locator(`[data-testid="alexnet-shape-row"][data-id="${id}"] [data-col="out"]`);
  const c1 = (227 - 11) / 4 + 1;
  const p1 = (c1 - 3) / 2 + 1;
  const c2 = p1 + 2 * 2 - 5 + 1; // conv2, 5×5 with padding 2, keeps the size
  const p2 = (c2 - 3) / 2 + 1;
  const p5 = (p2 - 3) / 2 + 1; // conv3-5 keep 13 (pad 1)
  expect([c1, p1, c2, p2, p5]).toEqual([55, 27, 27, 13, 6]);
  await expect(out('conv1')).toHaveText(`96×${c1}×${c1}`);
  await expect(out('pool1')).toHaveText(`96×${p1}×${p1}`);
  await expect(out('conv2')).toHaveText(`256×${c2}×${c2}`);
  await expect(out('pool2')).toHaveText(`256×${p2}×${p2}`);
  await expect(out('conv5')).toHaveText(`256×${p2}×${p2}`);
  await expect(out('pool5')).toHaveText(`256×${p5}×${p5}`);
  await w.getByLabel('224×224 (as the paper says)').check();
  await expect(w.getByTestId('alexnet-error')).toContainText('conv1');
  await expect(w.getByTestId('alexnet-shape-row')).toHaveCount(0);
  await w.getByLabel('227×227').check();
  await expect(out('pool5')).toHaveText(`256×${p5}×${p5}`);
});

test('ZFNet against AlexNet: conv1 7×7 stride 2 gives 110', async ({ page }) => {
  await page.goto(LESSON);
  const row = page.locator('[data-testid="zfnet-row"][data-id="conv1"]');
  await expect(row.locator('[data-col="out"]').first()).toHaveText('96×55×55');
  await expect(row.locator('[data-col="out"]').nth(1)).toHaveText(`96×${(225 - 7) / 2 + 1}×${(225 - 7) / 2 + 1}`);
  await expect(row.locator('[data-col="params"]').nth(1)).toHaveText(fmt(conv(3, 96, 7, 1).params));
  const conv4 = page.locator('[data-testid="zfnet-row"][data-id="conv4"] [data-col="params"]');
  await expect(conv4.nth(0)).toHaveText(fmt((384 / 2) * 384 * 9 + 384)); // two groups
  await expect(conv4.nth(1)).toHaveText(fmt(conv(512, 1024, 3, 1).params));
});

test('VGG: three 3×3 = 27C² and one 7×7 = 49C² for the C the student picks', async ({ page }) => {
  await page.goto(LESSON);
  const w = page.getByTestId('stack-compare');
  const cell = (key: string, col: string): Locator =>
    w.locator(`[data-testid="stack-row"][data-key="${key}"] [data-col="${col}"]`);
  for (const [C, H] of [
    [100, 20],
    [48, 56],
  ] as const) {
    await field(w, 'Channels C', C);
    await field(w, 'Map size (pixels)', H);
    await expect(cell('3x3', 'weights')).toHaveText(fmt(27 * C * C));
    await expect(cell('7x7', 'weights')).toHaveText(fmt(49 * C * C));
    await expect(cell('3x3', 'macs')).toHaveText(fmt(3 * H * H * 9 * C * C));
    await expect(cell('7x7', 'macs')).toHaveText(fmt(H * H * 49 * C * C));
  }
  await expect(cell('3x3', 'field')).toHaveText('7×7');
  await expect(cell('7x7', 'field')).toHaveText('7×7');
  await expect(w.getByTestId('stack-saving')).toContainText(`${((100 * 27) / 49).toFixed(1)}%`);
  await field(w, 'Channels C', 0);
  await expect(w.getByText('Use 1 or more.')).toBeVisible();
  await expect(cell('3x3', 'weights')).toHaveText(fmt(27 * 48 * 48)); // the last valid C stays
});

/** The test's own Inception module: branch params and MACs with biases, as the widget's spec has. */
function inception(cin: number, h: number, w: number[], reduce: boolean) {
  const [b1, b2r, b2, b3r, b3, pp] = w as [number, number, number, number, number, number];
  const parts = reduce
    ? [
        [conv(cin, b1, 1, h)],
        [conv(cin, b2r, 1, h), conv(b2r, b2, 3, h)],
        [conv(cin, b3r, 1, h), conv(b3r, b3, 5, h)],
        [conv(cin, pp, 1, h)],
      ]
    : [[conv(cin, b1, 1, h)], [conv(cin, b2, 3, h)], [conv(cin, b3, 5, h)], []];
  const branches = parts.map((p) => ({
    params: p.reduce((s, c) => s + c.params, 0),
    macs: p.reduce((s, c) => s + c.macs, 0),
  }));
  return {
    branches,
    depth: b1 + b2 + b3 + (reduce ? pp : cin),
    params: branches.reduce((s, b) => s + b.params, 0),
    macs: branches.reduce((s, b) => s + b.macs, 0),
  };
}

test('Inception module: params and multiply-adds with and without 1×1 reductions', async ({ page }) => {
  await page.goto(LESSON);
  const w = page.getByTestId('inception-module');
  const total = w.getByTestId('inception-total');
  const check = async (cin: number, h: number, widths: number[]): Promise<void> => {
    const naive = inception(cin, h, widths, false);
    const reduced = inception(cin, h, widths, true);
    await expect(total.locator('[data-col="depth"]').nth(0)).toHaveText(String(naive.depth));
    await expect(total.locator('[data-col="params"]').nth(0)).toHaveText(fmt(naive.params));
    await expect(total.locator('[data-col="macs"]').nth(0)).toHaveText(fmt(naive.macs));
    await expect(total.locator('[data-col="depth"]').nth(1)).toHaveText(String(reduced.depth));
    await expect(total.locator('[data-col="params"]').nth(1)).toHaveText(fmt(reduced.params));
    await expect(total.locator('[data-col="macs"]').nth(1)).toHaveText(fmt(reduced.macs));
    const five = w.locator('[data-testid="inception-branch"][data-key="b3"]');
    await expect(five.locator('[data-col="params"]').nth(0)).toHaveText(fmt(naive.branches[2]!.params));
    await expect(five.locator('[data-col="params"]').nth(1)).toHaveText(fmt(reduced.branches[2]!.params));
  };
  // GoogLeNet's inception (3a): 28×28×192 -> 64 | 96->128 | 16->32 | pool->32.
  await check(192, 28, [64, 96, 128, 16, 32, 32]);
  expect(inception(192, 28, [64, 96, 128, 16, 32, 32], true).depth).toBe(256);
  // The drawing follows the spec: a concat of 256 (reduced) or 416 (naive) channels.
  const drawing = w.locator('svg.arch-diagram');
  await expect(drawing).toContainText(`concat → ${64 + 128 + 32 + 32}×28×28`);
  await expect(drawing).toContainText('5×5 conv, 32');
  await w.getByLabel('Naive module').check();
  await expect(drawing).toContainText(`concat → ${64 + 128 + 32 + 192}×28×28`);
  await expect(drawing).not.toContainText('1×1 conv, 16');
  await w.getByLabel('With 1×1 reductions').check();
  await expect(drawing).toContainText('1×1 conv, 16');
  // The 256×28×28 example: 854,196,224 multiply-adds naive.
  await w.getByRole('button', { name: '256×28×28 example' }).click();
  await check(256, 28, [128, 64, 192, 64, 96, 64]);
  expect(inception(256, 28, [128, 64, 192, 64, 96, 64], false).macs).toBe(854_196_224);
  // Student's own module.
  await field(w, 'Input depth', 300);
  await field(w, '5×5 reduce (1×1)', 24);
  await field(w, 'Map size', 14);
  await check(300, 14, [128, 64, 192, 24, 96, 64]);
  await expect(w.getByTestId('inception-ratio')).toContainText(
    `${((100 * inception(300, 14, [128, 64, 192, 24, 96, 64], true).macs) / inception(300, 14, [128, 64, 192, 24, 96, 64], false).macs).toFixed(1)}%`,
  );
});

test('Residual block: identity vs projection, basic vs bottleneck, stride placement', async ({ page }) => {
  await page.goto(LESSON);
  const w = page.getByTestId('residual-block');
  const params = w.getByTestId('residual-params');
  const macs = w.getByTestId('residual-macs');
  const bn = (c: number): number => 2 * c;
  // Basic block, 64 -> 64 on 56×56, identity: two bias-free 3×3 convs and two batch norms.
  await expect(params).toHaveText(fmt(2 * conv(64, 64, 3, 56, false).params + 2 * bn(64)));
  await expect(macs).toHaveText(fmt(2 * conv(64, 64, 3, 56, false).macs));
  await expect(w.getByTestId('residual-shortcut')).toContainText('no parameters');

  // Bottleneck on 256 channels, width 64: 1×1 256->64, 3×3 64->64, 1×1 64->256.
  await w.getByLabel('Bottleneck (1×1, 3×3, 1×1)').check();
  await field(w, 'Input depth', 256);
  const bottleneck =
    conv(256, 64, 1, 56, false).params + conv(64, 64, 3, 56, false).params + conv(64, 256, 1, 56, false).params;
  await expect(params).toHaveText(fmt(bottleneck + bn(64) + bn(64) + bn(256)));

  // Stride 2 and wider: identity cannot be added, the engine says to project.
  await field(w, 'Inner width (output is 4×)', 128);
  await w.getByLabel('2 (halve the map)').check();
  await expect(w.getByTestId('residual-error')).toContainText('Project the shortcut');
  await w.getByLabel('1×1 projection').check();
  await expect(w.getByTestId('residual-error')).toHaveCount(0);
  const bnAll = bn(128) + bn(128) + bn(512) + bn(512);
  const p =
    conv(256, 128, 1, 1, false).params + conv(128, 128, 3, 1, false).params + conv(128, 512, 1, 1, false).params;
  const proj = conv(256, 512, 1, 1, false).params;
  await expect(params).toHaveText(fmt(p + proj + bnAll));
  await expect(w.getByTestId('residual-shortcut')).toContainText(fmt(proj + bn(512)));
  // Stride on the 3×3 (torchvision): the first 1×1 runs on 56×56; on the 1×1 (paper): on 28×28.
  const tail = conv(128, 128, 3, 28).macs + conv(128, 512, 1, 28).macs + conv(256, 512, 1, 28).macs;
  await expect(macs).toHaveText(fmt(conv(256, 128, 1, 56).macs + tail));
  await w.getByLabel('first 1×1 (paper)').check();
  await expect(macs).toHaveText(fmt(conv(256, 128, 1, 28).macs + tail));
  await expect(params).toHaveText(fmt(p + proj + bnAll));
  await expect(w.locator('[data-testid="residual-layer"][data-id="out"] [data-col="out"]')).toHaveText('512×28×28');
});

test('Dense block: depth C0 + L·k, and each layer reads the growing concatenation', async ({ page }) => {
  await page.goto(LESSON);
  const w = page.getByTestId('dense-block');
  await expect(w.getByTestId('dense-out-depth')).toHaveText(String(64 + 6 * 32));
  await field(w, 'Growth rate k', 12);
  await field(w, 'Layers in the block', 4);
  await field(w, 'Input depth', 24);
  await expect(w.getByTestId('dense-out-depth')).toHaveText(String(24 + 4 * 12));
  await expect(w.getByTestId('dense-row')).toHaveCount(4);
  const row = (l: number): Locator => w.locator(`[data-testid="dense-row"][data-layer="${l}"]`);
  const cin3 = 24 + 2 * 12;
  await expect(row(3).locator('[data-col="in"]')).toHaveText(String(cin3));
  // BN on cin, 1×1 to 4k, BN on 4k, 3×3 to k (bias-free convs).
  await expect(row(3).locator('[data-col="params"]')).toHaveText(fmt(2 * cin3 + cin3 * 48 + 2 * 48 + 48 * 12 * 9));
  await expect(row(3).locator('[data-col="out"]')).toHaveText(String(cin3 + 12));
  await w.getByLabel('1×1 bottleneck to 4k first (DenseNet-B)').uncheck();
  await expect(row(3).locator('[data-col="params"]')).toHaveText(fmt(2 * cin3 + cin3 * 12 * 9));
  await expect(w.getByTestId('dense-out-depth')).toHaveText(String(24 + 4 * 12));
});

/** The test's own ResNet-50 multiply-adds, with the stride of each stage's first block on the 1×1 or the 3×3. */
function resnet50Macs(strideOn: '1x1' | '3x3'): number {
  let total = 112 * 112 * 64 * 3 * 49 + 2048 * 1000;
  let cin = 64;
  let size = 56;
  [64, 128, 256, 512].forEach((width, s) => {
    for (let b = 0; b < [3, 4, 6, 3][s]!; b++) {
      const stride = s > 0 && b === 0 ? 2 : 1;
      const out = size / stride;
      total += (strideOn === '1x1' ? out : size) ** 2 * cin * width;
      total += out * out * width * width * 9 + out * out * width * 4 * width;
      if (b === 0) total += out * out * cin * 4 * width;
      cin = 4 * width;
      size = out;
    }
  });
  return total;
}

test('the comparison table: engine counts beside the lecture, and the notes', async ({ page }) => {
  await page.goto(LESSON);
  const row = (key: string): Locator => page.locator(`[data-testid="compare-row"][data-key="${key}"]`);
  const alexnet =
    96 * 3 * 121 +
    96 +
    (256 * 48 * 25 + 256) +
    (384 * 256 * 9 + 384) +
    (384 * 192 * 9 + 384) +
    (256 * 192 * 9 + 256) +
    (256 * 36 * 4096 + 4096) +
    (4096 * 4096 + 4096) +
    (4096 * 1000 + 1000);
  const lenet = 6 * 25 + 6 + (16 * 6 * 25 + 16) + (120 * 16 * 25 + 120) + (120 * 84 + 84) + (84 * 10 + 10);
  await expect(row('alexnet').locator('[data-col="params"]')).toContainText(fmt(alexnet));
  await expect(row('lenet5').locator('[data-col="params"]')).toContainText(fmt(lenet));
  await expect(row('googlenet').locator('[data-col="params"]')).toContainText('6,624,904');
  await expect(row('resnet50').locator('[data-col="params"]')).toContainText('25,557,032');
  await expect(row('resnet50-paper').locator('[data-col="params"]')).toContainText('25,557,032');
  await expect(row('resnet50').locator('[data-col="macs"]')).toContainText(fmt(resnet50Macs('3x3')));
  await expect(row('resnet50-paper').locator('[data-col="macs"]')).toContainText(fmt(resnet50Macs('1x1')));
  expect((resnet50Macs('1x1') / 1e9).toPrecision(3)).toBe('3.86');
  expect((resnet50Macs('3x3') / 1e9).toPrecision(3)).toBe('4.09');
  await expect(row('googlenet')).toContainText('6.66%');
  await expect(row('alexnet')).toContainText('60M');
  for (const r of await page.getByTestId('compare-row').all()) await expect(r).toHaveAttribute('data-state', 'ok');
  const notes = page.getByTestId('note-resnet');
  await expect(notes).toContainText(`${(resnet50Macs('1x1') / 1e9).toPrecision(3)} G`);
  await expect(notes).toContainText(`${(resnet50Macs('3x3') / 1e9).toPrecision(3)} G`);
  await expect(page.getByTestId('note-googlenet')).toContainText('6,624,904');
  await expect(page.getByTestId('note-googlenet')).toContainText(fmt(1024 * 1000 + 1000));
});

test('a reference net layer by layer: GoogLeNet’s rows add up to its total', async ({ page }) => {
  await page.goto(LESSON);
  const g = page.locator('[data-testid="net-layers"][data-key="googlenet"]');
  await g.locator('summary').click();
  const rows = g.getByTestId('net-layer-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(100);
  const perRow = (await g.locator('[data-col="params"]').allTextContents()).map(num);
  expect(perRow.reduce((a, b) => a + b, 0)).toBe(6_624_904);
  const a = page.locator('[data-testid="net-layers"][data-key="alexnet-lrn"]');
  await a.locator('summary').click();
  await expect(a.locator('[data-testid="net-layer-row"][data-id="conv1"] [data-col="params"]')).toHaveText(
    fmt(96 * 3 * 121 + 96),
  );
});

async function answer(page: Page, id: string, text: string): Promise<Locator> {
  const ex = page.locator(`[data-exercise="${id}"]`);
  await ex.getByLabel('Your answer').fill(text);
  await ex.getByLabel('Your answer').press('Enter');
  return ex;
}
const params = async (page: Page, id: string): Promise<Record<string, number>> =>
  JSON.parse((await page.locator(`[data-exercise="${id}"]`).getAttribute('data-params')) ?? '{}');

test('exercises: output size, 3×3 stack, Inception branch, dense block depth', async ({ page }) => {
  await page.goto(LESSON);
  const c = await params(page, 'conv1-size');
  expect(c).toEqual({ N: 227, F: 11, S: 4, P: 0 });
  let ex = await answer(page, 'conv1-size', '54');
  await expect(ex.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  ex = await answer(page, 'conv1-size', String((c.N! - c.F! + 2 * c.P!) / c.S! + 1));
  await expect(ex.getByRole('status')).toHaveAttribute('data-result', 'right');

  const t = await params(page, 'three-by-three');
  ex = await answer(page, 'three-by-three', `${27 * t.C! * t.C!} ${49 * t.C! * t.C!}`);
  await expect(ex.getByRole('status')).toHaveAttribute('data-result', 'right');

  const i = await params(page, 'inception-branch');
  const direct = i.F! * i.F! * i.C! * i.K!;
  const reduced = i.C! * i.R! + i.F! * i.F! * i.R! * i.K!;
  ex = await answer(page, 'inception-branch', `${reduced} ${direct}`);
  await expect(ex.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  ex = await answer(page, 'inception-branch', `${direct} ${reduced}`);
  await expect(ex.getByRole('status')).toHaveAttribute('data-result', 'right');

  await page.locator('[data-exercise="dense-channels"]').getByRole('button', { name: 'New numbers' }).click();
  const d = await params(page, 'dense-channels');
  ex = await answer(page, 'dense-channels', String(d.C0! + d.L! * d.k!));
  await expect(ex.getByRole('status')).toHaveAttribute('data-result', 'right');
});
