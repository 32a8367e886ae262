/**
 * Global set-up of the browsers project: serves the built app (E2E_DIST or dist/) with
 * `vite preview`, as the Playwright suite does, on BROWSERS_PORT (4183 by default).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { sleep } from './driver';

export const BROWSERS_PORT = Number(process.env.BROWSERS_PORT ?? 4183);

let server: ChildProcess | null = null;

export async function setup(): Promise<void> {
  const dist = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}/index.html is missing: run \`npm run build\` first`);
  server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(BROWSERS_PORT), '--strictPort', '--outDir', dist],
    { stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${BROWSERS_PORT}/`)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`vite preview did not answer on port ${BROWSERS_PORT}`);
}

export async function teardown(): Promise<void> {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
}
