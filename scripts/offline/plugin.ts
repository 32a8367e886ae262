/**
 * Vite plugin (build only): writes dist/sw.js, the offline service worker, from ./sw-template.js.
 * Its precache list is every file this build wrote (bundle chunks, CSS, fonts, workers, index.html)
 * plus the public folder's files, filtered by ./precache.ts; its cache name is `convlab-<hash of all
 * those bytes>`, so every new build gets a new cache and the old one is deleted on activation.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ResolvedConfig } from 'vite';
import { buildVersion, precacheList, renderServiceWorker } from './precache';

const TEMPLATE = fileURLToPath(new URL('./sw-template.js', import.meta.url));

/** Every file under `dir`, as paths relative to it; an absent folder has none. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

export function offlinePlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'convlab:offline-service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle(output, bundle) {
      const outDir = output.dir ?? resolve(config.root, config.build.outDir);
      const bytes = new Map<string, Uint8Array | string>();
      for (const [path, item] of Object.entries(bundle))
        bytes.set(path, item.type === 'chunk' ? item.code : item.source);
      if (config.publicDir) {
        for (const path of await filesUnder(config.publicDir)) {
          if (!bytes.has(path) && precacheList([path]).length > 0) {
            bytes.set(path, await readFile(join(config.publicDir, path)));
          }
        }
      }
      const precache = precacheList([...bytes.keys()]);
      const version = buildVersion(precache.map((path) => ({ path, bytes: bytes.get(path)! })));
      const template = await readFile(TEMPLATE, 'utf8');
      await writeFile(join(outDir, 'sw.js'), renderServiceWorker(template, `convlab-${version}`, precache));
      config.logger.info(`offline: sw.js precaches ${precache.length} files as cache convlab-${version}`);
    },
  };
}
