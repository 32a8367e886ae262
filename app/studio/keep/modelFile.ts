/**
 * The ConvLab model file (.convlab): one trained model with everything needed to rebuild it and
 * say where it came from. Layout (documented in docs/model-spec.md, "Model files"):
 *
 *   bytes 0-7    signature 0x89 "CONVLAB"
 *   bytes 8-11   format version, uint32 little-endian (this code reads and writes version 1)
 *   bytes 12-15  header length H in bytes, uint32 little-endian
 *   H bytes      header: UTF-8 JSON (name, savedAt, spec, hyper, dataset, training, weights, dataBytes, crc32)
 *   0-3 bytes    zero padding, so the weights start at a multiple of 4
 *   dataBytes    every tensor's float32 values, little-endian, in the header's `weights` order
 *
 * Decoding is strict: anything wrong (another kind of file, a cut-off download, a newer version, a
 * damaged header, a spec that does not validate, weights whose names or shapes do not match the
 * spec, a checksum mismatch) is a ModelFileError with a sentence saying what is wrong. Pure code:
 * no DOM, no IndexedDB, so it is unit-tested in Node.
 */
import {
  checkSpecObject,
  isSpecError,
  jsonTextDepth,
  type ModelSpec,
  type ModelSummary,
  summarize,
} from '../../../engine/spec';
import type { DatasetChoice, EpochResult, History, StudioHyper } from '../../stores/studio';
import { checkHyper } from './hyperTable';
import { checkDataset, checkEpoch, checkHistory, checkTraining, compactHistory, epochJson } from './modelFileSections';
import { shownShape, shownText } from './shown';

export const MODEL_FILE_VERSION = 1;
export const MODEL_FILE_EXTENSION = '.convlab';
/** The signature: a non-ASCII first byte (as PNG does), so a text file can never be mistaken for one. */
const MAGIC = [0x89, 0x43, 0x4f, 0x4e, 0x56, 0x4c, 0x41, 0x42] as const;
const PREFIX_BYTES = 16;
/** A header is a few kilobytes; anything near this is not one. */
const MAX_HEADER_BYTES = 16 * 1024 * 1024;
/**
 * The largest model file ConvLab opens: 256 MiB, 64 million float32 weights, three times the
 * 20 million parameters a share link may carry. Checked on the file's size before it is read.
 */
export const MAX_MODEL_FILE_BYTES = 256 * 1024 * 1024;
/** How deep the header's JSON may nest (the spec inside it needs 5, the last epoch's metrics 4). */
const MAX_HEADER_DEPTH = 24;

export interface KeptTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export interface KeptDataset {
  /** The studio's dataset choice it was trained on, or null if unknown. */
  readonly choice: DatasetChoice | null;
  readonly name: string;
  readonly shape: readonly [number, number, number];
  readonly classNames: readonly string[];
}

export interface TrainingSummary {
  /** Epochs trained in all (fractional: 1.5 is one and a half passes over the training set). */
  readonly epochs: number;
  readonly validationAccuracy: number | null;
  readonly validationLoss: number | null;
}

export interface ModelFile {
  readonly name: string;
  /** ISO 8601 time of saving. */
  readonly savedAt: string;
  readonly spec: ModelSpec;
  readonly hyper: StudioHyper;
  readonly dataset: KeptDataset;
  readonly training: TrainingSummary;
  /** The learning curves (optional): x in epochs, as the studio draws them. */
  readonly history?: History;
  /** The last epoch's metrics (optional), so the accuracy and confusion matrix show as they were. */
  readonly lastEpoch?: EpochResult;
  /** Every parameter and buffer, in the order of `expectedWeights(summarize(spec))`. */
  readonly weights: readonly KeptTensor[];
}

export type ModelFileProblem = 'not-a-model-file' | 'truncated' | 'version' | 'damaged' | 'spec' | 'weights';

export class ModelFileError extends Error {
  constructor(
    readonly problem: ModelFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ModelFileError';
  }
}

export function isModelFileError(error: unknown): error is ModelFileError {
  return error instanceof ModelFileError;
}

export const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
export const shapeText = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/**
 * The name and shape of every value a model built from this summary holds, in a fixed order:
 * layer by layer, weight then bias (conv2d, dense), gamma, beta, runningMean, runningVar
 * (batchnorm). The same names as the engine's parameters and buffers (engine/cpu/model.ts).
 */
