/**
 * Keeping datasets in the browser when its storage is full (issue 13): BrowserStore on an
 * in-memory OPFS (browser-store-fake.ts). Whether navigator.storage.estimate says there is no
 * room, or a write (or its commit at close) throws QuotaExceededError, keeping is refused with a
 * StorageFullError in words, no half-written set is left behind, other sets are untouched, and
 * the Data tab's note (keptFetch's commit) carries the same words.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserStore, StorageFullError, setTitle } from '../../engine/data/browser-store';
import { DatasetError } from '../../engine/data/dataset';
import { keptFetch } from '../../engine/data/kept-fetch';
import { type FakeDirectory, type FakeQuota, fakeOpfs } from './browser-store-fake';

const KiB = 1024;
const file = (name: string, bytes: number): { name: string; bytes: Uint8Array } => ({
  name,
  bytes: new Uint8Array(bytes).fill(7),
});
const MNIST = [
  file('train-images-idx3-ubyte.gz', 6 * KiB),
  file('train-labels-idx1-ubyte.gz', 1 * KiB),
  file('t10k-images-idx3-ubyte.gz', 2 * KiB),
];

function storeWith(quota: Omit<FakeQuota, 'writes' | 'aborted'>): { store: BrowserStore; root: FakeDirectory } {
  const root = fakeOpfs(quota);
  return { store: new BrowserStore(root as unknown as FileSystemDirectoryHandle), root };
}

/** navigator.storage.estimate as a browser reports it (usage and quota in bytes). */
function estimateSays(usage: number, quota: number): void {
  vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage, quota }) } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

async function refusal(write: Promise<void>): Promise<Error> {
  const error = await write.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the write was refused').toBeInstanceOf(Error);
  return error as Error;
}

describe('BrowserStore.write with room to spare', () => {
  it('keeps every file and lists the set with its size', async () => {
    const { store } = storeWith({ quota: 1 << 20 });
    await store.write('mnist', MNIST);
    expect(await store.list()).toEqual([
      {
        name: 'mnist',
        bytes: 9 * KiB,
        files: [
          { name: 'train-images-idx3-ubyte.gz', bytes: 6 * KiB },
          { name: 'train-labels-idx1-ubyte.gz', bytes: 1 * KiB },
          { name: 't10k-images-idx3-ubyte.gz', bytes: 2 * KiB },
        ],
      },
    ]);
    expect((await store.read('mnist', 't10k-images-idx3-ubyte.gz'))?.length).toBe(2 * KiB);
  });
});

