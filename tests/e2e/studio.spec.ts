import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/*
 * The training studio end to end in the default browser (WebGPU exposed): the backend line, the
 * dataset and samples, drawing a digit, and an invalid edit. Training to 90% runs in
 * studio-cpu.spec.ts, on the CPU engine, whose speed here is known.
 */
const STUDIO = '/#/studio';

async function openStudio(page: Page): Promise<void> {
  await page.goto(STUDIO);
  await expect(page.getByTestId('backend-status')).toContainText(/(CPU|WebGPU) engine/, { timeout: 30_000 });
  await expect(page.getByTestId('dataset-info')).toContainText('validate', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^Start/ })).toBeEnabled({ timeout: 30_000 });
}

test('the studio says which engine trains and why, and is linked from the header', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Training studio' }).click();
  await expect(page).toHaveURL(/#\/studio(\?|$)/);
  await expect(page.getByTestId('backend-status')).toContainText(/(CPU|WebGPU) engine/, { timeout: 30_000 });
  // The reason is a sentence, not just a name.
  expect(((await page.getByTestId('backend-status').textContent()) ?? '').length).toBeGreaterThan(30);
  // 'auto' never takes a software adapter (SwiftShader here): a hardware GPU, or else the
  // WebAssembly engine, whose line names its threads.
  const engine = await page.getByTestId('backend-status').locator('[data-backend]').getAttribute('data-backend');
  if (engine === 'wasm') {
    const threads = Math.min(4, await page.evaluate(() => navigator.hardwareConcurrency));
    await expect(page.getByTestId('engine-name')).toHaveText(
      `CPU engine: WebAssembly SIMD, ${threads} thread${threads === 1 ? '' : 's'}`,
    );
  } else {
    expect(engine).toBe('webgpu');
    await expect(page.getByTestId('backend-status')).not.toContainText(/swiftshader/i);
  }
  await expect(page.getByTestId('dataset-info')).toContainText(
    'MNIST subset (built in): 1×28×28 images, 10 classes — 7,000 to train',
    {
      timeout: 60_000,
    },
  );
  await expect(page.getByTestId('sample-grid').getByRole('button')).toHaveCount(24);
});

test('the dataset browser pages through each split, one class or all', async ({ page }) => {
  await openStudio(page);
  const browser = page.getByTestId('dataset-browser');
  const range = browser.getByTestId('browser-range');
  await expect(range).toContainText('1–24 of 1,000');
  const cells = browser.locator('.sample-cell');
  await expect(cells).toHaveCount(24);

  // One class: every image on the page carries that label, and the count matches the option's.
  const classSelect = browser.getByLabel('Class');
  const option = (await classSelect.locator('option[value="3"]').textContent()) ?? '';
  const count = Number(/\((\d[\d,]*)\)/.exec(option)?.[1]?.replace(/,/g, ''));
  expect(count).toBeGreaterThan(24);
  await classSelect.selectOption('3');
  await expect(range).toContainText(`1–24 of ${count}`);
  expect(new Set(await cells.evaluateAll((li) => li.map((x) => x.getAttribute('data-label'))))).toEqual(new Set(['3']));
  await browser.getByRole('button', { name: /^Next/ }).click();
  await expect(range).toContainText(`25–${Math.min(48, count)} of ${count}`);
  await expect(browser.getByRole('button', { name: /Previous/ })).toBeEnabled();

  // A validation image can be picked for the inspector; test images are only shown.
  const first = browser.getByRole('button', { name: /^Validation sample/ }).first();
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await browser.getByLabel('Split').selectOption('test');
  await classSelect.selectOption('');
  await expect(range).toHaveText('1–24 of 2,000');
  await expect(browser.getByRole('button', { name: /^Validation sample/ })).toHaveCount(0);
  await expect(cells).toHaveCount(24);
});

test('a drawn digit gets a prediction whose probabilities sum to 1', async ({ page }) => {
  await openStudio(page);
  const canvas = page.getByTestId('draw-canvas');
  const box = (await canvas.boundingBox())!;
  // A "7": a bar across the top, then a stroke down to the lower left.
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.25);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.25, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.8, { steps: 8 });
  await page.mouse.up();

  const bars = page.getByTestId('probabilities').locator('li');
  await expect(bars).toHaveCount(10, { timeout: 10_000 });
  const probabilities = await bars.evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-p'))));
  expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  await expect(page.getByTestId('predicted-class')).toHaveText(/^[0-9]$/);
  await expect(page.getByRole('list', { name: 'Top three' }).locator('li')).toHaveCount(3);
  // The inspector now shows the drawing's activations.
  await expect(page.getByTestId('activations-view')).toContainText('your drawing');
});

/** A PNG drawn in the page: a dark "7" on white paper, as a phone photo of a written digit would be. */
async function paperDigitPng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 120;
    canvas.height = 90; // not square: the studio takes the centre square
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#f4f1e8';
    g.fillRect(0, 0, 120, 90);
    g.strokeStyle = '#202020';
    g.lineWidth = 9;
    g.beginPath();
    g.moveTo(38, 20);
    g.lineTo(82, 20);
    g.lineTo(55, 75);
    g.stroke();
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

