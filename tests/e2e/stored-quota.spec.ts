import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/*
 * Keeping a dataset when the browser's storage is full (issue 13). Chromium's DevTools quota
 * override (what its "simulate custom storage quota" setting uses) gives this site 4 KiB, so the
 * worker's write into the Origin Private File System fails with a real QuotaExceededError part
 * way through (headless Chromium's navigator.storage.estimate does not report the override, so
 * this is the failed-write path; tests/unit/browser-store.test.ts covers the estimate path).
 * Dropped MNIST files still load for this visit, the Data tab says in words why they were not
 * kept, and nothing half-written is left in storage. With the quota restored the same files are
 * kept, so the first half is not passing by accident.
 */

/** An IDX file: magic, dimensions, then deterministic bytes. */
function idx(magic: number, dims: readonly number[], salt: number): Buffer {
  const count = dims.reduce((a, b) => a * b, 1);
  const out = Buffer.alloc(4 + 4 * dims.length + count);
  out.writeUInt32BE(magic, 0);
  for (const [i, d] of dims.entries()) out.writeUInt32BE(d, 4 + 4 * i);
  for (let i = 0; i < count; i++) {
    out[4 + 4 * dims.length + i] = magic === 2049 ? (i + salt) % 10 : (i * 31 + salt) & 0xff;
  }
  return out;
}

/** The four MNIST files, small: 1,200 training images (more than the 1,000 held out) and 100 test. */
function mnistFiles(): { name: string; mimeType: string; buffer: Buffer }[] {
  const file = (name: string, bytes: Buffer) => ({ name, mimeType: 'application/gzip', buffer: gzipSync(bytes) });
  return [
    file('train-images-idx3-ubyte.gz', idx(2051, [1200, 28, 28], 1)),
    file('train-labels-idx1-ubyte.gz', idx(2049, [1200], 1)),
    file('t10k-images-idx3-ubyte.gz', idx(2051, [100, 28, 28], 2)),
    file('t10k-labels-idx1-ubyte.gz', idx(2049, [100], 2)),
  ];
}

/** Names of the sets in the Origin Private File System's dataset folder ([] when there is none). */
function storedSets(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const top = await navigator.storage.getDirectory();
    const root = await top.getDirectoryHandle('convlab-datasets').catch(() => null);
    if (!root) return [];
    const names: string[] = [];
    for await (const [name] of (root as unknown as { entries(): AsyncIterable<[string, unknown]> }).entries()) {
      names.push(name);
    }
    return names;
  });
}

async function dropMnist(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByLabel('Or drop the official files here, or choose them:').setInputFiles(mnistFiles());
  // The dropped set's 100 test images (the embedded subset the studio starts with has more).
  await expect(page.getByTestId('dataset-info')).toContainText(/(^|[^\d,])100 to test/, { timeout: 60_000 });
}

test('with the storage full, dropped files load but are not kept, and the Data tab says why', async ({ page }) => {
  test.setTimeout(180_000);
  const cdp = await page.context().newCDPSession(page);
  await page.goto('/#/studio');
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 4096 });

  await dropMnist(page);
  const note = page.getByTestId('keep-note');
  await expect(note).toHaveAttribute('data-where', 'not-kept', { timeout: 60_000 });
  await expect(note).toContainText('This browser has no room left to keep your dropped MNIST files');
  await expect(note).toContainText('It works for this visit');
  await expect(note).toContainText('delete stored datasets you no longer need in the Data tab');
  await expect(page.getByTestId('stored-datasets')).toContainText('Nothing yet');
  expect(await storedSets(page)).toEqual([]);

  // Room again: the same files are kept and listed.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await dropMnist(page);
  await expect(note).toHaveAttribute('data-where', 'kept-now', { timeout: 60_000 });
  await expect(page.getByTestId('stored-dropped-mnist')).toContainText('Your dropped MNIST files');
  expect(await storedSets(page)).toEqual(['dropped-mnist']);
});
