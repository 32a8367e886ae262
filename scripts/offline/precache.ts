/**
 * What the offline service worker precaches, and the version that names its cache. Pure functions
 * over file names and bytes, so tests/unit/offline-precache.test.ts checks them without a build.
 */
import { createHash } from 'node:crypto';

/**
 * Files the app never fetches, or should not be made to download ahead:
 * - source maps (only developer tools read them);
 * - KaTeX's .woff and .ttf fonts: every browser that runs ConvLab (WebGPU, ES2022) takes the .woff2
 *   listed first in each @font-face, so the older formats would be 1 MB never read;
 * - the raw embedded MNIST (public/data/mnist-embedded.bin): the page fetches the .gz, the CLI reads
 *   the raw file from disk;
 * - anything else under data/ (CIFAR-10 from `npm run fetch-data`: 160 MB, fetched only on request);
 * - the service worker itself (the browser keeps it).
 */
const SKIPPED: readonly RegExp[] = [/\.map$/, /\.(woff|ttf)$/, /^data\/(?!mnist-embedded\.bin\.gz$)/, /^sw\.js$/];

/** The precache list, sorted, from the paths (relative to the build folder) that a build wrote. */
export function precacheList(paths: readonly string[]): string[] {
  const kept = paths.map((p) => p.replace(/\\/g, '/')).filter((p) => !SKIPPED.some((re) => re.test(p)));
  return [...new Set(kept)].sort();
}

/**
 * The cache's version: a hash over every precached path and its bytes, so any change to any file
 * (including index.html and public files, whose names carry no hash) gives a new cache name.
 */
export function buildVersion(files: readonly { readonly path: string; readonly bytes: Uint8Array | string }[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes, 'utf8') : file.bytes;
    hash.update(`${file.path}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Fills the template's two markers; throws if either is missing, so a broken template fails the build. */
export function renderServiceWorker(template: string, cacheName: string, precache: readonly string[]): string {
  const markers: readonly [RegExp, string][] = [
    [/\/\*@CACHE_NAME\*\/ '[^']*'/, JSON.stringify(cacheName)],
    [/\/\*@PRECACHE\*\/ \[\]/, JSON.stringify(precache)],
  ];
  return markers.reduce((text, [marker, value]) => {
    if (!marker.test(text)) throw new Error(`sw-template.js lost its marker ${marker}`);
    return text.replace(marker, () => value);
  }, template);
}
