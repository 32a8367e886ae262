import type { Page } from '@playwright/test';
import { course } from '../../lessons/course';
import { expect, test } from './fixtures';
import { openStudioWith, TWO_SMALL_CONVS } from './studio-shared-link';

/*
 * The Content-Security-Policy (scripts/security/policy.ts) against the whole app: the preview server
 * sends it and the other security headers, the built page carries it as a meta tag, the page is
 * cross-origin isolated, and every route (outline, every lesson, the studio training on the CPU
 * with every inspector tab, a download) runs without one violation. Violations are caught two
 * ways: the document's `securitypolicyviolation` events, and the browser's "Refused to ..." console
 * reports from the page and its workers (a worker's violations never reach the document).
 */

interface Watch {
  /** Every violation reported so far, as one line each. */
  readonly violations: () => Promise<string[]>;
}

async function watchViolations(page: Page): Promise<Watch> {
  const reports: string[] = [];
  const fromConsole = (text: string): void => {
    if (/Content Security Policy|Refused to/i.test(text)) reports.push(`console: ${text}`);
  };
  page.on('console', (m) => fromConsole(m.text()));
  page.on('worker', (worker) => worker.on('console', (m) => fromConsole(`[worker ${worker.url()}] ${m.text()}`)));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`),
      true,
    );
  });
  return {
    violations: async () => [
      ...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])),
      ...reports,
    ],
  };
}

/** A CSP header or meta value as directive -> sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

test('the preview server sends the policy and security headers, and the built page carries the policy', async ({
  page,
  request,
}) => {
  const response = (await page.goto('/'))!;
  const headers = response.headers();
  const csp = directives(headers['content-security-policy'] ?? '');
  expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(csp.get('worker-src')).toEqual(["'self'"]);
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(headers['content-security-policy']).not.toContain("'unsafe-eval'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');

  // Every file gets them, scripts included: a worker's policy comes from its own script's headers.
  const script = await page.locator('script[type="module"][src]').first().getAttribute('src');
  const asset = await request.get(new URL(script!, response.url()).href);
  expect(asset.ok()).toBe(true);
  expect(asset.headers()['content-security-policy']).toBe(headers['content-security-policy']);
  expect(asset.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  expect(asset.headers()['x-content-type-options']).toBe('nosniff');

  // The meta tag, for static hosts that send no headers: the same policy less frame-ancestors.
  const meta = directives(
    (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '',
  );
  expect(meta.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(meta.get('object-src')).toEqual(["'none'"]);
  expect(meta.has('frame-ancestors')).toBe(false);

  // Cross-origin isolated, so SharedArrayBuffer (WebAssembly threads) is available; WebGPU still is.
  const isolation = await page.evaluate(async () => ({
    isolated: self.crossOriginIsolated,
    sharedMemory: typeof SharedArrayBuffer === 'function',
    gpuAdapter: (await navigator.gpu?.requestAdapter()) != null,
  }));
  expect(isolation).toEqual({ isolated: true, sharedMemory: true, gpuAdapter: true });
});

test.describe('the policy is enforced', () => {
  test.use({ expectedConsoleErrors: [/Content Security Policy/] });

  test('WebAssembly compiles, while eval and an injected inline script are refused and reported', async ({ page }) => {
    const watch = await watchViolations(page);
    await page.goto('/');
    await expect(page.locator('.lesson-card').first()).toBeVisible();
    expect(await watch.violations()).toEqual([]);
    const outcome = await page.evaluate(async () => {
      // The smallest valid module: magic number and version 1.
      const wasm = await WebAssembly.compile(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])).then(
        () => 'compiled',
        (e: Error) => e.name,
      );
      let evaluated = 'ran';
      try {
        // biome-ignore lint/security/noGlobalEval: the point of the test is that the policy refuses it.
        eval('1 + 1');
      } catch (e) {
        evaluated = (e as Error).name;
      }
      const inline = document.createElement('script');
      inline.textContent = 'window.inlineRan = true;';
      document.body.append(inline);
      return { wasm, evaluated, inlineRan: (window as unknown as { inlineRan?: boolean }).inlineRan === true };
    });
    expect(outcome).toEqual({ wasm: 'compiled', evaluated: 'EvalError', inlineRan: false });
    // The watcher sees both refusals, so an empty list elsewhere means something.
    await expect.poll(async () => (await watch.violations()).join('\n')).toMatch(/script-src/);
  });
});

test('the outline, every lesson in lessons/course.ts and an unknown route run without a violation', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const watch = await watchViolations(page);
  await page.goto('/');
  await expect(page.locator('.lesson-card')).toHaveCount(course.length);
  for (const lesson of course) {
    await page.goto(`/#/lesson/${lesson.id}`);
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    // The first section is in the lazily loaded lesson chunk: the lesson body has arrived.
    await expect(page.locator(`[id="${lesson.sections[0]!.id}"]`)).toBeVisible({ timeout: 30_000 });
    expect(await watch.violations(), lesson.id).toEqual([]);
  }
  await page.goto('/#/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  // KaTeX's fonts loaded under font-src (the gradient-descent lesson is full of formulas).
  await page.goto('/#/lesson/gradient-descent');
  await expect(page.locator('.katex').first()).toBeVisible({ timeout: 30_000 });
  const katexFonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'KaTeX_Main').map((f) => f.status);
  });
  expect(katexFonts).toContain('loaded');
  expect(katexFonts).not.toContain('error');
  expect(await watch.violations()).toEqual([]);
});

