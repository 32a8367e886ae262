import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { serveStatic } from './static-server';

/*
 * A lesson's first load, with an empty cache, transfers at most 2.5 MB in all (issue 16): the app
 * shell, the lesson's chunks, its workers and the gzipped embedded MNIST subset. Bytes are counted
 * by the server as it sends them, so a worker's fetches count as much as the page's; the count is
 * read once no byte has moved for a while. (The service worker's background precache comes after
 * this first load and is blocked here, as in every spec: playwright.config.ts.)
 */
const LIMIT = 2_500_000;
const DIST = resolve(process.env.E2E_DIST ?? 'dist');

for (const lesson of ['images-are-tensors', 'convolution', 'gradient-descent']) {
  test(`the ${lesson} lesson's first load transfers at most 2.5 MB`, async ({ page }) => {
    const server = await serveStatic(DIST);
    try {
      await page.goto(`${server.url}#/lesson/${lesson}`);
      await expect(page.locator('main h1')).toBeVisible();
      // Settled: the count has not changed between two readings a second apart.
      let last = -1;
      await expect
        .poll(
          async () => {
            const now = server.traffic().bytes;
            const settled = now === last;
            last = now;
            return settled;
          },
          { timeout: 120_000, intervals: [1000] },
        )
        .toBe(true);
      const { bytes, paths } = server.traffic();
      console.log(`${lesson}: ${paths.length} responses, ${bytes} bytes`);
      expect(paths.some((p) => p.endsWith('.js'))).toBe(true);
      expect(bytes).toBeLessThanOrEqual(LIMIT);
    } finally {
      await server.close();
    }
  });
}
