/**
 * A small push-style reader for tar archives (ustar, plus the GNU long-name and pax path records
 * that common tools emit), enough for cifar-10-binary.tar.gz. It is fed decompressed chunks as
 * they arrive, so the archive never has to exist in memory as one piece; only the entries the
 * caller asks for are collected.
 *
 * Hostile headers: an entry's declared size is checked against a cap before anything is kept,
 * and a kept entry's buffer holds only the bytes that have actually arrived (it is joined when
 * the entry is complete), so a header claiming terabytes costs a DatasetError, never memory.
 */
import { DatasetError } from './dataset';
import { DEFAULT_MAX_TAR_ENTRY_BYTES, formatBytes, MAX_TAR_RECORD_BYTES } from './limits';

export interface TarHeader {
  /** Path inside the archive, e.g. "cifar-10-batches-bin/data_batch_1.bin". */
  readonly name: string;
  readonly size: number;
  readonly type: 'file' | 'directory' | 'other';
}

export interface TarEntry extends TarHeader {
  readonly data: Uint8Array;
}

/** The most one kept entry may declare, and how a person should hear why. */
export interface TarEntryLimit {
  readonly maxBytes: number;
  /** Completes "more than the 32 MiB …", e.g. "a CIFAR-10 batch can be". */
  readonly what: string;
  /**
   * The most the entries the caller skips may declare in all, when it knows what else an archive
   * holds (CIFAR-10: a readme and a list of class names). Checked at each skipped entry's header,
   * so a 1 TiB entry, or a run of large ones, is refused before its data is inflated.
   */
  readonly skippedBytes?: number;
  /** Completes "more than the 16 MiB …" for skipped entries, e.g. "this archive holds besides its batches". */
  readonly skippedWhat?: string;
}

const DEFAULT_LIMIT: TarEntryLimit = {
  maxBytes: DEFAULT_MAX_TAR_ENTRY_BYTES,
  what: 'a file in this archive may be',
};

const BLOCK = 512;

export class TarReader {
  private readonly header = new Uint8Array(BLOCK);
  private headerFill = 0;
  /** Entry being read: its header, the copied pieces so far when kept (null when skipped), its type flag. */
  private current: { header: TarHeader; parts: Uint8Array[] | null; kind: string } | null = null;
  private remaining = 0;
  private padding = 0;
  private ended = false;
  private longName: string | null = null;
  /** Bytes the skipped entries so far declared, against limit.skippedBytes. */
  private skipped = 0;

  /**
   * @param archive name used in error messages
   * @param onEntry receives each wanted entry once its data is complete
   * @param wanted decides from the header alone whether to keep an entry's data (default: all files)
   * @param limit the largest entry that may be kept (default 64 MiB); larger ones are refused
   */
  constructor(
    private readonly archive: string,
    private readonly onEntry: (entry: TarEntry) => void,
    private readonly wanted: (header: TarHeader) => boolean = (h) => h.type === 'file',
    private readonly limit: TarEntryLimit = DEFAULT_LIMIT,
  ) {}

  /** True once the end-of-archive marker has been read: anything after it is ignored. */
  get finished(): boolean {
    return this.ended;
  }

  push(chunk: Uint8Array): void {
    let pos = 0;
    while (pos < chunk.length && !this.ended) {
      if (this.current) {
        const n = Math.min(this.remaining, chunk.length - pos);
        // A copy: the caller may reuse its chunk after push returns.
        this.current.parts?.push(chunk.slice(pos, pos + n));
        this.remaining -= n;
        pos += n;
        if (this.remaining === 0) this.finishEntry();
      } else if (this.padding > 0) {
        // Entry data is padded to a whole number of 512-byte blocks.
        const n = Math.min(this.padding, chunk.length - pos);
        this.padding -= n;
        pos += n;
      } else {
        const n = Math.min(BLOCK - this.headerFill, chunk.length - pos);
        this.header.set(chunk.subarray(pos, pos + n), this.headerFill);
        this.headerFill += n;
        pos += n;
        if (this.headerFill === BLOCK) {
          this.headerFill = 0;
          this.startEntry();
        }
      }
    }
  }

  /** Call once all bytes are pushed; throws if the archive stops inside an entry. */
  end(): void {
    if (this.current || this.headerFill > 0) {
      const what = this.current ? `inside "${shortName(this.current.header.name)}"` : 'inside an entry header';
      throw new DatasetError(
        `${this.archive}: the archive is incomplete: it is truncated (it ends ${what}). Download it again; an interrupted download is the usual cause.`,
      );
    }
    // A missing end-of-archive marker after a complete entry is tolerated, as GNU tar does.
  }

