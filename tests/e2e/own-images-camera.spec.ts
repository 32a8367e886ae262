import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/*
 * Your own images without a camera (issue 13): the browser refuses the camera (NotAllowedError),
 * has none (NotFoundError), or offers no camera API at all (plain http). Each time the page says
 * so in words, points to the other ways, and files and drawings still fill the classes; nothing
 * else breaks (the fixture fails the test on any page error or console error).
 */

/** Makes getUserMedia reject with a DOMException named `name`, or removes mediaDevices when null. */
async function cameraAnswers(page: Page, name: string | null): Promise<void> {
  await page.addInitScript((error) => {
    if (error === null) {
      Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
      return;
    }
    const refuse = (): Promise<MediaStream> => Promise.reject(new DOMException(`fake ${error}`, error));
    Object.defineProperty(navigator.mediaDevices, 'getUserMedia', { value: refuse, configurable: true });
  }, name);
}

/** A 24-pixel PNG of one colour, made by the page's own canvas. */
async function png(page: Page, colour: string): Promise<Buffer> {
  const url = await page.evaluate((fill) => {
    const canvas = document.createElement('canvas');
    canvas.width = 24;
    canvas.height = 24;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = fill;
    ctx.fillRect(0, 0, 24, 24);
    return canvas.toDataURL('image/png');
  }, colour);
  return Buffer.from(url.split(',')[1]!, 'base64');
}

/** Files into class 1 and a drawing into class 2: both ways work without a camera. */
async function addWithoutCamera(page: Page): Promise<void> {
  const first = page.getByTestId('own-class-0');
  await first.getByLabel('Add files').setInputFiles([
    { name: 'a.png', mimeType: 'image/png', buffer: await png(page, '#c00') },
    { name: 'b.png', mimeType: 'image/png', buffer: await png(page, '#0c0') },
  ]);
  await expect(first.getByTestId('own-class-count')).toHaveText(/^2 images/);

  const second = page.getByTestId('own-class-1');
  await second.getByRole('button', { name: 'Draw' }).click();
  const pad = second.getByTestId('draw-canvas');
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.7, { steps: 8 });
  await page.mouse.up();
  await second.getByRole('button', { name: 'Add this drawing' }).click();
  await expect(second.getByTestId('own-class-count')).toHaveText(/^1 image/);
}

const CASES = [
  {
    what: 'the camera is refused (NotAllowedError)',
    error: 'NotAllowedError',
    words: /The camera was not allowed\. To use it, allow camera access for this page/,
  },
  { what: 'there is no camera (NotFoundError)', error: 'NotFoundError', words: /No camera was found/ },
  {
    what: 'the page has no camera API (plain http)',
    error: null,
    words: /browsers allow cameras only on https:\/\/ pages and on localhost/,
  },
] as const;

for (const c of CASES) {
  test(`when ${c.what}, the page says so in words and files and drawings still work`, async ({ page }) => {
    await cameraAnswers(page, c.error);
    await page.goto('/#/own-images');
    const camera = page.getByTestId('own-camera');
    await page.getByRole('button', { name: 'Turn on the camera' }).click();
    await expect(camera).toHaveAttribute('data-state', 'problem');
    await expect(page.getByTestId('own-camera-problem')).toHaveText(c.words);
    await expect(page.getByTestId('own-camera-other-ways')).toContainText('Add files');
    await expect(page.getByTestId('own-camera-other-ways')).toContainText('Draw');
    // No preview, and the camera buttons stay off (with a reason) rather than failing when pressed.
    await expect(camera.locator('video')).toHaveCount(0);
    const hold = page.getByTestId('own-class-0').getByRole('button', { name: 'Hold to add from camera' });
    await expect(hold).toBeDisabled();
    await expect(hold).toHaveAttribute('title', 'Turn on the camera first');

    await addWithoutCamera(page);
    // Asking again gives the same answer, and the images already added stay.
    await page.getByRole('button', { name: 'Turn on the camera' }).click();
    await expect(page.getByTestId('own-camera-problem')).toHaveText(c.words);
    await expect(page.getByTestId('own-class-0').getByTestId('own-class-count')).toHaveText(/^2 images/);
  });
}
