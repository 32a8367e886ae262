/**
 * Datasets kept in the browser (the Origin Private File System), so a reload or a second tab
 * uses full MNIST, CIFAR-10 or dropped files without downloading them again. Works in the page
 * (listing, deleting, reading dropped sets back) and in the worker (reading before a fetch,
 * writing after a successful parse). Where OPFS is missing (old browsers, some private modes)
 * openBrowserStore() answers null and everything works as before, just without keeping.
 *
 * Layout: convlab-datasets/<set>/<file>, <set> being "mnist", "cifar10" or "dropped-<name>".
 */
import { DatasetError } from './dataset';
import { formatBytes } from './limits';

const ROOT = 'convlab-datasets';

/** No room left: the browser's quota for this site is used up (not a damaged file). */
export class StorageFullError extends DatasetError {}

export interface StoredFile {
  readonly name: string;
  readonly bytes: number;
}

export interface StoredSet {
  readonly name: string;
  readonly files: readonly StoredFile[];
  readonly bytes: number;
}

/** Set and file names are ours or a dropped file's: keep them to a safe, short alphabet. */
export function safeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return cleaned.slice(0, 100) || '_';
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

/** A set's name as the Data tab says it ("dropped-mnist" is "your dropped MNIST files"). */
export function setTitle(set: string): string {
  const titles: Readonly<Record<string, string>> = {
    mnist: 'full MNIST',
    cifar10: 'CIFAR-10',
    'dropped-mnist': 'your dropped MNIST files',
    'dropped-cifar10': 'your dropped CIFAR-10 files',
  };
  return Object.hasOwn(titles, set) ? titles[set]! : set;
}

function storageFull(set: string, bytes: number): StorageFullError {
  return new StorageFullError(
    `This browser has no room left to keep ${setTitle(set)} (${formatBytes(bytes)}) for next time. It works for this visit; to keep it, delete stored datasets you no longer need in the Data tab, or allow this site more storage.`,
  );
}

/** Bytes the browser says this site may still store, or null when it will not say (Node, old browsers). */
async function roomLeft(): Promise<number | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const estimate = await storage?.estimate?.().catch(() => undefined);
  if (estimate?.quota === undefined || estimate.usage === undefined) return null;
  return estimate.quota - estimate.usage;
}

interface WritableHandle {
  createWritable?: () => Promise<{
    write(data: BufferSource): Promise<void>;
    close(): Promise<void>;
    abort?(): Promise<void>;
  }>;
  createSyncAccessHandle?: () => Promise<{
    write(data: BufferSource, options?: { at: number }): number;
    truncate(n: number): void;
    flush(): void;
    close(): void;
  }>;
}

/**
 * The store over the origin's file system root (`top`). Only a write creates anything (the
 * convlab-datasets folder included): opening, listing and reading never do, so a browser whose
 * storage is full still lists what it keeps and says "full" rather than "cannot keep".
 */
export class BrowserStore {
  constructor(private readonly top: FileSystemDirectoryHandle) {}

  /** convlab-datasets, or null when it does not exist yet (reading) or cannot be opened. */
  private async root(): Promise<FileSystemDirectoryHandle | null> {
    return this.top.getDirectoryHandle(ROOT).catch(() => null);
  }

  private async setDir(set: string): Promise<FileSystemDirectoryHandle | null> {
    const root = await this.root();
    return root ? root.getDirectoryHandle(safeName(set)).catch(() => null) : null;
  }

  /** The file's bytes, or null when it is not stored. */
  async read(set: string, file: string): Promise<Uint8Array | null> {
    const dir = await this.setDir(set);
    if (!dir) return null;
    try {
      const handle = await dir.getFileHandle(safeName(file));
      return new Uint8Array(await (await handle.getFile()).arrayBuffer());
    } catch {
      return null;
    }
  }

  /** Writes whole files into a set; a full quota is a StorageFullError and leaves no half-written set. */
  async write(set: string, files: readonly { readonly name: string; readonly bytes: Uint8Array }[]): Promise<void> {
    const total = files.reduce((n, f) => n + f.bytes.length, 0);
    const room = await roomLeft();
    if (room !== null && room < total) throw storageFull(set, total);
    try {
      const root = await this.top.getDirectoryHandle(ROOT, { create: true });
      const dir = await root.getDirectoryHandle(safeName(set), { create: true });
      for (const file of files)
        await writeFile(await dir.getFileHandle(safeName(file.name), { create: true }), file.bytes);
    } catch (error) {
      await this.remove(set);
      if (isQuotaError(error)) throw storageFull(set, total);
      throw new DatasetError(`This browser could not keep ${setTitle(set)}: its storage refused to write it.`);
    }
  }

  async list(): Promise<StoredSet[]> {
    const sets: StoredSet[] = [];
    const root = await this.root();
    if (!root) return sets;
    for await (const [name, handle] of entries(root)) {
      if (handle.kind !== 'directory') continue;
      const files: StoredFile[] = [];
      for await (const [fileName, fileHandle] of entries(handle as FileSystemDirectoryHandle)) {
        if (fileHandle.kind === 'file')
          files.push({ name: fileName, bytes: (await (fileHandle as FileSystemFileHandle).getFile()).size });
      }
      sets.push({ name, files, bytes: files.reduce((n, f) => n + f.bytes, 0) });
    }
    return sets.sort((a, b) => a.name.localeCompare(b.name));
  }

  async remove(set: string): Promise<void> {
    await (await this.root())?.removeEntry(safeName(set), { recursive: true }).catch(() => undefined);
  }
}

/** createWritable where the browser has it (page and worker); a sync access handle in workers otherwise. */
async function writeFile(handle: FileSystemFileHandle, bytes: Uint8Array): Promise<void> {
  const h = handle as unknown as WritableHandle;
  if (h.createWritable) {
    const out = await h.createWritable();
    try {
      await out.write(bytes as Uint8Array<ArrayBuffer>);
      await out.close();
    } catch (error) {
      // An open writable keeps its swap file and may lock the file: let go, so the set can be removed.
      await out.abort?.().catch(() => undefined);
      throw error;
    }
    return;
  }
  if (h.createSyncAccessHandle) {
    const access = await h.createSyncAccessHandle();
    try {
      access.truncate(0);
      access.write(bytes as Uint8Array<ArrayBuffer>, { at: 0 });
      access.flush();
    } finally {
      access.close();
    }
    return;
  }
  throw new DatasetError('This browser cannot write files into its storage.');
}

type DirectoryWithEntries = FileSystemDirectoryHandle & {
  entries(): AsyncIterableIterator<[string, FileSystemHandle]>;
};

function entries(dir: FileSystemDirectoryHandle): AsyncIterableIterator<[string, FileSystemHandle]> {
  return (dir as DirectoryWithEntries).entries();
}

/** The store, or null where this browser has no Origin Private File System. */
export async function openBrowserStore(): Promise<BrowserStore | null> {
  try {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.getDirectory) return null;
    return new BrowserStore(await storage.getDirectory());
  } catch {
    return null;
  }
}
