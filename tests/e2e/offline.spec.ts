import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import { course } from '../../lessons/course';
import { expect, test } from './fixtures';
import { serveStatic } from './static-server';

/*
 * The offline service worker (dist/sw.js, scripts/offline/): after one visit online, the whole app
 * works with the browser offline, cold navigations and a reload included; and a new build's worker
 * replaces the old build's cache. Service workers are blocked in the other specs
 * (playwright.config.ts), so page.route() mocks there see every request.
 */
test.use({
  serviceWorkers: 'allow',
  // Offline, requests the worker does not cache (the dataset service, the optional CIFAR-10 file)
  // fail as they would without it; the pages handle that, but Chromium logs the failed request.
  expectedConsoleErrors: [/ERR_INTERNET_DISCONNECTED/],
});

const dist = process.env.E2E_DIST ?? 'dist';

/**
 * What should be cached, from the build folder itself: every file except source maps, the .woff and
 * .ttf fonts (the browser takes KaTeX's .woff2), the worker script, and data/ other than the
 * gzipped embedded MNIST.
 */
function expectedPrecache(): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dist, join(e.parentPath, e.name)))
    .filter((p) => !/\.(map|woff|ttf)$/.test(p) && p !== 'sw.js')
    .filter((p) => !p.startsWith('data/') || p === 'data/mnist-embedded.bin.gz')
    .sort();
}

/** Waits until a service worker controls the page (it has installed, so precaching is complete). */
async function offlineReady(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), { timeout: 60_000 })
    .toBe('activated');
}

/** Every cache, name -> the paths it holds relative to the page's origin. */
function cachedFiles(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      out[name] = requests.map((r) => new URL(r.url).pathname.replace(/^\//, '')).sort();
    }
    return out;
  });
}

test('after one visit online, every route, a reload and a new tab work offline', async ({ page, context }) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await expect(page.locator('.lesson-card')).toHaveCount(course.length);
  await offlineReady(page);
  const caches = await cachedFiles(page);
  const names = Object.keys(caches);
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(/^convlab-[0-9a-f]{16}$/);
  expect(caches[names[0]!]).toEqual(expectedPrecache());

  await context.setOffline(true);
  // Really offline: a file the worker does not cache cannot be fetched.
  expect(
    await page.evaluate(() =>
      fetch('api/datasets').then(
        () => 'fetched',
        () => 'failed',
      ),
    ),
  ).toBe('failed');

  await page.reload();
  await expect(page.locator('.lesson-card')).toHaveCount(course.length);

  // Each lesson as a fresh page load (a bookmark opened offline), lazily loaded chunk and all.
  for (const lesson of course) {
    await page.goto('about:blank');
    await page.goto(`/#/lesson/${lesson.id}`);
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    await expect(page.locator(`[id="${lesson.sections[0]!.id}"]`)).toBeVisible({ timeout: 30_000 });
  }

  // The embedded MNIST, from the cache: real digits in the first lesson's browser.
  await page.goto('about:blank');
  await page.goto('/#/lesson/images-are-tensors');
  const thumbs = page.getByTestId('mnist-browser').getByTestId('digit-thumb');
  await expect(thumbs.first()).toBeVisible({ timeout: 30_000 });
  const labels = await thumbs.evaluateAll((els) => els.map((e) => e.getAttribute('data-label')));
  expect(new Set(labels).size).toBeGreaterThan(1);

  // The studio: its worker loads the embedded data through the service worker too.
  await page.goto('/#/studio');
  await expect(page.getByTestId('dataset-info')).toContainText('validate', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^Start/ })).toBeEnabled({ timeout: 30_000 });

  // A new tab, opened offline straight onto a lesson.
  const tab = await context.newPage();
  await tab.goto('/#/lesson/pooling');
  await expect(tab.getByRole('heading', { level: 1, name: 'Pooling' })).toBeVisible();
  await tab.close();
});

test("a new build's worker replaces the old build's cache once no page uses the old build", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const oldCache = /convlab-[0-9a-f]{16}/.exec(sw)![0];
  // The next build: same files, another version (any change to any file gives one).
  const newCache = oldCache === 'convlab-ffffffffffffffff' ? 'convlab-0000000000000000' : 'convlab-ffffffffffffffff';
  // A server of the test's own, so that it can answer the next build's sw.js on the same origin.
  const server = await serveStatic(dist);
  try {
    await page.goto(server.url);
    await offlineReady(page);
    expect(Object.keys(await cachedFiles(page))).toEqual([oldCache]);

    server.override('sw.js', sw.replace(oldCache, newCache));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const waiting = (): Promise<string | null> =>
      page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? null);
    await expect.poll(waiting, { timeout: 60_000 }).toBe('installed');
    // While the old build's page is open it keeps its worker and cache; the new one is ready beside it.
    expect(Object.keys(await cachedFiles(page)).sort()).toEqual([oldCache, newCache].sort());
    expect(Object.values(await cachedFiles(page))[0]).toEqual(expectedPrecache());

    await page.close();
    const next = await context.newPage();
    await next.goto(server.url);
    await expect(next.locator('.lesson-card')).toHaveCount(course.length);
    await expect.poll(async () => Object.keys(await cachedFiles(next)), { timeout: 60_000 }).toEqual([newCache]);
    expect((await cachedFiles(next))[newCache]).toEqual(expectedPrecache());
  } finally {
    await server.close();
  }
});