export function expectedWeights(summary: ModelSummary): { name: string; shape: number[] }[] {
  const out: { name: string; shape: number[] }[] = [];
  for (const layer of summary.layers) {
    const r = layer.resolved;
    const at = (role: string, shape: number[]): void => {
      out.push({ name: `${layer.id}.${role}`, shape });
    };
    if (r.type === 'conv2d') {
      at('weight', [r.filters, layer.inputShape[0]! / r.groups, r.kernel[0], r.kernel[1]]);
      if (r.bias) at('bias', [r.filters]);
    } else if (r.type === 'dense') {
      at('weight', [r.units, product(layer.inputShape)]);
      if (r.bias) at('bias', [r.units]);
    } else if (r.type === 'batchnorm') {
      const c = layer.inputShape[0]!;
      for (const role of ['gamma', 'beta', 'runningMean', 'runningVar']) at(role, [c]);
    }
  }
  return out;
}

/**
 * Puts named arrays (the worker's 'export-weights' answer) in the file's order with their shapes;
 * throws a ModelFileError if one is missing or has the wrong size.
 */
export function tensorsFor(spec: ModelSpec, named: Readonly<Record<string, ArrayLike<number>>>): KeptTensor[] {
  return expectedWeights(summarize(spec)).map(({ name, shape }) => {
    const values = named[name];
    if (!values) throw new ModelFileError('weights', `The model has no values for "${name}".`);
    if (values.length !== product(shape)) {
      throw new ModelFileError(
        'weights',
        `"${name}" should hold ${product(shape)} values (${shapeText(shape)}), not ${values.length}.`,
      );
    }
    return { name, shape, data: Float32Array.from(values) };
  });
}

/** The tensors as the worker's 'import-weights' wants them (copies: the worker takes the buffers). */
export function namedWeights(tensors: readonly KeptTensor[]): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {};
  for (const t of tensors) out[t.name] = t.data.slice();
  return out;
}

// ---------------------------------------------------------------------------------------------
// CRC-32 (IEEE 802.3, as zip and PNG), to tell a damaged file from a valid one.

let crcTable: Uint32Array | null = null;

export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

// ---------------------------------------------------------------------------------------------
// Encoding

export function encodeModelFile(file: ModelFile): Uint8Array {
  const expected = expectedWeights(summarize(file.spec));
  checkTensors(
    expected,
    file.weights.map((t) => ({ name: t.name, shape: [...t.shape] })),
  );
  const values = file.weights.reduce((n, t) => n + t.data.length, 0);
  const data = new Uint8Array(values * 4);
  const view = new DataView(data.buffer);
  let at = 0;
  for (const t of file.weights) {
    if (t.data.length !== product(t.shape)) {
      throw new ModelFileError('weights', `"${t.name}" has ${t.data.length} values for shape ${shapeText(t.shape)}.`);
    }
    if (littleEndian) data.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), at);
    else for (let i = 0; i < t.data.length; i++) view.setFloat32(at + i * 4, t.data[i]!, true);
    at += t.data.byteLength;
  }
  const header = {
    name: file.name,
    savedAt: file.savedAt,
    spec: file.spec,
    hyper: file.hyper,
    dataset: file.dataset,
    training: {
      epochs: file.training.epochs,
      validationAccuracy: finiteOrNull(file.training.validationAccuracy),
      validationLoss: finiteOrNull(file.training.validationLoss),
    },
    ...(file.history ? { history: compactHistory(file.history) } : {}),
    ...(file.lastEpoch ? { lastEpoch: epochJson(file.lastEpoch) } : {}),
    weights: file.weights.map((t) => ({ name: t.name, shape: [...t.shape] })),
    dataBytes: data.length,
    crc32: crc32(data),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const start = align4(PREFIX_BYTES + headerBytes.length);
  const out = new Uint8Array(start + data.length);
  out.set(MAGIC, 0);
  const prefix = new DataView(out.buffer);
  prefix.setUint32(8, MODEL_FILE_VERSION, true);
  prefix.setUint32(12, headerBytes.length, true);
  out.set(headerBytes, PREFIX_BYTES);
  out.set(data, start);
  return out;
}

const finiteOrNull = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null);
const align4 = (n: number): number => Math.ceil(n / 4) * 4;

// ---------------------------------------------------------------------------------------------
// Decoding

export const damaged = (what: string): ModelFileError =>
  new ModelFileError('damaged', `This model file is damaged: ${what}. Export it again from the studio it came from.`);

