/**
 * `npm start` under the dev CSP: a real Vite dev server from vite.config.ts, asked for index.html.
 * Every inline script it serves (React Refresh's preamble) must be allowed by hash, with no
 * 'unsafe-inline' or 'unsafe-eval' for scripts, and the isolation headers must be there. (The
 * browser side, no violation while the app runs, was checked by hand; docs/security.md.)
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: ViteDevServer;
let origin: string;

beforeAll(async () => {
  server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  origin = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await server?.close();
});

describe('the dev server', () => {
  it('allows each inline script of its index.html by hash, and no script by unsafe-inline or eval', async () => {
    const response = await fetch(`${origin}/`);
    const html = await response.text();
    const csp = response.headers.get('content-security-policy') ?? '';
    const scriptSrc = /(?:^|;\s*)script-src ([^;]*)/.exec(csp)?.[1]?.split(/\s+/) ?? [];
    const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline.length).toBeGreaterThan(0);
    for (const body of inline) {
      const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
      expect(scriptSrc).toContain(hash);
    }
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
  });

  it('sends the isolation and hardening headers with modules too', async () => {
    const response = await fetch(`${origin}/app/main.tsx`);
    expect(response.ok).toBe(true);
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
