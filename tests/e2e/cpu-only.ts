import { existsSync } from 'node:fs';
import { chromiumArgs } from '../../playwright.config';

/**
 * Launch options for a Chromium without --enable-unsafe-webgpu (as most Linux browsers are today):
 * neither the page nor its workers get a WebGPU adapter, so the studio trains on the CPU engine.
 * `extra` adds flags (a fake camera, say). launchOptions force a new browser: one spec file each.
 */
export function cpuOnlyLaunch(extra: readonly string[] = []): { executablePath?: string; args: string[] } {
  const system = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return {
    ...(existsSync(system) ? { executablePath: system } : {}),
    args: [...chromiumArgs.filter((a) => a !== '--enable-unsafe-webgpu'), ...extra],
  };
}
