/**
 * Runs the real service worker (scripts/offline/sw-template.js, filled in as a build would) in a Node
 * VM with an in-memory CacheStorage and a scripted network, and checks its install, activate and
 * fetch behaviour. The browser itself (registration, offline routes, reload) is tests/e2e/offline.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderServiceWorker } from '../../scripts/offline/precache';

const SCOPE = 'https://convlab.test/app/';
const PRECACHE = ['index.html', 'assets/index-abc.js', 'data/mnist-embedded.bin.gz'];
const template = readFileSync('scripts/offline/sw-template.js', 'utf8');

type Handler = (event: Record<string, unknown>) => void;

/** The worker's world: its event handlers, caches, the network log and what it was told to do. */
class World {
  readonly handlers = new Map<string, Handler>();
  readonly caches = new Map<string, Map<string, Response>>();
  readonly fetched: { url: string; cache: string | undefined }[] = [];
  online = true;
  /** Files the server answers 404 for. */
  readonly missing = new Set<string>();
  claimed = 0;
  skippedWaiting = 0;

  load(cacheName: string): void {
    const world = this;
    const cacheStorage = {
      async open(name: string) {
        if (!world.caches.has(name)) world.caches.set(name, new Map());
        const entries = world.caches.get(name)!;
        return {
          async put(url: string, response: Response) {
            entries.set(url, response);
          },
          async match(url: string) {
            return entries.get(url)?.clone();
          },
        };
      },
      async keys() {
        return [...world.caches.keys()];
      },
      async delete(name: string) {
        return world.caches.delete(name);
      },
    };
    const self = {
      location: { href: `${SCOPE}sw.js`, origin: new URL(SCOPE).origin },
      addEventListener: (type: string, handler: Handler) => world.handlers.set(type, handler),
      clients: { claim: async () => void world.claimed++ },
      skipWaiting: () => void world.skippedWaiting++,
    };
    const fetch = async (input: string | { url: string }, init?: { cache?: string }) => {
      const url = typeof input === 'string' ? input : input.url;
      world.fetched.push({ url, cache: init?.cache });
      if (!world.online) throw new TypeError('Failed to fetch');
      if (world.missing.has(url)) return new Response('not found', { status: 404 });
      return new Response(`network:${url}`, { status: 200 });
    };
    runInNewContext(renderServiceWorker(template, cacheName, PRECACHE), {
      self,
      caches: cacheStorage,
      fetch,
      URL,
      Response,
      Promise,
      Error,
      Set,
    });
  }

  /** Fires an extendable event and waits for what it asked to wait for. */
  async extendable(type: 'install' | 'activate'): Promise<void> {
    let waited: Promise<unknown> = Promise.resolve();
    this.handlers.get(type)!({
      waitUntil: (p: Promise<unknown>) => {
        waited = p;
      },
    });
    await waited;
  }

  /** Fires a fetch event; the worker's answer's text, or null when it let the browser handle it. */
  async request(url: string, init: { mode?: string; method?: string } = {}): Promise<string | null> {
    const answers: Promise<Response>[] = [];
    this.handlers.get('fetch')!({
      request: { url, method: init.method ?? 'GET', mode: init.mode ?? 'cors' },
      respondWith: (p: Promise<Response>) => answers.push(p),
    });
    expect(answers.length).toBeLessThanOrEqual(1);
    return answers[0] ? (await answers[0]).text() : null;
  }
}

let world: World;
beforeEach(() => {
  world = new World();
});

describe('the offline service worker', () => {
  it("install downloads every precached file, bypassing the HTTP cache, into the build's cache", async () => {
    world.load('convlab-aaaa');
    await world.extendable('install');
    expect(world.fetched.map((f) => f.url).sort()).toEqual(PRECACHE.map((p) => SCOPE + p).sort());
    expect(world.fetched.every((f) => f.cache === 'reload')).toBe(true);
    expect([...world.caches.get('convlab-aaaa')!.keys()].sort()).toEqual(PRECACHE.map((p) => SCOPE + p).sort());
  });

  it('install fails as a whole when one file cannot be fetched', async () => {
    world.missing.add(`${SCOPE}data/mnist-embedded.bin.gz`);
    world.load('convlab-aaaa');
    await expect(world.extendable('install')).rejects.toThrow(/mnist-embedded\.bin\.gz answered 404/);
  });

  it("activate deletes earlier builds' caches, keeps caches it does not own, and takes control", async () => {
    world.caches.set('convlab-old1', new Map());
    world.caches.set('convlab-old2', new Map());
    world.caches.set('someone-else', new Map());
    world.load('convlab-new');
    await world.extendable('install');
    await world.extendable('activate');
    expect([...world.caches.keys()].sort()).toEqual(['convlab-new', 'someone-else']);
    expect(world.claimed).toBe(1);
  });

  describe('offline, after install', () => {
    beforeEach(async () => {
      world.load('convlab-aaaa');
      await world.extendable('install');
      world.online = false;
      world.fetched.length = 0;
    });

    it('answers precached files from the cache, ignoring a query string', async () => {
      expect(await world.request(`${SCOPE}assets/index-abc.js`)).toBe(`network:${SCOPE}assets/index-abc.js`);
      expect(await world.request(`${SCOPE}data/mnist-embedded.bin.gz?v=2`)).toBe(
        `network:${SCOPE}data/mnist-embedded.bin.gz`,
      );
      expect(world.fetched).toEqual([]);
    });

    it('answers every navigation in scope with the cached index.html', async () => {
      for (const url of [SCOPE, `${SCOPE}index.html`, `${SCOPE}?x=1`, `${SCOPE}some/deep/path`]) {
        expect(await world.request(url, { mode: 'navigate' }), url).toBe(`network:${SCOPE}index.html`);
      }
      expect(world.fetched).toEqual([]);
    });

    it('leaves requests it does not cache to the browser', async () => {
      expect(await world.request(`${SCOPE}data/cifar10/cifar-10-binary.tar.gz`)).toBeNull();
      expect(await world.request(`${SCOPE}api/datasets`)).toBeNull();
      expect(await world.request('https://elsewhere.test/app/index.html')).toBeNull();
      expect(await world.request(`${SCOPE}assets/index-abc.js`, { method: 'POST' })).toBeNull();
    });
  });

  it('goes to the network for a precached file missing from its cache', async () => {
    world.load('convlab-aaaa');
    expect(await world.request(`${SCOPE}assets/index-abc.js`)).toBe(`network:${SCOPE}assets/index-abc.js`);
    expect(world.fetched).toHaveLength(1);
  });

  it('switches over at once only when a page asks it to', () => {
    world.load('convlab-aaaa');
    world.handlers.get('message')!({ data: 'something else' });
    expect(world.skippedWaiting).toBe(0);
    world.handlers.get('message')!({ data: 'skip-waiting' });
    expect(world.skippedWaiting).toBe(1);
  });
});
