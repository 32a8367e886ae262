/**
 * Shared set-up for studio e2e specs that bring in a small model through a share link
 * (#/studio?a=...): the link itself, opening the studio on it, the inspector region, and a check
 * that a canvas is not blank.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Two conv stages of different widths, then dense (summary: 0 input, 1 conv, 2 pool, 3 conv, 4 pool, 5 flatten of 294, 6 dense). */
export const TWO_SMALL_CONVS = {
  name: 'Two small convs',
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', filters: 4, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'conv2d', filters: 6, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 10 },
  ],
};

/** A share link that sets up `spec` on the embedded MNIST, 1,000 validation images, batch 64, one epoch. */
export function studioLink(spec: object): string {
  const a = Buffer.from(JSON.stringify(spec), 'utf8').toString('base64url');
  return `/#/studio?v=1&d=embedded-mnist&val=1000&a=${a}&bs=64&ep=1`;
}

/** Opens the studio on `spec`'s link and waits until it is ready to train, notice dismissed. */
export async function openStudioWith(page: Page, spec: { readonly name: string }): Promise<void> {
  await page.goto(studioLink(spec));
  await expect(page.getByTestId('backend-status')).toContainText(/(CPU|WebGPU) engine/, { timeout: 30_000 });
  await expect(page.getByTestId('dataset-info')).toContainText('validate', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^Start/ })).toBeEnabled({ timeout: 30_000 });
  const notice = page.getByTestId('keep-notice');
  await expect(notice).toContainText(`shared link: ${spec.name}`);
  await expect(notice).not.toContainText('Ignored');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
}

export const inspector = (page: Page): Locator => page.getByRole('region', { name: 'Inside the network' });

/** How many different values a canvas's red channel takes: 1 means it is blank or flat. */
export async function distinctLevels(canvas: Locator): Promise<number> {
  return canvas.evaluate((c) => {
    const el = c as HTMLCanvasElement;
    const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
    const levels = new Set<number>();
    for (let i = 0; i < data.length; i += 4) levels.add(data[i]!);
    return levels.size;
  });
}