const truncated = (what: string): ModelFileError =>
  new ModelFileError(
    'truncated',
    `This model file is incomplete (${what}): it was probably cut off while downloading or copying.`,
  );

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

const tooLarge = (size: number): ModelFileError =>
  new ModelFileError(
    'damaged',
    `This file is ${megabytes(size)}, more than the ${megabytes(MAX_MODEL_FILE_BYTES)} a ConvLab model file can be, so it was not opened.`,
  );
const megabytes = (n: number): string => `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Reads a dropped or chosen file: its size is checked before a single byte is read. */
export async function readModelFile(file: Blob): Promise<{ file: ModelFile; bytes: Uint8Array }> {
  if (file.size > MAX_MODEL_FILE_BYTES) throw tooLarge(file.size);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new ModelFileError('damaged', 'This file could not be read from the disk; try choosing it again.');
  }
  return { file: decodeModelFile(bytes), bytes };
}

/**
 * Bytes to a ModelFile, or a ModelFileError in a sentence. The size is checked first, and any
 * unexpected failure of a check is wrapped too, so no raw JavaScript message reaches the user.
 */
export function decodeModelFile(bytes: Uint8Array): ModelFile {
  if (bytes.length > MAX_MODEL_FILE_BYTES) throw tooLarge(bytes.length);
  try {
    return decodeChecked(bytes);
  } catch (error) {
    if (isModelFileError(error)) throw error;
    throw damaged('part of it could not be read as a ConvLab model');
  }
}

function decodeChecked(bytes: Uint8Array): ModelFile {
  const startsRight = MAGIC.every((b, i) => i >= bytes.length || bytes[i] === b);
  if (!startsRight || bytes.length === 0) {
    const text = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
    const hint = text.startsWith('{') ? ' It looks like a JSON file;' : '';
    throw new ModelFileError(
      'not-a-model-file',
      `This is not a ConvLab model file.${hint} Model files end in ${MODEL_FILE_EXTENSION} and come from the studio's Saved tab (Export).`,
    );
  }
  if (bytes.length < PREFIX_BYTES) truncatedThrow(`${bytes.length} bytes, less than the 16-byte start`);
  const prefix = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = prefix.getUint32(8, true);
  if (version !== MODEL_FILE_VERSION) {
    throw new ModelFileError(
      'version',
      version > MODEL_FILE_VERSION
        ? `This model file is format version ${version}, newer than this ConvLab understands (version ${MODEL_FILE_VERSION}). Open it with a newer ConvLab.`
        : `This model file says it is format version ${version}, which never existed: the file is damaged.`,
    );
  }
  const headerLength = prefix.getUint32(12, true);
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES)
    throw damaged(`its header length (${headerLength}) is impossible`);
  if (PREFIX_BYTES + headerLength > bytes.length) {
    truncatedThrow(
      `the header needs ${headerLength} bytes, the file has ${bytes.length - PREFIX_BYTES} after the start`,
    );
  }
  let header: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength),
    );
    if (jsonTextDepth(text, MAX_HEADER_DEPTH) > MAX_HEADER_DEPTH) throw damaged('its header nests far too deep');
    header = JSON.parse(text);
  } catch (error) {
    if (isModelFileError(error)) throw error;
    throw damaged('its header is not readable JSON');
  }
  if (!isObject(header)) throw damaged('its header is not an object');

  const name = header.name;
  if (typeof name !== 'string' || name.trim() === '') throw damaged('the model has no name');
  const savedAt = header.savedAt;
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt)))
    throw damaged('the time it was saved is missing');

  let spec: ModelSpec;
  let summary: ModelSummary;
  try {
    spec = checkSpecObject(header.spec);
    summary = summarize(spec);
  } catch (error) {
    if (!isSpecError(error)) throw damaged('its model could not be read');
    throw new ModelFileError('spec', `The model in this file is not a valid ConvLab model: ${error.message}`);
  }

  const hyper = checkHyper(header.hyper);
  if (!hyper.ok) throw damaged(hyper.problem);
  const dataset = checkDataset(header.dataset, summary);
  const training = checkTraining(header.training);
  const history = header.history === undefined ? undefined : checkHistory(header.history);
  const lastEpoch =
    header.lastEpoch === undefined ? undefined : checkEpoch(header.lastEpoch, dataset.classNames.length);

  const listed = header.weights;
  if (!Array.isArray(listed)) throw damaged('the list of weights is missing');
  const tensors = listed.map((t, i) => {
    if (!isObject(t) || typeof t.name !== 'string' || !Array.isArray(t.shape) || !t.shape.every(isCount)) {
      throw damaged(`weight entry ${i} is not {name, shape}`);
    }
    return { name: t.name, shape: t.shape as number[] };
  });
  checkTensors(expectedWeights(summary), tensors);

  const dataBytes = header.dataBytes;
  const crc = header.crc32;
  if (!isCount(dataBytes) || !isCount(crc)) throw damaged('the weights’ size or checksum is missing');
  const values = tensors.reduce((n, t) => n + product(t.shape), 0);
  if (dataBytes !== values * 4) throw damaged(`the header promises ${dataBytes} bytes of weights for ${values} values`);
  const start = align4(PREFIX_BYTES + headerLength);
  const available = bytes.length - start;
  if (available < dataBytes) truncatedThrow(`${Math.max(0, available)} of ${dataBytes} bytes of weights are there`);
  if (available > dataBytes) throw damaged(`${available - dataBytes} unexpected bytes follow the weights`);
  const data = bytes.subarray(start, start + dataBytes);
  if (crc32(data) !== crc) throw damaged('the weights do not match their checksum');

  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 0;
  const weights = tensors.map((t) => {
    const n = product(t.shape);
    const values = new Float32Array(n);
    if (littleEndian) new Uint8Array(values.buffer).set(data.subarray(at, at + n * 4));
    else for (let i = 0; i < n; i++) values[i] = view.getFloat32(at + i * 4, true);
    at += n * 4;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(values[i]!)) throw damaged(`"${t.name}" holds a value that is not a finite number`);
    }
    return { name: t.name, shape: t.shape, data: values };
  });

  return {
    name,
    savedAt,
    spec,
    hyper: hyper.hyper,
    dataset,
    training,
    ...(history ? { history } : {}),
    ...(lastEpoch ? { lastEpoch } : {}),
    weights,
  };
}

