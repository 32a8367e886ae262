/**
 * A static server on 127.0.0.1 for `npm run bench:studio`: the built app at / and the bare-engine
 * page at /bare/. Plain headers, as `vite preview` serves the app (no cross-origin isolation).
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

export interface Mount {
  /** URL prefix, starting and ending with '/'. */
  readonly prefix: string;
  readonly dir: string;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

function fileFor(mounts: readonly Mount[], pathname: string): string | null {
  const path = decodeURIComponent(pathname);
  for (const { prefix, dir } of mounts) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length) || 'index.html';
    const file = normalize(join(dir, rest.endsWith('/') ? `${rest}index.html` : rest));
    return file.startsWith(dir.endsWith(sep) ? dir : dir + sep) ? file : null;
  }
  return null;
}

export async function serve(mounts: readonly Mount[]): Promise<{ server: Server; origin: string }> {
  const ordered = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  const server = createServer((request, response) => {
    const file = fileFor(ordered, new URL(request.url ?? '/', 'http://x').pathname);
    let size: number | null = null;
    try {
      const stat = file ? statSync(file) : null;
      size = stat?.isFile() ? stat.size : null;
    } catch {
      size = null;
    }
    if (!file || size === null) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(size),
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}
