/**
 * The wasm-vs-TypeScript comparison (bench/wasm-compare.ts) in headless Chromium, under the app's
 * Content-Security-Policy: bundles bench/wasm-browser-entry.ts with Vite (the kernels become
 * hashed assets, as in the app), serves it from memory through Playwright routing and prints the
 * same report as bench/wasm-step.ts, plus the loaded build (relaxed SIMD in Chromium).
 *
 *   npx tsx bench/wasm-browser.ts [--steps 20] [--chromium /usr/bin/chromium]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { BrowserBenchResult } from './wasm-browser-entry';
import { formatResults } from './wasm-compare';

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '20' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    out: { type: 'string', default: '/tmp/dist-wasm-bench' },
  },
});
const root = join(import.meta.dirname, '..');
const outDir = values.out;
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'";

await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    rollupOptions: { input: join(root, 'bench/wasm-browser-entry.ts'), output: { entryFileNames: 'entry.js' } },
  },
});

const browser = await chromium.launch({ executablePath: values.chromium });
try {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('http://wasm.bench/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      await route.fulfill({
        contentType: 'text/html',
        headers: { 'Content-Security-Policy': CSP },
        body: '<!doctype html><meta charset="utf-8"><script type="module" src="/entry.js"></script>',
      });
      return;
    }
    const type = path.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
    await route.fulfill({ contentType: type, body: readFileSync(join(outDir, path)) });
  });
  await page.goto('http://wasm.bench/');
  await page.waitForFunction(() => typeof window.wasmBench === 'function');
  const steps = Number(values.steps);
  const result: BrowserBenchResult = await page.evaluate((n) => window.wasmBench!(n), steps);
  console.log(result.userAgent);
  console.log(formatResults(result.flavour, result.nets, result.gemms));
  if (errors.length > 0) {
    console.error(`console errors:\n${errors.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
