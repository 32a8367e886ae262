/**
 * A minimal static file server for e2e tests that need to change what the server answers between
 * two visits on the same origin (the service worker's update test serves a "new build" this way).
 * `override` replaces one file's bytes; everything else comes from `root`. Text is gzipped like a
 * real host's, and `traffic` counts the bytes sent (first-load.spec.ts).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.gz': 'application/gzip',
  '.json': 'application/json',
};

const COMPRESSED = new Set(['.html', '.js', '.css', '.svg', '.json']);

export interface StaticServer {
  readonly url: string;
  /** Serves `body` for `path` (relative to the root) from now on. */
  override(path: string, body: string): void;
  /** Body bytes sent so far, and the paths asked for (a page's and its workers' requests alike). */
  traffic(): { readonly bytes: number; readonly paths: readonly string[] };
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1; port 0 picks a free port (see `url`). */
export async function serveStatic(root: string, port = 0): Promise<StaticServer> {
  const overrides = new Map<string, string>();
  let bytes = 0;
  const paths: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
    const file = path === '' ? 'index.html' : path;
    const body = overrides.get(file);
    paths.push(file);
    const send = (body: string | Buffer): void => {
      // Text is gzipped when the browser accepts it, as every real static host does.
      const zip = COMPRESSED.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const out = zip ? gzipSync(body) : body;
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...(zip ? { 'content-encoding': 'gzip' } : {}),
      });
      bytes += Buffer.byteLength(out);
      res.end(out);
    };
    if (body !== undefined) return send(body);
    readFile(join(root, file)).then(send, () => {
      res.writeHead(404);
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const listening = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${listening}/`,
    override: (path, text) => overrides.set(path, text),
    traffic: () => ({ bytes, paths: [...paths] }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
