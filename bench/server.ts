/**
 * A tiny static server for the bench on 127.0.0.1: the built page (bench/dist), the real datasets
 * (../shared/datasets under /datasets/, never copied into the repo) and TF.js's .wasm binaries.
 * It sends COOP/COEP headers so the page is cross-origin isolated: that lets TF.js WASM use threads
 * (SharedArrayBuffer), its best configuration. `pageHeaders` adds headers per request (run.ts sends
 * ConvLab's own pages the app's Content-Security-Policy).
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
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

/** The file a URL path maps to, or null when it is outside every mount (no '..' escapes). */
function resolveFile(mounts: readonly Mount[], urlPath: string): string | null {
  const path = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  for (const { prefix, dir } of mounts) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (file === dir || file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return file;
    return null;
  }
  return null;
}

/** Extra headers for one request, from its URL (path and query). */
export type PageHeaders = (url: URL) => Readonly<Record<string, string>>;

export async function serve(
  mounts: readonly Mount[],
  pageHeaders: PageHeaders = () => ({}),
): Promise<{ server: Server; origin: string }> {
  // Longest prefix first, so /datasets/ wins over /.
  const ordered = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const file = resolveFile(ordered, url.pathname);
    const size = file ? statSize(file) : null;
    if (!file || size === null) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    // .gz files go out as bytes with no Content-Encoding: ConvLab's parsers gunzip them themselves.
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(size),
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      ...pageHeaders(url),
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

function statSize(file: string): number | null {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}
