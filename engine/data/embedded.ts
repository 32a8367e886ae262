/**
 * The compact file format ConvLab serves for datasets it converts itself (the embedded MNIST
 * subset): a 12-byte header, then every label, then every image, all uint8.
 *
 *   bytes 0-3   ASCII "CLDS"
 *   bytes 4-7   sample count, uint32 little-endian
 *   byte  8-10  channels, height, width
 *   byte  11    number of classes
 *   then        count label bytes, then count * C * H * W pixel bytes (CHW per sample)
 *
 * The page fetches it gzipped (mnist-embedded.bin.gz); `decodeDatasetFile` accepts either form.
 */
import { splitDataset } from './batch';
import { type Dataset, DatasetError, type DatasetSplits, MNIST_CLASSES } from './dataset';
import { gunzip } from './gunzip';

const MAGIC = 'CLDS';
const HEADER_BYTES = 12;

/** Generous ceiling for an unpacked CLDS file (the embedded subset is 7.85 MB) against gzip bombs. */
const MAX_DECODED_BYTES = 64 << 20;

export function encodeDataset(dataset: Dataset): Uint8Array {
  const [c, h, w] = dataset.shape;
  const out = new Uint8Array(HEADER_BYTES + dataset.count * (1 + c * h * w));
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  new DataView(out.buffer).setUint32(4, dataset.count, true);
  out.set([c, h, w, dataset.classNames.length], 8);
  out.set(dataset.labels.subarray(0, dataset.count), HEADER_BYTES);
  out.set(dataset.images.subarray(0, dataset.count * c * h * w), HEADER_BYTES + dataset.count);
  return out;
}

export function decodeDataset(bytes: Uint8Array, name: string, classNames: readonly string[] = MNIST_CLASSES): Dataset {
  if (bytes.length < HEADER_BYTES || String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC) {
    throw new DatasetError(`${name}: not a ConvLab dataset file (it should start with "${MAGIC}").`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const [c, h, w, classes] = [bytes[8]!, bytes[9]!, bytes[10]!, bytes[11]!];
  const expected = HEADER_BYTES + count * (1 + c * h * w);
  if (bytes.length !== expected) {
    throw new DatasetError(
      `${name}: the header promises ${count} images of ${c}x${h}x${w} (${expected} bytes) but the file has ${bytes.length} bytes; it is truncated or corrupt.`,
    );
  }
  if (classes !== classNames.length) {
    throw new DatasetError(`${name}: the file has ${classes} classes but ${classNames.length} class names were given.`);
  }
  const labels = bytes.slice(HEADER_BYTES, HEADER_BYTES + count);
  for (const label of labels) {
    if (label >= classes) throw new DatasetError(`${name}: label ${label} is out of range 0-${classes - 1}.`);
  }
  const images = bytes.slice(HEADER_BYTES + count);
  return { name, count, shape: [c, h, w], images, labels, classNames };
}

/**
 * Decodes a CLDS file that may be gzipped: the one decoder every loader of the embedded subset
 * uses (page, lesson hook, workers). Plain bytes pass through, because a server that labels the
 * .gz file with Content-Encoding: gzip has the browser unpack it before we see it.
 */
export async function decodeDatasetFile(
  bytes: Uint8Array,
  name: string,
  classNames: readonly string[] = MNIST_CLASSES,
): Promise<Dataset> {
  const plain = await gunzip(bytes, { name, maxOutputBytes: MAX_DECODED_BYTES });
  return decodeDataset(plain, name, classNames);
}

/** Digits of the embedded subset held out as its test set (it has no official split). */
export const EMBEDDED_TEST_COUNT = 2000;

/**
 * The embedded subset's fixed train/test split. The seed is fixed so that every part of the app
 * (CLI, worker, lessons) holds out the same 2,000 test digits.
 */
export function splitEmbedded(all: Dataset): DatasetSplits {
  const { train, validation } = splitDataset(all, EMBEDDED_TEST_COUNT, 0);
  return { train: { ...train, name: 'mnist-10k-train' }, test: { ...validation, name: 'mnist-10k-test' } };
}
