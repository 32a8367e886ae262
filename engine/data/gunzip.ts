/**
 * gzip decompression on the web-standard DecompressionStream, so the same code runs in Node (20+),
 * the page and a worker with no dependency. Files that are not gzip (no 1f 8b magic) pass through
 * unchanged, because users drop both the official .gz files and ones their browser or OS has
 * already unpacked.
 *
 * Multi-member gzip (several gzip files concatenated, which is still a valid gzip file): Node's
 * implementation decodes every member, but browsers stop with an error at the end of the first.
 * When the one-pass attempt fails we therefore look for member boundaries ourselves (see
 * `decodeMembers`) before reporting the file as corrupt.
 *
 * Gzip bombs: the output cap holds on both paths. The running total is checked as each chunk
 * arrives and the stream is cancelled as soon as it passes the cap; the fallback counts a
 * member's output the same way while it buffers it. Input is fed in small slices because a
 * decompressor may inflate a whole input chunk at once and deflate expands at most about
 * 1032:1, so one slice can overshoot the cap by at most ~16 MiB before we see it.
 */
import { DatasetError } from './dataset';
import { DEFAULT_MAX_UNPACKED_BYTES, formatBytes } from './limits';

export interface GunzipOptions {
  /** Name of the file, used in error messages. */
  readonly name?: string;
  /**
   * Fails with a DatasetError once the output would exceed this many bytes (guards against gzip
   * bombs). Default DEFAULT_MAX_UNPACKED_BYTES (256 MiB).
   */
  readonly maxOutputBytes?: number;
  /** Called as input is consumed and output produced. */
  readonly onProgress?: (bytesIn: number, bytesOut: number) => void;
  /**
   * Makes one gzip decompressor. Default: the platform's DecompressionStream. Tests inject one
   * that stops after the first member, as browsers' does, to drive the fallback in Node.
   */
  readonly decompressor?: () => ReadableWritablePair<Uint8Array, BufferSource>;
  /** 'members' skips the one-pass attempt and decodes member by member (the fallback), for tests. */
  readonly path?: 'auto' | 'members';
  /**
   * Asked after each chunk: true when the consumer has everything it needs (a tar reader past its
   * end-of-archive marker), so the rest is not inflated at all: whatever a file carries after
   * that, a gzip bomb of zeros included, costs nothing.
   */
  readonly done?: () => boolean;
}

/** Input is fed to the decompressor in slices so progress moves and memory stays flat (see above). */
const SLICE_BYTES = 16 << 10;
/** Smallest possible gzip member: 10-byte header, 2-byte empty deflate block, 8-byte trailer. */
const MIN_MEMBER_BYTES = 20;
/** Failed boundary trials before we call the file corrupt; real multi-member files need few. */
const MAX_FAILED_TRIALS = 32;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses into one buffer (or returns `bytes` itself when it is not gzip). */
export async function gunzip(bytes: Uint8Array, options: GunzipOptions = {}): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const chunks: Uint8Array[] = [];
  const total = await gunzipChunks(bytes, (chunk) => chunks.push(chunk), options);
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Streams the decompressed bytes to `onChunk` (a chunk is only valid during the call if the
 * caller keeps it; it is never reused by us). Raw input is passed through as one chunk.
 * Resolves with the number of bytes produced.
 */
export async function gunzipChunks(
  bytes: Uint8Array,
  onChunk: (chunk: Uint8Array) => void,
  options: GunzipOptions = {},
): Promise<number> {
  const name = options.name ?? 'file';
  const cap = options.maxOutputBytes ?? DEFAULT_MAX_UNPACKED_BYTES;
  if (!isGzip(bytes)) {
    if (bytes.length > cap) throw tooBig(name, cap);
    onChunk(bytes);
    options.onProgress?.(bytes.length, bytes.length);
    return bytes.length;
  }
  const make = options.decompressor ?? ((): DecompressionStream => new DecompressionStream('gzip'));
  let produced = 0;
  const emit = (chunk: Uint8Array): void => {
    produced += chunk.length;
    // Checked before the consumer sees the chunk; throwing here cancels the stream.
    if (produced > cap) throw tooBig(name, cap);
    onChunk(chunk);
  };
  const done = options.done ?? ((): boolean => false);
  if (options.path !== 'members') {
    try {
      await decompressOne(bytes, emit, make, options.onProgress, done);
      return produced;
    } catch (error) {
      if (error instanceof DatasetError) throw error;
      if (memberCandidates(bytes, MIN_MEMBER_BYTES).length === 0) throw corrupt(name, error);
    }
  }
  // Re-decode member by member, skipping the output the consumer has already seen.
  let alreadyEmitted = produced;
  await decodeMembers(bytes, { name, cap, make, done }, (chunk) => {
    if (alreadyEmitted >= chunk.length) {
      alreadyEmitted -= chunk.length;
      return;
    }
    const rest = chunk.subarray(alreadyEmitted);
    alreadyEmitted = 0;
    emit(rest);
  });
  options.onProgress?.(bytes.length, produced);
  return produced;
}

