/**
 * An in-memory Origin Private File System for the browser-store tests: directories, files, and
 * writables that behave as Chromium's do where it matters here (bytes land on close, a write past
 * the quota throws a QuotaExceededError DOMException, an open writable blocks removing its file
 * until it is closed or aborted). `failAt` makes the n-th write (or close) of the store fail.
 */

export interface FakeQuota {
  /** Bytes the origin may store; writes past it throw QuotaExceededError. */
  quota: number;
  /** Throw this DOMException name at the n-th write (1-based), or at its close when `atClose`. */
  failAt?: { readonly n: number; readonly name: string; readonly atClose?: boolean };
  /** Writes started so far. */
  writes: number;
  /** Writables aborted after a failure. */
  aborted: number;
  /** Make createWritable missing, so the sync access handle (the worker's way) is used. */
  syncOnly?: boolean;
}

type Entry = FakeDirectory | FakeFile;

export class FakeFile {
  readonly kind = 'file';
  bytes = new Uint8Array(0);
  open = false;
  constructor(
    readonly name: string,
    private readonly root: FakeDirectory,
    private readonly quota: FakeQuota,
  ) {}

  async getFile(): Promise<{ size: number; arrayBuffer(): Promise<ArrayBuffer> }> {
    const bytes = this.bytes.slice();
    return { size: bytes.length, arrayBuffer: async () => bytes.buffer };
  }

  private check(size: number, atClose: boolean): void {
    const { failAt } = this.quota;
    if (failAt && failAt.n === this.quota.writes && Boolean(failAt.atClose) === atClose) {
      throw new DOMException(`fake ${failAt.name}`, failAt.name);
    }
    if (this.root.usage() - this.bytes.length + size > this.quota.quota) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
  }

  get createWritable(): (() => Promise<unknown>) | undefined {
    if (this.quota.syncOnly) return undefined;
    return async () => {
      this.open = true;
      this.quota.writes++;
      let pending = new Uint8Array(0);
      return {
        write: async (data: Uint8Array) => {
          this.check(data.length, false);
          pending = data.slice();
        },
        close: async () => {
          this.check(pending.length, true);
          this.bytes = pending;
          this.open = false;
        },
        abort: async () => {
          this.quota.aborted++;
          this.open = false;
        },
      };
    };
  }

  async createSyncAccessHandle(): Promise<unknown> {
    this.open = true;
    this.quota.writes++;
    return {
      truncate: (n: number) => {
        this.bytes = this.bytes.slice(0, n);
      },
      write: (data: Uint8Array) => {
        this.check(data.length, false);
        this.bytes = data.slice();
        return data.length;
      },
      flush: () => undefined,
      close: () => {
        this.open = false;
      },
    };
  }
}

export class FakeDirectory {
  readonly kind = 'directory';
  readonly children = new Map<string, Entry>();
  constructor(
    readonly name: string,
    private readonly root: FakeDirectory | null,
    readonly quota: FakeQuota,
  ) {}

  private top(): FakeDirectory {
    return this.root ?? this;
  }

  /** A new entry costs something too: with the quota used up, even creating a folder fails. */
  private checkRoom(): void {
    if (this.top().usage() >= this.quota.quota) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
  }

  usage(): number {
    let n = 0;
    for (const child of this.children.values()) n += child instanceof FakeFile ? child.bytes.length : child.usage();
    return n;
  }

  async getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<FakeDirectory> {
    const found = this.children.get(name);
    if (found instanceof FakeDirectory) return found;
    if (found || !options?.create) throw new DOMException(`no directory ${name}`, 'NotFoundError');
    this.checkRoom();
    const dir = new FakeDirectory(name, this.top(), this.quota);
    this.children.set(name, dir);
    return dir;
  }

  async getFileHandle(name: string, options?: { create?: boolean }): Promise<FakeFile> {
    const found = this.children.get(name);
    if (found instanceof FakeFile) return found;
    if (found || !options?.create) throw new DOMException(`no file ${name}`, 'NotFoundError');
    this.checkRoom();
    const file = new FakeFile(name, this.top(), this.quota);
    this.children.set(name, file);
    return file;
  }

  async removeEntry(name: string, _options?: { recursive?: boolean }): Promise<void> {
    const found = this.children.get(name);
    if (!found) throw new DOMException(`no entry ${name}`, 'NotFoundError');
    if (isLocked(found)) throw new DOMException(`${name} is open for writing`, 'NoModificationAllowedError');
    this.children.delete(name);
  }

  async *entries(): AsyncIterableIterator<[string, Entry]> {
    for (const entry of [...this.children.entries()]) yield entry;
  }
}

function isLocked(entry: Entry): boolean {
  if (entry instanceof FakeFile) return entry.open;
  return [...entry.children.values()].some(isLocked);
}

/** A fresh origin file system root (what navigator.storage.getDirectory gives) with the given quota. */
export function fakeOpfs(quota: Omit<FakeQuota, 'writes' | 'aborted'>): FakeDirectory {
  return new FakeDirectory('', null, { writes: 0, aborted: 0, ...quota });
}
