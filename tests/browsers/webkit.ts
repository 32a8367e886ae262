/**
 * WebKitGTK driven by its own WebDriver (Debian's webkit2gtk-driver: WebKitWebDriver launches
 * MiniBrowser) over classic WebDriver HTTP, under a virtual display (xvfb-run). Classic
 * WebDriver has no console events, so ERROR_RECORDER is installed after each navigation.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { ERROR_RECORDER, type SmokeDriver, sleep } from './driver';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? 'WebKitWebDriver';

interface WebDriverReply {
  readonly value: unknown;
}

async function startDriver(port: number): Promise<ChildProcess> {
  // xvfb-run gives the driver (and the MiniBrowser it starts) a display of their own.
  const child = spawn('xvfb-run', ['-a', WEBKIT_DRIVER, `--port=${port}`], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 80; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  stopDriver(child);
  throw new Error(`WebKitWebDriver did not start on port ${port}`);
}

function stopDriver(child: ChildProcess): void {
  // Negative pid: the whole group (xvfb-run, Xvfb, the driver and its browser).
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
}

export async function openWebKit(port = 4444 + (process.pid % 1000)): Promise<SmokeDriver> {
  const child = await startDriver(port);
  const base = `http://127.0.0.1:${port}`;
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const reply = (await res.json()) as WebDriverReply;
    if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${JSON.stringify(reply.value)}`);
    return reply.value;
  }
  let session: string;
  try {
    const created = (await call('POST', '/session', { capabilities: { alwaysMatch: {} } })) as { sessionId: string };
    session = created.sessionId;
    await call('POST', `/session/${session}/window/rect`, { width: 1280, height: 800 });
  } catch (error) {
    stopDriver(child);
    throw error;
  }
  const evaluate = <T>(body: string): Promise<T> =>
    call('POST', `/session/${session}/execute/sync`, { script: body, args: [] }) as Promise<T>;
  return {
    name: 'WebKitGTK',
    async goto(url) {
      await call('POST', `/session/${session}/url`, { url });
      await evaluate(ERROR_RECORDER);
    },
    evaluate,
    errors: async () => (await evaluate<string[] | null>('return window.__smokeErrors || [];')) ?? [],
    async close() {
      try {
        await call('DELETE', `/session/${session}`);
      } finally {
        stopDriver(child);
      }
    },
  };
}