test('an uploaded image gets a prediction on MNIST and on CIFAR-10, and a non-image is refused', async ({ page }) => {
  test.setTimeout(120_000);
  await openStudio(page);
  const tryIt = page.getByTestId('try-it');
  const upload = tryIt.getByLabel(/upload an image/i);
  await upload.setInputFiles({ name: 'seven.png', mimeType: 'image/png', buffer: await paperDigitPng(page) });
  await expect(tryIt).toContainText('seven.png, centre square at 28×28, inverted to light on dark like MNIST');
  const bars = page.getByTestId('probabilities').locator('li');
  await expect(bars).toHaveCount(10, { timeout: 10_000 });
  const probabilities = await bars.evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-p'))));
  expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);

  await upload.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
  await expect(tryIt.getByRole('alert')).toContainText('not an image this browser can read');

  // CIFAR-10-shaped data from two small batch files in the official record format (label + 3,072 bytes).
  const batch = (records: number): Buffer => {
    const bytes = Buffer.alloc(records * 3073);
    for (let i = 0; i < records; i++) {
      bytes[i * 3073] = i % 10;
      for (let p = 0; p < 3072; p++) bytes[i * 3073 + 1 + p] = ((i % 10) * 25 + ((p * 7 + i) % 30)) & 255;
    }
    return bytes;
  };
  await page.getByLabel('Validation images').fill('100');
  await page
    .getByTestId('drop-zone')
    .locator('input[type=file]')
    .setInputFiles([
      ...[1, 2, 3, 4, 5].map((n) => ({
        name: `data_batch_${n}.bin`,
        mimeType: 'application/octet-stream',
        buffer: batch(100),
      })),
      { name: 'test_batch.bin', mimeType: 'application/octet-stream', buffer: batch(100) },
    ]);
  await expect(page.getByTestId('dataset-info')).toContainText('3×32×32 images', { timeout: 60_000 });
  await expect(page.getByTestId('draw-canvas')).toHaveCount(0);
  await upload.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: await paperDigitPng(page) });
  await expect(tryIt).toContainText('photo.png, centre square at 32×32.');
  await expect(bars).toHaveCount(10, { timeout: 20_000 });
  await expect(page.getByTestId('predicted-class')).toHaveText(
    /^(airplane|automobile|bird|cat|deer|dog|frog|horse|ship|truck)$/,
  );
});

test('an invalid layer edit is explained next to its row and the page keeps working', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Model' }).click();
  const kernel = page.getByRole('textbox', { name: /^Kernel of layer 3 / });
  await kernel.fill('13'); // the second conv's input is 10×12×12: a 13×13 kernel does not fit
  const row = page.getByTestId('layer-row-3');
  await expect(row.getByTestId('layer-error')).toContainText('13');
  await expect(page.getByTestId('layer-row-1').getByTestId('layer-shape')).toHaveText('10×24×24');
  await expect(page.getByTestId('model-totals')).toContainText('last valid model');
  await expect(page.getByTestId('network-diagram')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Start/ })).toBeEnabled();

  // A step still trains the last valid model.
  await page.getByRole('button', { name: /^Step/ }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');

  await kernel.fill('5');
  await expect(row.getByTestId('layer-error')).toHaveCount(0);
  await expect(row.getByTestId('layer-shape')).toHaveText('10×8×8');
});

test('the builder edits dilation and bias, and the batch-norm and dropout switches add their layers', async ({
  page,
}) => {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Model' }).click();
  const totals = page.getByTestId('model-totals');
  await expect(totals).toContainText('19,880 parameters');
  // Dilation 2 spreads the 5×5 taps over 9×9: 28 − 9 + 1 = 20.
  const dilation = page.getByRole('textbox', { name: /^Dilation of layer 1 / });
  await dilation.fill('2');
  await expect(page.getByTestId('layer-row-1').getByTestId('layer-shape')).toHaveText('10×20×20');
  await dilation.fill('');
  await expect(page.getByTestId('layer-row-1').getByTestId('layer-shape')).toHaveText('10×24×24');
  // No bias on the first conv: its 10 bias parameters go.
  const bias = page.getByRole('checkbox', { name: /^Bias of layer 1 / });
  await bias.uncheck();
  await expect(totals).toContainText('19,870 parameters');
  await bias.check();
  await expect(totals).toContainText('19,880 parameters');

  await page.getByRole('tab', { name: 'Hyperparameters' }).click();
  await page.getByRole('checkbox', { name: /Batch norm after every convolution/ }).check();
  await page.getByRole('checkbox', { name: /Dropout before the classifier/ }).check();
  await page.getByRole('tab', { name: 'Model' }).click();
  // conv → batchnorm → relu twice (+2·10 gamma and beta each), and dropout before the last dense.
  await expect(totals).toContainText('13 layers');
  await expect(totals).toContainText('19,920 parameters');
  const types = await page
    .locator('[data-testid^="layer-row-"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')));
  expect(types).toEqual([
    'input',
    'conv2d',
    'batchnorm',
    'activation',
    'maxpool',
    'conv2d',
    'batchnorm',
    'activation',
    'maxpool',
    'flatten',
    'dense',
    'dropout',
    'dense',
  ]);
  // The edited net trains.
  await page.getByRole('button', { name: /^Step/ }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
});