function truncatedThrow(what: string): never {
  throw truncated(what);
}

/** The listed tensors must be exactly the expected ones, in order, with the expected shapes. */
function checkTensors(
  expected: readonly { name: string; shape: readonly number[] }[],
  listed: readonly { name: string; shape: readonly number[] }[],
): void {
  const mismatch = (what: string): ModelFileError =>
    new ModelFileError('weights', `The weights in this file do not fit its model: ${what}.`);
  const names = new Set(listed.map((t) => t.name));
  const missing = expected.find((e) => !names.has(e.name));
  if (missing) throw mismatch(`"${missing.name}" ${shapeText(missing.shape)} is missing`);
  const known = new Set(expected.map((e) => e.name));
  const extra = listed.find((t) => !known.has(t.name));
  if (extra) throw mismatch(`"${shownText(extra.name)}" belongs to no layer of the model`);
  if (listed.length !== expected.length) throw mismatch('a weight is listed twice');
  expected.forEach((e, i) => {
    const t = listed[i]!;
    if (t.name !== e.name) throw mismatch(`"${t.name}" is out of order (expected "${e.name}")`);
    if (shapeText(t.shape) !== shapeText(e.shape)) {
      throw mismatch(`"${e.name}" has shape ${shownShape(t.shape)}, the model needs ${shapeText(e.shape)}`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Names

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "Lecture CNN (MNIST) · 2026-11-23 14:05 · 91.2%": what the model is, when, and how good. */
export function defaultModelName(specName: string, when: Date, accuracy: number | null): string {
  const date = `${when.getFullYear()}-${pad2(when.getMonth() + 1)}-${pad2(when.getDate())} ${pad2(when.getHours())}:${pad2(when.getMinutes())}`;
  const parts = [specName.trim() || 'Model', date];
  if (accuracy !== null && Number.isFinite(accuracy)) parts.push(`${(accuracy * 100).toFixed(1)}%`);
  return parts.join(' · ');
}

/** A file name for a model name: "lecture-cnn-mnist-2026-11-23-14-05-91-2.convlab". */
export function fileNameFor(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${slug || 'model'}${MODEL_FILE_EXTENSION}`;
}

/** Parameters (trainable values) of a spec, for listings. */
export function paramCount(spec: ModelSpec): number {
  return summarize(spec).totalParams;
}
