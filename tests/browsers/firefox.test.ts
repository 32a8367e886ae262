import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmokeDriver } from './driver';
import { FIREFOX_PATH, openFirefox } from './firefox';
import { BROWSERS_PORT } from './serve';
import { lessonOpens, outlineOpens, studioTrainsOnCpu } from './smoke';

const base = `http://127.0.0.1:${BROWSERS_PORT}`;

describe.runIf(existsSync(FIREFOX_PATH) || process.env.CI)('Firefox ESR smoke', () => {
  let driver: SmokeDriver;
  beforeAll(async () => {
    driver = await openFirefox();
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
