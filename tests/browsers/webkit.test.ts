import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmokeDriver } from './driver';
import { BROWSERS_PORT } from './serve';
import { lessonOpens, outlineOpens, studioTrainsOnCpu } from './smoke';
import { openWebKit, WEBKIT_DRIVER } from './webkit';

const base = `http://127.0.0.1:${BROWSERS_PORT}`;

describe.runIf(hasWebKitDriver() || process.env.CI)('WebKitGTK smoke', () => {
  let driver: SmokeDriver;
  beforeAll(async () => {
    driver = await openWebKit();
  });
  afterAll(() => driver?.close());

  it('opens the course outline', () => outlineOpens(driver, base));
  it('opens a lesson with its maths and widgets', () => lessonOpens(driver, base));
  it('trains in the studio on the WebAssembly CPU engine and says why', async () => {
    const engine = await studioTrainsOnCpu(driver, base);
    expect(engine.kind).toBe('wasm');
  });
  it('reported no console errors', async () => {
    expect(await driver.errors()).toEqual([]);
  });
});

function hasWebKitDriver(): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${WEBKIT_DRIVER} && command -v xvfb-run`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