test('the studio trains on the CPU in its worker, opens every inspector tab and downloads a model, without a violation', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const watch = await watchViolations(page);
  await openStudioWith(page, TWO_SMALL_CONVS);
  await page.getByLabel('Engine').selectOption('cpu');
  await expect(page.getByTestId('backend-status')).toContainText('CPU engine', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^Start/ })).toBeEnabled({ timeout: 30_000 });
  // Ten steps: a progress event comes every 10.
  const step = page.getByRole('button', { name: /^Step/ });
  for (let i = 0; i < 10; i++) await step.click();
  await expect(page.locator('.run-progress')).toContainText('step 10 of', { timeout: 60_000 });

  // The training worker is cross-origin isolated too (its own script's COEP header).
  const workers = page.workers();
  expect(workers.length).toBeGreaterThan(0);
  expect(await workers[0]!.evaluate(() => self.crossOriginIsolated)).toBe(true);

  const inspector = page.getByRole('region', { name: 'Inside the network' });
  const tabs = inspector.getByRole('tab');
  const names = await tabs.allTextContents();
  expect(names.length).toBeGreaterThanOrEqual(8);
  for (const name of names) {
    await inspector.getByRole('tab', { name }).click();
    await expect(inspector.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    await expect(inspector.getByRole('tabpanel')).toBeVisible();
    expect(await watch.violations(), name).toEqual([]);
  }

  // A download (a blob: URL behind the scenes).
  await page.getByRole('tab', { name: 'Saved' }).click();
  await page.getByLabel('Name', { exact: true }).fill('CSP check');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as file' }).click();
  expect((await downloading).suggestedFilename()).toBe('csp-check.convlab');
  expect(await watch.violations()).toEqual([]);
});

test("the studio's WebGPU engine (SwiftShader here) builds its pipelines and trains a step under the policy", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const watch = await watchViolations(page);
  await openStudioWith(page, TWO_SMALL_CONVS);
  await page.getByLabel('Engine').selectOption('webgpu');
  await expect(page.getByTestId('backend-status')).toContainText('WebGPU engine', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^Start/ })).toBeEnabled({ timeout: 60_000 });
  await page.getByRole('button', { name: /^Step/ }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused', { timeout: 180_000 });
  await expect(page.getByTestId('backend-status')).toContainText('WebGPU engine');
  expect(await watch.violations()).toEqual([]);
});