  private startEntry(): void {
    const h = this.header;
    if (h.every((b) => b === 0)) {
      // A zero block marks the end of the archive (officially two; one is enough to stop).
      this.ended = true;
      return;
    }
    checkChecksum(h, this.archive);
    const kind = String.fromCharCode(h[156]!);
    const size = readSize(h, this.archive);
    let name = readString(h, 0, 100);
    const prefix = readString(h, 345, 155);
    if (readString(h, 257, 5) === 'ustar' && prefix) name = `${prefix}/${name}`;
    if (this.longName !== null) {
      name = this.longName;
      this.longName = null;
    }
    const type = kind === '0' || kind === '\0' || kind === '7' ? 'file' : kind === '5' ? 'directory' : 'other';
    const header: TarHeader = { name, size, type };
    // Long-name records describe the next entry, so their data is always read.
    const isRecord = kind === 'L' || kind === 'x';
    const keep = isRecord || this.wanted(header);
    if (keep) this.checkSize(header, isRecord);
    else this.checkSkipped(header);
    this.current = { header, parts: keep ? [] : null, kind };
    this.remaining = size;
    this.padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if (size === 0) this.finishEntry();
  }

  /** Refuses a kept entry whose declared size is past the cap, before any of its data is held. */
  private checkSize(header: TarHeader, isRecord: boolean): void {
    const max = isRecord ? MAX_TAR_RECORD_BYTES : this.limit.maxBytes;
    if (header.size <= max) return;
    const what = isRecord ? 'a file-name record can be' : this.limit.what;
    const entry = isRecord ? 'a file-name record' : `"${shortName(header.name)}"`;
    throw new DatasetError(
      `${this.archive}: ${entry} declares an entry of ${formatBytes(header.size)}, more than the ${formatBytes(max)} ${what}. The archive is damaged or it is not the expected file.`,
    );
  }

  /** Skipped entries together may not declare more than the caller's budget for them. */
  private checkSkipped(header: TarHeader): void {
    const max = this.limit.skippedBytes;
    if (max === undefined) return;
    this.skipped += header.size;
    if (this.skipped <= max) return;
    const others =
      this.skipped > header.size ? `, ${formatBytes(this.skipped)} with the other files not needed here` : '';
    throw new DatasetError(
      `${this.archive}: "${shortName(header.name)}" declares an entry of ${formatBytes(header.size)}${others}, more than the ${formatBytes(max)} ${this.limit.skippedWhat ?? 'this archive should hold besides the files needed'}. The archive is damaged or it is not the expected file.`,
    );
  }

  private finishEntry(): void {
    const cur = this.current!;
    this.current = null;
    if (!cur.parts) return;
    const data = join(cur.parts, cur.header.size);
    if (cur.kind === 'L') {
      this.longName = readString(data, 0, data.length);
    } else if (cur.kind === 'x') {
      this.longName = paxPath(data) ?? this.longName;
    } else {
      this.onEntry({ ...cur.header, data });
    }
  }
}

/** Reads a whole archive held in memory; returns the wanted entries in archive order. */
export function readTar(bytes: Uint8Array, archive: string, wanted?: (header: TarHeader) => boolean): TarEntry[] {
  const entries: TarEntry[] = [];
  const reader = new TarReader(archive, (e) => entries.push(e), wanted);
  reader.push(bytes);
  reader.end();
  return entries;
}

/** One buffer from an entry's pieces; `size` bytes have arrived by the time this is called. */
function join(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A path for a message: a long-name record can hold a megabyte, so long ones are shown by their end. */
function shortName(name: string): string {
  return name.length > 120 ? `…${name.slice(-100)} (a ${name.length}-character path)` : name;
}

function readString(bytes: Uint8Array, offset: number, length: number): string {
  let end = offset;
  while (end < offset + length && bytes[end] !== 0) end++;
  return new TextDecoder().decode(bytes.subarray(offset, end));
}

/** Sizes are octal text, or (GNU, for huge files) big-endian binary when the top bit is set. */
function readSize(h: Uint8Array, archive: string): number {
  if (h[124]! & 0x80) {
    let size = 0;
    for (let i = 125; i < 136; i++) size = size * 256 + h[i]!;
    // Past 2^53 the arithmetic on it (remaining bytes, padding) would be inexact.
    if (!Number.isSafeInteger(size))
      throw notTar(archive, `an entry declares ${formatBytes(size)}, an impossible size`);
    return size;
  }
  const text = readString(h, 124, 12).trim();
  if (!/^[0-7]*$/.test(text)) throw notTar(archive, `an entry has an unreadable size field "${text}"`);
  return text === '' ? 0 : Number.parseInt(text, 8);
}

function checkChecksum(h: Uint8Array, archive: string): void {
  const stored = readString(h, 148, 8).trim();
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : h[i]!;
    unsigned += b;
    signed += b >= 128 ? b - 256 : b;
  }
  const value = /^[0-7]+$/.test(stored) ? Number.parseInt(stored, 8) : Number.NaN;
  // Some old tools summed signed bytes; accept either, as tar itself does.
  if (value !== unsigned && value !== signed) {
    throw notTar(archive, 'a header checksum does not match, so the archive is damaged (or not a tar file)');
  }
}

function notTar(archive: string, detail: string): DatasetError {
  return new DatasetError(`${archive}: ${detail}. Download it again.`);
}

/** A pax extended header holds "LEN key=value\n" records; we only need `path`. */
function paxPath(data: Uint8Array): string | null {
  const text = new TextDecoder().decode(data);
  for (const line of text.split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(line);
    if (match) return match[1]!;
  }
  return null;
}
