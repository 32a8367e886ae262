/**
 * ConvLab's offline service worker. scripts/offline/plugin.ts fills in CACHE_NAME (which carries the
 * build's content hash) and PRECACHE (every file the app can need, relative to this script) at build
 * time and writes the result to dist/sw.js; it is registered by app/shell/serviceWorker.ts in
 * production builds only.
 *
 * - install: downloads every file into a cache named for this build; all or nothing.
 * - activate: deletes the caches of earlier builds, then takes control of open pages so the first
 *   visit is already offline-ready.
 * - fetch: precached files come from the cache; any navigation in scope gets the cached index.html
 *   (routes live in the hash); everything else goes to the network untouched.
 *
 * A new build's worker installs beside the old one and waits until no page uses the old build
 * (browser default), so a page never mixes chunks of two builds. A page may post 'skip-waiting'
 * to switch over at once and then reload.
 */
const CACHE_PREFIX = 'convlab-';
const CACHE_NAME = /*@CACHE_NAME*/ 'convlab-unbuilt';
const PRECACHE = /*@PRECACHE*/ [];

const urlOf = (path) => new URL(path, self.location.href).href;
const INDEX_URL = urlOf('index.html');
const PRECACHED = new Set(PRECACHE.map(urlOf));

/** A copy without the `redirected` flag: a redirected response must not answer a navigation. */
async function storable(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

async function precache() {
  const cache = await caches.open(CACHE_NAME);
  await Promise.all(
    [...PRECACHED].map(async (url) => {
      const response = await fetch(url, { cache: 'reload' });
      if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
      await cache.put(url, await storable(response));
    }),
  );
}

async function dropOldCaches() {
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE_NAME).map((n) => caches.delete(n)));
}

async function cachedOrNetwork(url, request) {
  const cache = await caches.open(CACHE_NAME);
  return (await cache.match(url)) ?? fetch(request);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(dropOldCaches().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  url.search = '';
  url.hash = '';
  const key = url.href;
  if (request.mode === 'navigate') {
    // A navigation to a precached file (the favicon, say) gets that file; any other is the app.
    event.respondWith(cachedOrNetwork(PRECACHED.has(key) ? key : INDEX_URL, request));
  } else if (PRECACHED.has(key)) {
    event.respondWith(cachedOrNetwork(key, request));
  }
});
