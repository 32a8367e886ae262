import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { type AppServer, previewWith } from './preview-server';

/*
 * Datasets from the page, with no terminal: ../shared/datasets is served by a local HTTP server
 * standing in for the canonical public locations (CONVLAB_DATA_BASE_URL, like fetch-data's
 * --base-url), and the app's own preview server downloads from it into a fresh folder. A fresh
 * browser profile presses Download for CIFAR-10 in the studio, sees progress, trains the ConvNetJS
 * net, reloads, and trains again from the copy kept in the browser: the canonical server is asked
 * for the archive exactly once and the page fetches nothing from /data after the reload.
 *
 * The app's server is a second preview server (./preview-server.ts).
 */
const DATASETS = resolve(process.cwd(), '../shared/datasets');
const CIFAR = 'cifar10/cifar-10-binary.tar.gz';

let canonical: Server | undefined;
const canonicalHits = new Map<string, number>();
let app: AppServer | undefined;
let dataDir: string | undefined;

/** Streams a file in 1 MiB pieces a little apart, so a progress bar has time to show. */
function serveSlowly(path: string, res: import('node:http').ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': statSync(path).size });
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  stream.on('data', () => {
    stream.pause();
    setTimeout(() => stream.resume(), 15);
  });
  stream.pipe(res);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  test.skip(!existsSync(join(DATASETS, CIFAR)), 'needs ../shared/datasets');
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!).replace(/^\/+/, '');
    canonicalHits.set(path, (canonicalHits.get(path) ?? 0) + 1);
    const file = join(DATASETS, path);
    if (!/^(mnist|cifar10)\/[\w.-]+$/.test(path) || !existsSync(file)) {
      res.writeHead(404).end('not here');
      return;
    }
    serveSlowly(file, res);
  });
  canonical = server;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  dataDir = mkdtempSync(join(tmpdir(), 'convlab-data-'));
  app = await previewWith({
    CONVLAB_DATA_DIR: dataDir,
    CONVLAB_DATA_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  });
  expect((await fetch(`${app.url}/api/datasets`)).ok).toBe(true);
});

test.afterAll(async () => {
  await app?.close();
  const server = canonical;
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('Download CIFAR-10 in the studio, train, reload, and train again without a second download', async ({ page }) => {
  test.setTimeout(600_000);
  const base = app!.url;
  await page.goto(`${base}/#/studio`);
  await expect(page.getByTestId('dataset-info')).toContainText('validate', { timeout: 60_000 });

  // Not there yet: the studio says so, and offers the download.
  await page.getByRole('button', { name: 'Full MNIST', exact: true }).click();
  await expect(page.getByTestId('dataset-error')).toContainText('not downloaded yet', { timeout: 60_000 });
  const download = page.getByTestId('download-cifar10');
  await download.getByRole('button', { name: 'Download CIFAR-10 (163 MB)' }).click();
  await expect(download).toHaveAttribute('data-state', 'downloading', { timeout: 30_000 });
  await expect(download.getByRole('progressbar')).toBeVisible();
  // Done: the server has it (the button goes) and the studio loads it.
  await expect(download).toHaveCount(0, { timeout: 300_000 });
  await expect(page.getByTestId('dataset-info')).toContainText('3×32×32', { timeout: 300_000 });
  await expect(page.getByTestId('dataset-info')).toContainText('10,000 to test');
  await expect(page.getByTestId('keep-note')).toHaveAttribute('data-where', 'kept-now', { timeout: 120_000 });
  await expect(page.getByTestId('stored-cifar10')).toContainText('MiB');
  expect(canonicalHits.get(CIFAR)).toBe(1);

  const trainSteps = async (): Promise<void> => {
    await page.getByRole('tab', { name: 'Model' }).click();
    await page.getByRole('button', { name: /^ConvNetJS demo net/ }).click();
    await expect(page.getByRole('button', { name: /^Step/ })).toBeEnabled({ timeout: 60_000 });
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: /^Step/ }).click();
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
    await expect
      .poll(() => page.getByTestId('run-progress').evaluate((p) => (p as HTMLProgressElement).value), {
        timeout: 60_000,
      })
      .toBeGreaterThanOrEqual(1);
  };
  await trainSteps();

  // A reload: CIFAR-10 comes from the browser's storage, nothing from the server's /data.
  const dataRequests: string[] = [];
  page.on('request', (r) => {
    if (/\/data\/(mnist|cifar10)\//.test(r.url())) dataRequests.push(r.url());
  });
  await page.reload();
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'CIFAR-10', exact: true }).click();
  await expect(page.getByTestId('dataset-info')).toContainText('3×32×32', { timeout: 300_000 });
  await expect(page.getByTestId('keep-note')).toHaveAttribute('data-where', 'browser');
  await trainSteps();
  expect(dataRequests).toEqual([]);
  expect(canonicalHits.get(CIFAR)).toBe(1);
});
