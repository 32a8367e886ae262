/**
 * Parser for the official CIFAR-10 "binary version" (https://www.cs.toronto.edu/~kriz/cifar.html):
 * cifar-10-binary.tar.gz holds cifar-10-batches-bin/data_batch_1..5.bin and test_batch.bin. Each
 * record is 1 label byte then 3072 pixel bytes: 1024 red, 1024 green, 1024 blue, each plane a
 * row-major 32x32 image. That is already CHW, so pixels are copied as they are.
 */
import { CIFAR10_CLASSES, type Dataset, DatasetError, type DatasetSplits } from './dataset';
import { gunzipChunks } from './gunzip';
import type { ProgressCallback } from './progress';
import { type TarHeader, TarReader } from './tar';

export const CIFAR_IMAGE_BYTES = 3 * 32 * 32;
export const CIFAR_RECORD_BYTES = 1 + CIFAR_IMAGE_BYTES;
export const CIFAR_TRAIN_BATCHES: readonly string[] = [1, 2, 3, 4, 5].map((i) => `data_batch_${i}.bin`);
export const CIFAR_TEST_BATCH = 'test_batch.bin';

/** A batch file's name and bytes, as dropped by a user or read from the archive. */
export interface CifarBatchFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The official archive unpacks to 184 MB; allow some slack, refuse anything far larger. */
const MAX_UNPACKED_BYTES = 256 << 20;
/** A batch is 10,000 records (30,730,000 bytes); a kept archive entry may declare at most this. */
const MAX_BATCH_BYTES = 32 << 20;
/**
 * Everything else in the archive (readme.html, batches.meta.txt: under 1 KB) may declare at most
 * this in all, so the most a CIFAR-10 archive can make us inflate is six batches and this.
 */
const MAX_OTHER_BYTES = 16 << 20;

/** Reads cifar-10-binary.tar.gz (or the same archive already unpacked to .tar). */
export async function cifar10FromTarGz(
  bytes: Uint8Array,
  onProgress?: ProgressCallback,
  archive = 'cifar-10-binary.tar.gz',
): Promise<DatasetSplits> {
  const batches: CifarBatchFile[] = [];
  const seen = new Set<string>();
  const wanted = (header: TarHeader): boolean => {
    const name = baseName(header.name);
    if (header.type !== 'file' || !isBatchName(name)) return false;
    // A batch listed twice would be held twice: refused at its header, before its data is kept.
    if (seen.has(name)) {
      throw new DatasetError(
        `${archive}: it holds ${name} twice, but the CIFAR-10 archive has each batch once. The archive is damaged or it is not the expected file.`,
      );
    }
    seen.add(name);
    return true;
  };
  const reader = new TarReader(
    archive,
    (entry) => batches.push({ name: baseName(entry.name), bytes: entry.data }),
    wanted,
    {
      maxBytes: MAX_BATCH_BYTES,
      what: 'a CIFAR-10 batch can be',
      skippedBytes: MAX_OTHER_BYTES,
      skippedWhat: 'a CIFAR-10 archive holds besides its six batches',
    },
  );
  await gunzipChunks(bytes, (chunk) => reader.push(chunk), {
    name: archive,
    maxOutputBytes: MAX_UNPACKED_BYTES,
    onProgress: (loaded) => onProgress?.({ phase: 'decompress', file: archive, loaded, total: bytes.length }),
    // Past the end-of-archive marker nothing is read, so nothing more is inflated.
    done: () => reader.finished,
  });
  reader.end();
  return cifar10FromBatches(batches, archive);
}

/**
 * Builds the splits from the six batch files (names as in the archive; any folder is ignored).
 * `source` names what they came from, for error messages.
 */
export function cifar10FromBatches(files: readonly CifarBatchFile[], source = 'the CIFAR-10 files'): DatasetSplits {
  const byName = new Map(files.map((f) => [baseName(f.name), f]));
  const missing = [...CIFAR_TRAIN_BATCHES, CIFAR_TEST_BATCH].filter((n) => !byName.has(n));
  if (missing.length > 0) {
    throw new DatasetError(
      `${source}: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. CIFAR-10 needs data_batch_1.bin to data_batch_5.bin and test_batch.bin from cifar-10-binary.tar.gz (the "binary version", not the Python or MATLAB one).`,
    );
  }
  const train = CIFAR_TRAIN_BATCHES.map((n) => byName.get(n)!);
  return {
    train: concatBatches('cifar10-train', train),
    test: concatBatches('cifar10-test', [byName.get(CIFAR_TEST_BATCH)!]),
  };
}

/** Validates one batch file's size and labels; returns its record count. */
export function checkCifarBatch(file: CifarBatchFile): number {
  const { name, bytes } = file;
  if (bytes.length === 0) throw new DatasetError(`${name}: the file is empty.`);
  if (bytes.length % CIFAR_RECORD_BYTES !== 0) {
    throw new DatasetError(
      `${name}: ${bytes.length} bytes is not a whole number of CIFAR-10 records (${CIFAR_RECORD_BYTES} bytes each: 1 label + 32x32x3 pixels). The file is truncated, or it is not from the binary version (CIFAR-100 records, for example, have 2 label bytes).`,
    );
  }
  const count = bytes.length / CIFAR_RECORD_BYTES;
  for (let i = 0; i < count; i++) {
    const label = bytes[i * CIFAR_RECORD_BYTES]!;
    if (label > 9) {
      throw new DatasetError(
        `${name}: record ${i} has label ${label}, but CIFAR-10 labels are 0-9; the file is corrupt.`,
      );
    }
  }
  return count;
}

function concatBatches(name: string, files: readonly CifarBatchFile[]): Dataset {
  const counts = files.map(checkCifarBatch);
  const count = counts.reduce((a, b) => a + b, 0);
  const images = new Uint8Array(count * CIFAR_IMAGE_BYTES);
  const labels = new Uint8Array(count);
  let n = 0;
  files.forEach((file, f) => {
    for (let i = 0; i < counts[f]!; i++, n++) {
      const record = i * CIFAR_RECORD_BYTES;
      labels[n] = file.bytes[record]!;
      images.set(file.bytes.subarray(record + 1, record + CIFAR_RECORD_BYTES), n * CIFAR_IMAGE_BYTES);
    }
  });
  return { name, count, shape: [3, 32, 32], images, labels, classNames: CIFAR10_CLASSES };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function isBatchName(name: string): boolean {
  return name === CIFAR_TEST_BATCH || CIFAR_TRAIN_BATCHES.includes(name);
}