test('on WebGPU (SwiftShader here) the lecture net trains past 90% validation accuracy, with shift augmentation on the GPU', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await openStudio(page);
  await page.getByLabel('Engine').selectOption('webgpu');
  await expect(page.getByTestId('backend-status')).toContainText('WebGPU engine', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^Start/ })).toBeEnabled({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Hyperparameters' }).click();
  await page.getByLabel('Batch size', { exact: true }).fill('64');
  await page.getByLabel('Learning rate', { exact: true }).fill('0.002');
  // Augmentation runs on the GPU too (shaders/augment_batch.wgsl): shifted digits still train.
  await page.getByLabel(/Shift/).check();
  await page.getByRole('button', { name: /^Reset/ }).click();
  await page.getByRole('button', { name: /^Start/ }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'running');
  // Validation runs at the end of each epoch of the 7,000 training images.
  await expect
    .poll(async () => Number((await page.getByTestId('val-accuracy').getAttribute('data-value')) || 0), {
      timeout: 360_000,
      intervals: [3000],
    })
    .toBeGreaterThan(0.9);
  await expect(page.getByTestId('backend-status')).toContainText('WebGPU engine');
  const throughput = await page.getByTestId('throughput').getAttribute('data-value');
  console.log(`studio on WebGPU: validation accuracy > 90%; ${Math.round(Number(throughput))} images/s`);
});

test('the builder adds an LRN layer and a concat, shows their shapes, and explains an impossible concat', async ({
  page,
}) => {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Model' }).click();
  const row = (i: number) => page.getByTestId(`layer-row-${i}`);
  // Layer 2 (the first max pool) becomes an LRN: it keeps 10×24×24, so the second conv sees 24×24.
  await page.getByRole('combobox', { name: /^Type of layer 2 / }).selectOption('lrn');
  await expect(row(2).getByTestId('layer-shape')).toHaveText('10×24×24');
  await expect(row(3).getByTestId('layer-shape')).toHaveText('10×20×20'); // 24 − 5 + 1
  const windowN = page.getByRole('textbox', { name: /^Window n of layer 2 / });
  await windowN.fill('0');
  await expect(row(2).getByTestId('layer-error')).toContainText('"size" must be a whole number of at least 1');
  await windowN.fill('3');
  await page.getByRole('textbox', { name: /^k of layer 2 / }).fill('0');
  await expect(row(2).getByTestId('layer-error')).toContainText('"k" must be above 0');
  await page.getByRole('textbox', { name: /^k of layer 2 / }).fill('1');
  await page.getByRole('textbox', { name: /^Alpha of layer 2 / }).fill('0.5');
  await page.getByRole('textbox', { name: /^Beta of layer 2 / }).fill('0.75');
  await expect(row(2).getByTestId('layer-error')).toHaveCount(0);

  // Layer 4 (the second pool) becomes a concat of the two layers above it: 10×24×24 and 10×20×20.
  await page.getByRole('combobox', { name: /^Type of layer 4 / }).selectOption('concat');
  await expect(page.getByRole('checkbox', { name: /^Join lrn_1 in layer 4 / })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Join conv2d_2 in layer 4 / })).toBeChecked();
  await expect(row(4).getByTestId('layer-error')).toContainText('same height and width');
  await expect(row(4).getByTestId('layer-error')).toContainText('"lrn_1" [10, 24, 24], "conv2d_2" [10, 20, 20]');
  await expect(page.getByTestId('model-totals')).toContainText('last valid model');
  // 'same' padding keeps the second conv at 24×24: the join stacks 10 + 10 channels.
  await page.getByRole('textbox', { name: /^Padding of layer 3 / }).fill('same');
  await expect(row(4).getByTestId('layer-error')).toHaveCount(0);
  await expect(row(4).getByTestId('layer-shape')).toHaveText('20×24×24');
  await expect(row(5).getByTestId('layer-shape')).toHaveText(String(20 * 24 * 24));
  // Unticking one input leaves a single one, which is refused too.
  await page.getByRole('checkbox', { name: /^Join lrn_1 in layer 4 / }).uncheck();
  await expect(row(4).getByTestId('layer-error')).toContainText('two or more layers');
  await page.getByRole('checkbox', { name: /^Join conv2d_1 in layer 4 / }).check();
  await expect(row(4).getByTestId('layer-shape')).toHaveText('20×24×24');
  await expect(page.getByTestId('network-diagram')).toBeVisible();
  // The edited net trains a step on this page's engine.
  await page.getByRole('button', { name: /^Step/ }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
});
