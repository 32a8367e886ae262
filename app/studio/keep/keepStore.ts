/**
 * UI state of keep-and-share, apart from the studio store (which mirrors the worker): the Saved
 * list, feedback shown in place, the share link, the autosave's state and the notice about a
 * restored session or an opened share link.
 */
import { create } from 'zustand';
import type { SavedModelMeta } from './db';

export interface KeepMessage {
  readonly kind: 'ok' | 'error';
  readonly text: string;
}

export interface KeepNotice {
  readonly kind: 'restored' | 'shared' | 'fresh' | 'problem';
  readonly text: string;
  /** Further lines, e.g. what a share link held that could not be used. */
  readonly details: readonly string[];
}

export type AutosaveState = 'starting' | 'pending' | 'saving' | 'saved' | 'error' | 'off';

export interface KeepState {
  /** null until the list has been read. */
  readonly saved: readonly SavedModelMeta[] | null;
  /** Why the browser storage cannot be used, or null. */
  readonly storageError: string | null;
  /** What is being done right now ("Saving…"), or null. */
  readonly busy: string | null;
  readonly message: KeepMessage | null;
  /** The entry just saved or imported, to point at it. */
  readonly highlight: number | null;
  readonly notice: KeepNotice | null;
  readonly autosave: AutosaveState;
  readonly autosavedAt: string | null;
  readonly autosaveError: string | null;
  readonly shareLink: string | null;
  readonly shareCopied: 'copied' | 'failed' | null;
}

export const useKeep = create<KeepState>()(() => ({
  saved: null,
  storageError: null,
  busy: null,
  message: null,
  highlight: null,
  notice: null,
  autosave: 'starting',
  autosavedAt: null,
  autosaveError: null,
  shareLink: null,
  shareCopied: null,
}));

export const patchKeep = (patch: Partial<KeepState>): void => useKeep.setState(patch);
