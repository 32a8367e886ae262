/**
 * Progress reports shared by the loaders, so one progress bar in the page (or one stderr line in
 * the CLI) can follow a download, then decompression, then parsing.
 */
export interface LoadProgress {
  /** What is happening now. */
  readonly phase: 'download' | 'decompress' | 'parse';
  /** Which file (for a person to read). */
  readonly file: string;
  /** Bytes handled so far in this phase (compressed bytes for 'decompress'). */
  readonly loaded: number;
  /** Bytes this phase will handle, when known. */
  readonly total?: number;
}

export type ProgressCallback = (progress: LoadProgress) => void;