function tooBig(name: string, cap: number): DatasetError {
  return new DatasetError(
    `${name}: unpacks to more than ${formatBytes(cap)}, far more than this dataset should; it is not the expected file (or it was built to exhaust memory), so it was not unpacked further.`,
  );
}

function corrupt(name: string, cause: unknown): DatasetError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new DatasetError(
    `${name}: the gzip data is corrupt or incomplete (${detail}). Download the file again; an interrupted download is the usual cause.`,
  );
}

/** One DecompressionStream over `input`; rejects (never hangs) on corrupt or truncated data. */
async function decompressOne(
  input: Uint8Array,
  onChunk: (chunk: Uint8Array) => void,
  make: () => ReadableWritablePair<Uint8Array, BufferSource>,
  onProgress?: (bytesIn: number, bytesOut: number) => void,
  consumerDone: () => boolean = () => false,
): Promise<void> {
  let offset = 0;
  let bytesOut = 0;
  const source = new ReadableStream<BufferSource>({
    pull(controller): void {
      if (offset >= input.length) {
        controller.close();
        return;
      }
      const end = Math.min(offset + SLICE_BYTES, input.length);
      // A copy, because some implementations transfer (detach) the chunk's buffer.
      controller.enqueue(input.slice(offset, end));
      offset = end;
    },
  });
  const reader = source.pipeThrough(make()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytesOut += value.length;
      onChunk(value);
      onProgress?.(offset, bytesOut);
      if (consumerDone()) {
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  onProgress?.(input.length, bytesOut);
}

/** Offsets after `from` that could start a gzip member: 1f 8b, method 8, no reserved flag bits. */
function memberCandidates(bytes: Uint8Array, from: number): number[] {
  const found: number[] = [];
  for (let i = from; i + 3 < bytes.length; i++) {
    if (bytes[i] === 0x1f && bytes[i + 1] === 0x8b && bytes[i + 2] === 8 && (bytes[i + 3]! & 0xe0) === 0) found.push(i);
  }
  return found;
}

/**
 * Finds each member's end by trial: a candidate boundary is right when the bytes before it
 * decompress cleanly as a whole member (the decompressor checks the CRC-32 and length in the
 * trailer, so a false boundary fails). Each member's output is buffered until it is known good,
 * and counted as it arrives against what the cap leaves: every trial from `start` decodes the
 * same stream, so a trial that passes the cap means the real member does too.
 */
async function decodeMembers(
  bytes: Uint8Array,
  how: {
    readonly name: string;
    readonly cap: number;
    readonly make: () => ReadableWritablePair<Uint8Array, BufferSource>;
    readonly done: () => boolean;
  },
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  const { name, cap, make, done } = how;
  const candidates = memberCandidates(bytes, MIN_MEMBER_BYTES);
  candidates.push(bytes.length);
  let start = 0;
  let lastError: unknown = null;
  let failures = 0;
  let accepted = 0;
  while (start < bytes.length) {
    let next = -1;
    for (const end of candidates) {
      if (end < start + MIN_MEMBER_BYTES) continue;
      const parts: Uint8Array[] = [];
      let trial = 0;
      const keep = (chunk: Uint8Array): void => {
        trial += chunk.length;
        if (accepted + trial > cap) throw tooBig(name, cap);
        parts.push(chunk);
      };
      try {
        await decompressOne(bytes.subarray(start, end), keep, make);
      } catch (error) {
        if (error instanceof DatasetError) throw error;
        lastError = error;
        if (++failures > MAX_FAILED_TRIALS) throw corrupt(name, error);
        continue;
      }
      accepted += trial;
      for (const part of parts) onChunk(part);
      next = end;
      break;
    }
    if (next < 0) throw corrupt(name, lastError);
    if (done()) return;
    start = next;
  }
}
