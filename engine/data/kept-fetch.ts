/**
 * A fetch that looks in the browser's dataset store first and keeps what it downloads, once the
 * dataset has parsed (so a damaged download is never kept). The worker wraps its dataset loads in
 * one of these; the page hears what happened through the returned note.
 */
import type { BrowserStore } from './browser-store';
import { DatasetError } from './dataset';
import type { FetchBytes } from './fetch-dataset';
import { fetchBytes } from './fetch-dataset';
import { formatBytes } from './limits';

/** What keeping did for this load, in words for the Data tab. */
export interface KeepNote {
  readonly where: 'browser' | 'kept-now' | 'not-kept';
  readonly message: string;
}

export interface KeptFetch {
  readonly fetcher: FetchBytes;
  /** Writes what was downloaded into the store; call only after the dataset parsed. */
  commit(): Promise<KeepNote>;
  /** Forgets the stored copy (it did not parse: the stored bytes were damaged). */
  discard(): Promise<void>;
}

export function keptFetch(store: BrowserStore | null, set: string, label: string): KeptFetch {
  const downloaded: { name: string; bytes: Uint8Array }[] = [];
  let fromStore = 0;
  const fetcher: FetchBytes = async (url, onProgress, signal, missing) => {
    const name = url.slice(url.lastIndexOf('/') + 1);
    const kept = store ? await store.read(set, name) : null;
    if (kept && kept.length > 0) {
      fromStore++;
      onProgress?.({ phase: 'download', file: name, loaded: kept.length, total: kept.length });
      return kept;
    }
    const bytes = await fetchBytes(url, onProgress, signal, missing);
    downloaded.push({ name, bytes });
    return bytes;
  };
  return {
    fetcher,
    async commit() {
      if (!store) {
        return {
          where: 'not-kept',
          message: `This browser cannot keep ${label} between visits, so a reload downloads it again.`,
        };
      }
      if (downloaded.length === 0) {
        return { where: 'browser', message: `${label} came from this browser's storage: nothing was downloaded.` };
      }
      const size = downloaded.reduce((n, f) => n + f.bytes.length, 0);
      try {
        await store.write(set, downloaded);
      } catch (error) {
        const message = error instanceof DatasetError ? error.message : `This browser could not keep ${label}.`;
        return { where: 'not-kept', message };
      }
      return {
        where: fromStore > 0 ? 'browser' : 'kept-now',
        message: `${label} is now kept in this browser (${formatBytes(size)}): a reload or another tab uses it without downloading again.`,
      };
    },
    async discard() {
      if (fromStore > 0) await store?.remove(set);
    },
  };
}
