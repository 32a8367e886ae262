/**
 * The steps every other browser must pass: the outline, a lesson with its maths and widgets, and
 * the studio training on a CPU engine (WebAssembly SIMD where the browser runs it) with the reason it
 * is not on WebGPU, with no page errors.
 * Written against SmokeDriver only, so Firefox and WebKit run exactly the same checks.
 */
import { expect } from 'vitest';
import { type SmokeDriver, waitFor } from './driver';

const BUTTON = (label: string): string =>
  `[...document.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith(${JSON.stringify(label)}))`;

export async function outlineOpens(driver: SmokeDriver, base: string): Promise<void> {
  await driver.goto(`${base}/#/`);
  const lessons = await waitFor<number>(
    driver,
    `return document.querySelector('h1') && document.querySelectorAll('a[href^="#/lesson/"]').length;`,
    'the course outline',
  );
  expect(lessons).toBeGreaterThanOrEqual(20);
}

export async function lessonOpens(driver: SmokeDriver, base: string): Promise<void> {
  await driver.goto(`${base}/#/lesson/convolution`);
  const found = await waitFor<{ title: string; maths: number; grids: number }>(
    driver,
    `const maths = document.querySelectorAll('.katex').length;
     const grids = document.querySelectorAll('table, canvas, [role="grid"]').length;
     const h1 = document.querySelector('main h1');
     return h1 && maths > 0 && grids > 0 ? { title: h1.textContent, maths, grids } : null;`,
    'the convolution lesson with rendered maths',
  );
  expect(found.title).toMatch(/convolution/i);
}

/** The engine the studio reports: its kind ('wasm', 'cpu', 'webgpu') and the status line's text. */
export interface StudioEngine {
  readonly kind: string;
  readonly text: string;
}

/**
 * Opens the studio, checks the engine line names a CPU engine with its threads and why, trains,
 * pauses. Returns the engine, so each browser's test can say which one it expects.
 */
export async function studioTrainsOnCpu(driver: SmokeDriver, base: string): Promise<StudioEngine> {
  await driver.goto(`${base}/#/studio`);
  const engine = await waitFor<StudioEngine>(
    driver,
    `const s = document.querySelector('[data-testid="backend-status"] [data-backend]');
     return s && s.textContent.includes('CPU engine') ? { kind: s.dataset.backend, text: s.textContent } : null;`,
    'the engine line',
  );
  // "CPU engine: WebAssembly SIMD, 2 threads — <why>": a reason of some length follows the dash.
  // The wasm engine splits batches over one thread per logical core (at most 4).
  const cores = await driver.evaluate<number>('return navigator.hardwareConcurrency || 1;');
  const threads = engine.kind === 'wasm' ? Math.min(4, cores) : 1;
  const named = `${threads} thread${threads === 1 ? '' : 's'}`;
  expect(engine.text).toMatch(new RegExp(`CPU engine: (WebAssembly SIMD|TypeScript), ${named}\\s*—\\s*\\S.{20,}`));
  await waitFor(
    driver,
    `const d = document.querySelector('[data-testid="dataset-info"]'); return d && /validate/.test(d.textContent);`,
    'the dataset',
  );
  await waitFor(
    driver,
    `const b = ${BUTTON('Start')}; return b && b.getAttribute('aria-disabled') !== 'true' && !b.disabled;`,
    'Start enabled',
  );
  await driver.evaluate(`${BUTTON('Start')}.click(); return true;`);
  const steps = await waitFor<number>(
    driver,
    `const p = document.querySelector('[data-testid="run-progress"]'); return p && p.value >= 20 ? p.value : 0;`,
    '20 training steps',
    240_000,
  );
  expect(steps).toBeGreaterThanOrEqual(20);
  await driver.evaluate(`const b = ${BUTTON('Pause')}; if (b) b.click(); return true;`);
  await waitFor(
    driver,
    `const s = document.querySelector('[data-testid="run-status"]'); return s && ['paused', 'done'].includes(s.dataset.status);`,
    'the run to pause',
  );
  // Still on as many threads: no replica failed and sent the run back to one thread.
  const after = await driver.evaluate<string>(
    `return document.querySelector('[data-testid="backend-status"] [data-backend]').textContent;`,
  );
  expect(after).toContain(`, ${named}`);
  console.info(`${driver.name}: ${after}`);
  return engine;
}
