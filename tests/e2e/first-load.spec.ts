import { expect, test } from './fixtures';

/*
 * A lesson's first load, with an empty cache, transfers at most 2.5 MB in all (issue 16): the app
 * shell, the lesson's chunks and the gzipped embedded MNIST subset. Bytes are the encoded sizes the
 * DevTools protocol reports for every response of the page and its workers, summed once the page
 * is quiet. (The service worker's background precache comes after this first load and is blocked
 * here, as in every spec: playwright.config.ts.)
 */
const LIMIT = 2_500_000;

for (const lesson of ['images-are-tensors', 'convolution', 'gradient-descent']) {
  test(`the ${lesson} lesson's first load transfers at most 2.5 MB`, async ({ page, context }) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const bytes = new Map<string, number>();
    cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
    await page.goto(`/#/lesson/${lesson}`);
    await expect(page.locator('main h1')).toBeVisible();
    await page.waitForLoadState('networkidle');
    // The embedded digits are part of the first load wherever a lesson uses them.
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    console.log(`${lesson}: ${bytes.size} responses, ${total} bytes`);
    expect(bytes.size).toBeGreaterThan(3);
    expect(total).toBeLessThanOrEqual(LIMIT);
  });
}
