/**
 * A small promise wrapper over IndexedDB for the studio's keep-and-share feature (no library).
 * One database, three object stores:
 *   models   metadata of each saved model (auto-increment id), what the Saved list shows
 *   files    the model's .convlab bytes under the same id (kept apart so listing stays cheap)
 *   session  the autosaved session under the keys 'setup' and 'model'
 * Every function rejects with an Error whose message says what failed; callers show it in place.
 */

const DB_NAME = 'convlab-keep';
const DB_VERSION = 1;

export interface SavedModelMeta {
  readonly id: number;
  readonly name: string;
  /** ISO 8601. */
  readonly savedAt: string;
  readonly specName: string;
  readonly params: number;
  readonly epochs: number;
  readonly accuracy: number | null;
  readonly datasetName: string;
  readonly bytes: number;
}

export type SessionKey = 'setup' | 'model';

let opening: Promise<IDBDatabase> | null = null;
let opened: IDBDatabase | null = null;

export function keepStorageAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

function openDb(): Promise<IDBDatabase> {
  if (opening) return opening;
  opening = new Promise<IDBDatabase>((resolve, reject) => {
    if (!keepStorageAvailable()) {
      reject(new Error('this browser has no IndexedDB storage'));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (error) {
      reject(asError(error, 'the browser refused to open its storage'));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('models'))
        db.createObjectStore('models', { keyPath: 'id', autoIncrement: true });
      if (!db.objectStoreNames.contains('files')) db.createObjectStore('files');
      if (!db.objectStoreNames.contains('session')) db.createObjectStore('session');
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the database: step aside rather than block it.
      db.onversionchange = () => {
        db.close();
        opened = null;
        opening = null;
      };
      opened = db;
      resolve(db);
    };
    request.onerror = () => reject(asError(request.error, 'the browser refused to open its storage'));
    request.onblocked = () => reject(new Error('another ConvLab tab is upgrading the storage; close it and retry'));
  });
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

function asError(error: unknown, fallback: string): Error {
  if (error instanceof Error) return new Error(error.message || fallback);
  if (error && typeof error === 'object' && 'message' in error) return new Error(String(error.message) || fallback);
  return new Error(fallback);
}

/** Runs `body` in one transaction; resolves with its result once the transaction has committed. */
async function inTransaction<T>(
  stores: readonly string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => Promise<T> | T,
): Promise<T> {
  const db = opened ?? (await openDb());
  return new Promise<T>((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(stores as string[], mode);
    } catch (error) {
      reject(asError(error, 'the storage could not be used'));
      return;
    }
    let result: T;
    tx.oncomplete = () => resolve(result);
    tx.onabort = () =>
      reject(
        tx.error?.name === 'QuotaExceededError'
          ? new Error('the browser has no room left for it (storage quota exceeded); delete some saved models')
          : asError(tx.error, 'the storage transaction was aborted'),
      );
    tx.onerror = () => undefined; // onabort follows with the reason
    Promise.resolve(body(tx)).then(
      (value) => {
        result = value;
      },
      (error) => {
        try {
          tx.abort();
        } catch {
          // already finished
        }
        reject(asError(error, 'the storage request failed'));
      },
    );
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(asError(req.error, 'the storage request failed'));
  });
}

export function putModel(meta: Omit<SavedModelMeta, 'id'>, bytes: Uint8Array): Promise<number> {
  return inTransaction(['models', 'files'], 'readwrite', async (tx) => {
    const id = (await request(tx.objectStore('models').add(meta))) as number;
    await request(tx.objectStore('files').put(bytes.slice(), id));
    return id;
  });
}

/** Every saved model, newest first. */
export async function listModels(): Promise<SavedModelMeta[]> {
  const all = await inTransaction(['models'], 'readonly', (tx) =>
    request(tx.objectStore('models').getAll() as IDBRequest<SavedModelMeta[]>),
  );
  return all.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : b.id - a.id));
}

export async function getModelBytes(id: number): Promise<Uint8Array | null> {
  const value = await inTransaction(['files'], 'readonly', (tx) => request(tx.objectStore('files').get(id)));
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return null;
}

export function deleteModel(id: number): Promise<void> {
  return inTransaction(['models', 'files'], 'readwrite', async (tx) => {
    await request(tx.objectStore('models').delete(id));
    await request(tx.objectStore('files').delete(id));
  });
}

export function getSession<T>(key: SessionKey): Promise<T | undefined> {
  return inTransaction(['session'], 'readonly', (tx) => request(tx.objectStore('session').get(key) as IDBRequest<T>));
}

export function putSession(key: SessionKey, value: unknown): Promise<void> {
  return inTransaction(['session'], 'readwrite', async (tx) => {
    await request(tx.objectStore('session').put(value, key));
  });
}

export function deleteSession(key: SessionKey): Promise<void> {
  return inTransaction(['session'], 'readwrite', async (tx) => {
    await request(tx.objectStore('session').delete(key));
  });
}
