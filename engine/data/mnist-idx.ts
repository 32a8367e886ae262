/**
 * Parser for the official MNIST files (IDX format, http://yann.lecun.com/exdb/mnist/), gzip or
 * already unpacked. IDX: a big-endian magic (0x0000 then a type byte 0x08 = uint8 and the number
 * of dimensions), one big-endian uint32 per dimension, then the data.
 */
import { type Dataset, DatasetError, type DatasetSplits, MNIST_CLASSES } from './dataset';
import { gunzip } from './gunzip';
import { formatBytes } from './limits';

export const IDX_IMAGES_MAGIC = 2051;
export const IDX_LABELS_MAGIC = 2049;

export interface IdxImages {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  /** count * rows * cols bytes, row-major per image. */
  readonly pixels: Uint8Array;
}

export interface MnistFiles {
  readonly trainImages: Uint8Array;
  readonly trainLabels: Uint8Array;
  readonly testImages: Uint8Array;
  readonly testLabels: Uint8Array;
}

/** The official train images unpack to 47 MB; anything far larger is not an MNIST file. */
const MAX_UNPACKED_BYTES = 64 << 20;

export async function parseIdxImages(bytes: Uint8Array, file = 'images file'): Promise<IdxImages> {
  return decodeIdxImages(await unpack(bytes, file), file);
}

export async function parseIdxLabels(bytes: Uint8Array, file = 'labels file'): Promise<Uint8Array> {
  return decodeIdxLabels(await unpack(bytes, file), file);
}

/** Synchronous parse of an unpacked idx3 file. */
export function decodeIdxImages(raw: Uint8Array, file = 'images file'): IdxImages {
  const dims = readHeader(raw, file, IDX_IMAGES_MAGIC);
  const [count, rows, cols] = dims as [number, number, number];
  const what = `${count} images of ${rows}x${cols} pixels`;
  checkDeclared(file, count * rows * cols, what, 'an MNIST images file');
  const pixels = readBody(raw, file, 16, count * rows * cols, what);
  return { count, rows, cols, pixels };
}

/** Synchronous parse of an unpacked idx1 file. */
export function decodeIdxLabels(raw: Uint8Array, file = 'labels file'): Uint8Array {
  const [count] = readHeader(raw, file, IDX_LABELS_MAGIC) as [number];
  checkDeclared(file, count, `${count} labels`, 'an MNIST labels file');
  return readBody(raw, file, 8, count, `${count} labels`);
}

/** Builds the train and test datasets from the four official files, checking they belong together. */
export async function mnistFromFiles(files: MnistFiles): Promise<DatasetSplits> {
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all([
    parseIdxImages(files.trainImages, 'train-images-idx3-ubyte'),
    parseIdxLabels(files.trainLabels, 'train-labels-idx1-ubyte'),
    parseIdxImages(files.testImages, 't10k-images-idx3-ubyte'),
    parseIdxLabels(files.testLabels, 't10k-labels-idx1-ubyte'),
  ]);
  return {
    train: toDataset('mnist-train', trainImages, trainLabels, 'train'),
    test: toDataset('mnist-test', testImages, testLabels, 't10k'),
  };
}

function toDataset(name: string, images: IdxImages, labels: Uint8Array, prefix: string): Dataset {
  const imagesFile = `${prefix}-images-idx3-ubyte`;
  const labelsFile = `${prefix}-labels-idx1-ubyte`;
  if (images.rows !== 28 || images.cols !== 28) {
    throw new DatasetError(
      `${imagesFile}: MNIST images are 28x28 pixels, but this file has ${images.rows}x${images.cols}.`,
    );
  }
  if (images.count !== labels.length) {
    throw new DatasetError(
      `${imagesFile} has ${images.count} images but ${labelsFile} has ${labels.length} labels; the two files do not belong together.`,
    );
  }
  const bad = labels.findIndex((l) => l > 9);
  if (bad >= 0) {
    throw new DatasetError(`${labelsFile}: label number ${bad} is ${labels[bad]}, but MNIST labels are digits 0-9.`);
  }
  return { name, count: images.count, shape: [1, 28, 28], images: images.pixels, labels, classNames: MNIST_CLASSES };
}

function unpack(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  return gunzip(bytes, { name: file, maxOutputBytes: MAX_UNPACKED_BYTES });
}

function readHeader(raw: Uint8Array, file: string, magic: number): number[] {
  const what = magic === IDX_IMAGES_MAGIC ? 'an MNIST images file (idx3)' : 'an MNIST labels file (idx1)';
  if (raw.length === 0) throw new DatasetError(`${file}: the file is empty; expected ${what}.`);
  const ndims = magic & 0xff;
  const headerBytes = 4 + 4 * ndims;
  if (raw.length < 4) throw new DatasetError(`${file}: only ${raw.length} bytes, too short to be ${what}.`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const found = view.getUint32(0, false);
  if (found !== magic) {
    const hint =
      found === IDX_IMAGES_MAGIC
        ? ' It is an images file; did you swap the images and labels files?'
        : found === IDX_LABELS_MAGIC
          ? ' It is a labels file; did you swap the images and labels files?'
          : '';
    throw new DatasetError(
      `${file}: not ${what}: it should start with the number ${magic} but starts with ${found}.${hint}`,
    );
  }
  if (raw.length < headerBytes) {
    throw new DatasetError(
      `${file}: the header is cut short (${raw.length} of ${headerBytes} bytes); the file is truncated.`,
    );
  }
  const dims: number[] = [];
  for (let i = 0; i < ndims; i++) dims.push(view.getUint32(4 + 4 * i, false));
  return dims;
}

/**
 * The header's dimensions are 32-bit each, so their product can claim terabytes (2^31 images);
 * refuse that against the documented cap before anything is compared, copied or allocated.
 */
function checkDeclared(file: string, bytes: number, what: string, kind: string): void {
  if (bytes <= MAX_UNPACKED_BYTES) return;
  throw new DatasetError(
    `${file}: the header claims ${what} (${formatBytes(bytes)}), more than the ${formatBytes(MAX_UNPACKED_BYTES)} ${kind} can be; the file is damaged or it is not an MNIST file.`,
  );
}

function readBody(raw: Uint8Array, file: string, offset: number, expected: number, what: string): Uint8Array {
  const actual = raw.length - offset;
  if (actual < expected) {
    throw new DatasetError(
      `${file}: the header promises ${what} (${expected} bytes) but only ${actual} bytes follow; the file is truncated.`,
    );
  }
  if (actual > expected) {
    throw new DatasetError(
      `${file}: the header promises ${what} (${expected} bytes) but ${actual} bytes follow; the file is the wrong size.`,
    );
  }
  // A copy, so the dataset owns a tight buffer (it may be transferred to a worker or uploaded).
  return raw.slice(offset);
}
