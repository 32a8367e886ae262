import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { expect, test } from './fixtures';

/*
 * Your own images, as a student would: camera frames for one class (Chromium's fake camera, fed a
 * black-and-white checkerboard video with --use-file-for-fake-video-capture), generated red and
 * blue PNG files for two more, a non-image refused by name, too few images refused in words,
 * training from scratch and on the MNIST base, live prediction bars from the camera, and the set
 * and the model saved and loaded back.
 */
const system = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A short Y4M video (4:2:0) of a checkerboard that shifts by a pixel each frame, written where
 * Chromium's fake camera can read it: the camera class looks like nothing the files show.
 */
function checkerboardVideo(): string {
  const [width, height, frames] = [64, 48, 10];
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < frames; f++) {
    const luma = Buffer.alloc(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) luma[y * width + x] = (((x + f) >> 3) + (y >> 3)) % 2 ? 235 : 16;
    }
    const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
    parts.push(Buffer.from('FRAME\n'), luma, chroma);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'convlab-camera-')), 'checkerboard.y4m');
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

test.use({
  launchOptions: {
    executablePath: existsSync(system) ? system : undefined,
    args: [
      ...chromiumArgs,
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${checkerboardVideo()}`,
      '--use-fake-ui-for-media-stream',
    ],
  },
  permissions: ['camera'],
});

/** `count` PNGs of one solid colour with a little noise ('red' or 'blue'), made by the page's own canvas. */
async function solidPngs(
  page: Page,
  count: number,
  colour: 'red' | 'blue',
): Promise<{ name: string; mimeType: string; buffer: Buffer }[]> {
  const urls = await page.evaluate(
    ({ n, blue }) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) {
        const canvas = document.createElement('canvas');
        canvas.width = 48;
        canvas.height = 40;
        const ctx = canvas.getContext('2d')!;
        const strong = 200 + (i % 5) * 10;
        ctx.fillStyle = blue ? `rgb(${i % 3}, ${i % 7}, ${strong})` : `rgb(${strong}, ${i % 7}, ${i % 3})`;
        ctx.fillRect(0, 0, 48, 40);
        out.push(canvas.toDataURL('image/png'));
      }
      return out;
    },
    { n: count, blue: colour === 'blue' },
  );
  return urls.map((url, i) => ({
    name: `${colour}-${i}.png`,
    mimeType: 'image/png',
    buffer: Buffer.from(url.split(',')[1]!, 'base64'),
  }));
}

async function fillClasses(page: Page, cameraFrames = 12, files = 12): Promise<void> {
  await page.goto('/#/own-images');
  await page.getByRole('button', { name: 'Turn on the camera' }).click();
  await expect(page.getByTestId('own-camera')).toHaveAttribute('data-state', 'on');
  await expect.poll(() => page.locator('video').evaluate((v) => (v as HTMLVideoElement).videoWidth)).toBeGreaterThan(0);
  const hold = page.getByTestId('own-class-0').getByRole('button', { name: 'Hold to add from camera' });
  await hold.focus();
  // Enter adds one frame per press (the keyboard way to hold the button).
  const count0 = page.getByTestId('own-class-0').getByTestId('own-class-count');
  for (let i = 0; i < cameraFrames; i++) {
    await page.keyboard.press('Enter');
    await expect(count0).toHaveText(new RegExp(`^${i + 1} image`), { timeout: 10_000 });
  }
  await page
    .getByTestId('own-class-1')
    .getByLabel('Add files')
    .setInputFiles([
      ...(await solidPngs(page, files, 'red')),
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') },
    ]);
  await expect(page.getByTestId('own-class-1').getByTestId('own-class-count')).toHaveText(`${files} images`);
  await expect(page.getByTestId('own-notice')).toContainText('notes.txt (not an image)');
}

test('too few images are refused in words; a scratch net learns camera, red and blue at 90% or more on held-out images', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await fillClasses(page, 4, 20);
  await page.getByRole('button', { name: 'Add a class' }).click();
  await page
    .getByTestId('own-class-2')
    .getByLabel('Add files')
    .setInputFiles(await solidPngs(page, 20, 'blue'));
  await expect(page.getByTestId('own-class-2').getByTestId('own-class-count')).toHaveText('20 images');
  await page.getByRole('radio', { name: /^Nothing: a small conv net/ }).check();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('own-train-error')).toContainText('at least 5 images');
  await expect(page.getByTestId('own-train-error')).toContainText('"Class 1" has 4');

  await page.getByTestId('own-class-0').getByRole('button', { name: 'Hold to add from camera' }).focus();
  for (let i = 4; i < 20; i++) await page.keyboard.press('Enter');
  await expect(page.getByTestId('own-class-0').getByTestId('own-class-count')).toHaveText('20 images');
  await page.getByTestId('own-class-0').getByRole('textbox').fill('Camera');
  await page.getByTestId('own-class-1').getByRole('textbox').fill('Red');
  await page.getByTestId('own-class-2').getByRole('textbox').fill('Blue');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('own-train')).toHaveAttribute('data-phase', 'done', { timeout: 240_000 });
  // 60 images: every fifth of each class (4 + 4 + 4) is held out, and the net never trains on them.
  // Checkerboard frames, red squares and blue squares separate easily.
  const accuracy = page.getByTestId('own-test-accuracy');
  await expect(accuracy).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('own-test')).toContainText('of 12 right');
  expect(Number.parseFloat((await accuracy.textContent()) ?? '0')).toBeGreaterThanOrEqual(90);

  // Live: the camera shows class "Camera", so its bar leads.
  const bars = page.getByTestId('own-bar');
  await expect(bars).toHaveCount(3);
  await expect
    .poll(
      async () => (await bars.locator('meter').evaluateAll((ms) => ms.map((m) => (m as HTMLMeterElement).value)))[0],
      {
        timeout: 30_000,
      },
    )
    .toBeGreaterThan(0.5);
  const values = await bars.locator('meter').evaluateAll((ms) => ms.map((m) => (m as HTMLMeterElement).value));
  expect(values[0]! + values[1]! + values[2]!).toBeCloseTo(1, 3);

  // Save the set and the model, change the set, load both back.
  const zipDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save images (.zip)' }).click();
  const zipPath = await (await zipDownload).path();
  const modelDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save model (.convlab)' }).click();
  const modelPath = await (await modelDownload).path();
  await page.getByTestId('own-class-1').getByRole('button', { name: 'Delete all images' }).click();
  await expect(page.getByTestId('own-class-1').getByTestId('own-class-count')).toHaveText(/^0 images/);
  await page
    .getByLabel('Load images')
    .setInputFiles({ name: 'my-images.zip', mimeType: 'application/zip', buffer: readFileSync(zipPath) });
  await expect(page.getByTestId('own-save-message')).toContainText('Loaded 60 images in 3 classes');
  await expect(page.getByTestId('own-class-1').getByRole('textbox')).toHaveValue('Red');
  await expect(page.getByTestId('own-class-1').getByTestId('own-class-count')).toHaveText('20 images');
  await expect(page.getByTestId('own-class-2').getByRole('textbox')).toHaveValue('Blue');
  await page
    .getByLabel('Load model')
    .setInputFiles({ name: 'm.convlab', mimeType: 'application/octet-stream', buffer: readFileSync(modelPath) });
  await expect(page.getByTestId('own-save-message')).toContainText('predicts from the camera now');
  await expect
    .poll(
      async () => (await bars.locator('meter').evaluateAll((ms) => ms.map((m) => (m as HTMLMeterElement).value)))[0],
      {
        timeout: 60_000,
      },
    )
    .toBeGreaterThan(0.5);
  // A file that is not a saved set is refused in words.
  await page
    .getByLabel('Load images')
    .setInputFiles({ name: 'x.zip', mimeType: 'application/zip', buffer: Buffer.from('PK nonsense') });
  await expect(page.getByTestId('own-save-message')).toContainText('not a readable zip');
});

test('the default start pretrains an MNIST base, then learns the classes on its frozen conv layers', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await fillClasses(page, 10, 10);
  await expect(page.getByRole('radio', { name: /^A net trained on MNIST here/ })).toBeChecked();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('own-train')).toHaveAttribute('data-phase', 'pretraining');
  await expect(page.getByLabel('MNIST base progress')).toBeVisible();
  await expect(page.getByTestId('own-train')).toHaveAttribute('data-phase', 'done', { timeout: 360_000 });
  await expect(page.getByTestId('own-test')).toContainText('of 4 right', { timeout: 60_000 });
});
