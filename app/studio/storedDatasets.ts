/**
 * What the browser keeps of the full datasets (engine/data/browser-store.ts), for the Data tab:
 * the list with sizes, the worker's note on the last load, and loading or deleting a stored set.
 */
import { create } from 'zustand';
import { openBrowserStore, type StoredSet } from '../../engine/data/browser-store';
import type { KeepNote } from '../../engine/data/kept-fetch';

interface StoredDatasetsState {
  /** null until listed; [] where the browser keeps nothing (or cannot). */
  readonly sets: readonly StoredSet[] | null;
  readonly supported: boolean;
  readonly note: KeepNote | null;
  readonly error: string | null;
}

export const useStoredDatasets = create<StoredDatasetsState>(() => ({
  sets: null,
  supported: true,
  note: null,
  error: null,
}));

export async function refreshStoredDatasets(): Promise<void> {
  const store = await openBrowserStore();
  if (!store) {
    useStoredDatasets.setState({ sets: [], supported: false });
    return;
  }
  try {
    useStoredDatasets.setState({ sets: await store.list(), supported: true, error: null });
  } catch {
    useStoredDatasets.setState({ sets: [], error: 'This browser would not list its stored datasets.' });
  }
}

/** The worker's word on the last load (kept now, came from storage, or could not be kept). */
export function noteKept(note: KeepNote | null): void {
  useStoredDatasets.setState({ note });
  if (note) void refreshStoredDatasets();
}

export async function deleteStoredDataset(name: string): Promise<void> {
  const store = await openBrowserStore();
  await store?.remove(name);
  await refreshStoredDatasets();
}

/** A stored set of dropped files, read back as File objects so the usual drop path loads them. */
export async function storedFiles(set: StoredSet): Promise<File[]> {
  const store = await openBrowserStore();
  if (!store) return [];
  const files: File[] = [];
  for (const f of set.files) {
    const bytes = await store.read(set.name, f.name);
    if (bytes) files.push(new File([bytes as Uint8Array<ArrayBuffer>], f.name));
  }
  return files;
}