describe('BrowserStore.write when the storage is full', () => {
  it('opening and listing a full storage create nothing; keeping there is a StorageFullError, not "cannot keep"', async () => {
    const { store, root } = storeWith({ quota: 0 });
    expect(await store.list()).toEqual([]);
    expect(await store.read('mnist', 'train-images-idx3-ubyte.gz')).toBeNull();
    expect(root.children.size).toBe(0);
    const error = await refusal(store.write('cifar10', [file('cifar-10-binary.tar.gz', 1 * KiB)]));
    expect(error).toBeInstanceOf(StorageFullError);
    expect(error.message).toContain('no room left to keep CIFAR-10 (1 KiB)');
    expect(root.children.size).toBe(0);
  });

  it('refuses before writing anything when navigator.storage.estimate leaves too little room', async () => {
    estimateSays(1_000_000, 1_005_000);
    const { store, root } = storeWith({ quota: 1 << 30 });
    const error = await refusal(store.write('mnist', MNIST));
    expect(error).toBeInstanceOf(StorageFullError);
    expect(error.message).toBe(
      'This browser has no room left to keep full MNIST (9 KiB) for next time. It works for this visit; to keep it, delete stored datasets you no longer need in the Data tab, or allow this site more storage.',
    );
    expect(root.quota.writes).toBe(0);
    expect(await store.list()).toEqual([]);
  });

  it('writes when the estimate leaves room, and when the browser gives no estimate', async () => {
    estimateSays(0, 10 * KiB);
    const first = storeWith({ quota: 1 << 20 });
    await first.store.write('mnist', MNIST);
    expect((await first.store.list()).map((s) => s.bytes)).toEqual([9 * KiB]);
    vi.stubGlobal('navigator', { storage: { estimate: () => Promise.reject(new Error('no estimate here')) } });
    const second = storeWith({ quota: 1 << 20 });
    await second.store.write('cifar10', [file('cifar-10-binary.tar.gz', 3 * KiB)]);
    expect((await second.store.list()).map((s) => s.name)).toEqual(['cifar10']);
  });

  it.each([
    ['the quota runs out on the second file', { quota: 7.5 * KiB }],
    ['the second write throws QuotaExceededError', { quota: 1 << 20, failAt: { n: 3, name: 'QuotaExceededError' } }],
    [
      'the second file fails to commit at close',
      { quota: 1 << 20, failAt: { n: 3, name: 'QuotaExceededError', atClose: true } },
    ],
    ['the worker’s sync access handle runs out', { quota: 7.5 * KiB, syncOnly: true }],
  ] as [string, Omit<FakeQuota, 'writes' | 'aborted'>][])(
    '%s: a StorageFullError, and no half-written set',
    async (_when, quota) => {
      const { store, root } = storeWith(quota);
      await store.write('dropped-cifar10', [file('data_batch_1.bin', 1 * KiB)]);
      const error = await refusal(store.write('mnist', MNIST));
      expect(error).toBeInstanceOf(StorageFullError);
      expect(error.message).toContain('no room left to keep full MNIST (9 KiB)');
      // The failed set is gone entirely (its first file was written); the set stored before is untouched.
      expect((await store.list()).map((s) => [s.name, s.bytes])).toEqual([['dropped-cifar10', 1 * KiB]]);
      expect(await store.read('mnist', 'train-images-idx3-ubyte.gz')).toBeNull();
      expect(root.quota.aborted).toBe(quota.syncOnly ? 0 : 1);
    },
  );

  it('another refusal by the storage is a DatasetError in words, and also leaves no half-written set', async () => {
    const { store } = storeWith({ quota: 1 << 20, failAt: { n: 3, name: 'NotAllowedError' } });
    const error = await refusal(store.write('dropped-mnist', MNIST));
    expect(error).toBeInstanceOf(DatasetError);
    expect(error).not.toBeInstanceOf(StorageFullError);
    expect(error.message).toBe(
      'This browser could not keep your dropped MNIST files: its storage refused to write it.',
    );
    expect(await store.list()).toEqual([]);
  });
});

describe('the Data tab’s note when a download cannot be kept', () => {
  it('keptFetch.commit says the storage is full, in the same words, and keeps nothing', async () => {
    estimateSays(500, 1000);
    const { store } = storeWith({ quota: 1 << 30 });
    const kept = keptFetch(store, 'cifar10', 'CIFAR-10');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(new Uint8Array(4 * KiB), { status: 200 })),
    );
    const bytes = await kept.fetcher('http://x/data/cifar10/cifar-10-binary.tar.gz');
    expect(bytes.length).toBe(4 * KiB);
    const note = await kept.commit();
    expect(note.where).toBe('not-kept');
    expect(note.message).toContain('no room left to keep CIFAR-10 (4 KiB)');
    expect(note.message).toContain('delete stored datasets you no longer need in the Data tab');
    expect(await store.list()).toEqual([]);
  });

  it('names every set the studio keeps in words', () => {
    expect(['mnist', 'cifar10', 'dropped-mnist', 'dropped-cifar10', 'other'].map(setTitle)).toEqual([
      'full MNIST',
      'CIFAR-10',
      'your dropped MNIST files',
      'your dropped CIFAR-10 files',
      'other',
    ]);
  });
});
