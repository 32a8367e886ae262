/**
 * Reading a saved set of your own images (a zip: one folder of PNGs per class and labels.json)
 * without decoding a pixel, so every check runs in Node too (tests/fuzz). A zip is a list of
 * promises about sizes, and the reader believes none of them with memory: a first pass over the
 * central directory only counts entries, checks names and adds up declared sizes (fflate's filter
 * sees each entry before anything is allocated for it); labels.json alone is unpacked; only when
 * the images it lists fit the budget does a second pass unpack exactly those, each one checked
 * to start as a PNG and to declare a size a browser can decode. Everything refused is a
 * SetFileError in words.
 */
import { type UnzipFileInfo, unzipSync } from 'fflate';
import { formatBytes } from '../../engine/data/limits';
import { MAX_CLASSES, MAX_OWN_IMAGES, MIN_CLASSES } from '../../engine/data/own-images';

export const SET_FILE_FORMAT = 'convlab-own-images';
/** Refuse a zip larger than this before reading it: 10,000 small PNGs are far less. */
export const MAX_SET_FILE_BYTES = 200 * 1024 * 1024;
/** One image of a set unpacks to at most this (a saved one is a 32-pixel PNG of a few KB). */
export const MAX_ENTRY_BYTES = 8 * 1024 * 1024;
/** All the images a set lists unpack to at most this, declared sizes added up before any unpacking. */
export const MAX_SET_UNPACKED_BYTES = 128 * 1024 * 1024;
/** labels.json lists at most 10,000 paths: well under a megabyte. */
const MAX_LABELS_BYTES = 4 * 1024 * 1024;
/** The widest image the browser is asked to decode before it is scaled down to 32 pixels. */
export const MAX_IMAGE_SIDE = 8192;
const MAX_CLASS_NAME = 40;
const LABELS = 'labels.json';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

export class SetFileError extends Error {
  override readonly name = 'SetFileError';
}

export const isSetFileError = (error: unknown): error is SetFileError => error instanceof SetFileError;

export interface SetLabels {
  readonly format: typeof SET_FILE_FORMAT;
  readonly version: 1;
  readonly side: number;
  readonly classes: readonly { readonly name: string; readonly files: readonly string[] }[];
}

/** A set as read from its zip: class names in order, each with its PNG files (path and bytes). */
export type SetZipClasses = {
  readonly name: string;
  readonly images: readonly { readonly path: string; readonly png: Uint8Array }[];
}[];

const quoted = (name: string): string => JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);

/** Why a path may not be in a set ("../x", "/etc/x", "C:\\x"), or null when it may. */
function unsafePath(name: string): string | null {
  if (name === '') return 'an entry without a name';
  if (name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'a path that climbs out of the set ("..")';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (/[\u0000-\u001f]/.test(name)) return 'control characters in its name';
  return null;
}

/** Unpacks with fflate; its own errors (a damaged zip) become one sentence, ours pass through. */
function unzip(bytes: Uint8Array, filter: (entry: UnzipFileInfo) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter });
  } catch (error) {
    if (error instanceof SetFileError) throw error;
    throw new SetFileError('This file is not a readable zip (it may be damaged or of another kind).');
  }
}

/** What one entry will cost to unpack, as the zip declares it (stored entries are copied as they are). */
const declaredBytes = (entry: UnzipFileInfo): number => (entry.compression === 0 ? entry.size : entry.originalSize);

/** First pass: counts entries, checks every name and size, totals declared sizes by name; unpacks labels.json only. */
function survey(bytes: Uint8Array): { labels: Uint8Array | undefined; sizes: Map<string, number> } {
  const sizes = new Map<string, number>();
  let count = 0;
  const entries = unzip(bytes, (entry) => {
    count++;
    if (count > MAX_OWN_IMAGES + 1) {
      throw new SetFileError(
        `This zip holds more than ${(MAX_OWN_IMAGES + 1).toLocaleString('en-US')} files; a saved set holds at most ${MAX_OWN_IMAGES.toLocaleString('en-US')} images and labels.json.`,
      );
    }
    const unsafe = unsafePath(entry.name);
    if (unsafe) throw new SetFileError(`This zip holds ${quoted(entry.name)}, ${unsafe}: a saved set never does.`);
    const size = declaredBytes(entry);
    if (entry.compression !== 0 && entry.compression !== 8) {
      throw new SetFileError(
        `${quoted(entry.name)} is packed in a way this page cannot unpack (method ${entry.compression}).`,
      );
    }
    const limit = entry.name === LABELS ? MAX_LABELS_BYTES : MAX_ENTRY_BYTES;
    if (!(size <= limit)) {
      throw new SetFileError(
        `${quoted(entry.name)} would unpack to more than ${formatBytes(limit)}: not part of a saved set.`,
      );
    }
    sizes.set(entry.name, (sizes.get(entry.name) ?? 0) + size);
    return entry.name === LABELS;
  });
  return { labels: entries[LABELS], sizes };
}

/** labels.json checked field by field: a saved set's, or a SetFileError saying what is wrong. */
export function parseLabels(bytes: Uint8Array | undefined): SetLabels {
  if (!bytes) throw new SetFileError('This zip has no labels.json, so it is not a saved set of your images.');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new SetFileError('labels.json in this zip is not readable JSON.');
  }
  const labels = (typeof value === 'object' && value !== null ? value : {}) as Partial<
    Record<keyof SetLabels, unknown>
  >;
  if (labels.format !== SET_FILE_FORMAT || !Array.isArray(labels.classes)) {
    throw new SetFileError('This zip is not a saved set of your images (its labels.json is of another kind).');
  }
  if (labels.version !== 1) {
    throw new SetFileError('This set was saved by another version of ConvLab (its labels.json is not version 1).');
  }
  const classes: unknown[] = labels.classes;
  if (classes.length < MIN_CLASSES || classes.length > MAX_CLASSES) {
    throw new SetFileError(`A set has ${MIN_CLASSES} to ${MAX_CLASSES} classes; this one lists ${classes.length}.`);
  }
  let total = 0;
  for (const [i, cls] of classes.entries()) {
    const { name, files } = (typeof cls === 'object' && cls !== null ? cls : {}) as { name?: unknown; files?: unknown };
    if (typeof name !== 'string' || name.trim() === '' || !Array.isArray(files)) {
      throw new SetFileError(`labels.json lists class ${i + 1} without a name or a list of files.`);
    }
    total += files.length;
    if (total > MAX_OWN_IMAGES) {
      throw new SetFileError(
        `This set lists more than ${MAX_OWN_IMAGES.toLocaleString('en-US')} images, the most a set holds.`,
      );
    }
    if (files.some((f: unknown) => typeof f !== 'string')) {
      throw new SetFileError(`labels.json lists something other than a file name in class ${quoted(name)}.`);
    }
  }
  return labels as SetLabels;
}

/** The width and height a PNG's header declares, or a SetFileError when the bytes are no PNG. */
export function pngSize(path: string, bytes: Uint8Array): { width: number; height: number } {
  // Signature (8 bytes), then the IHDR chunk: length 13, "IHDR", width and height big-endian.
  const isPng = bytes.length >= 33 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
  if (!isPng || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') {
    throw new SetFileError(`${quoted(path)} in this zip is not a PNG image.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw new SetFileError(
      `${quoted(path)} says it is ${width}×${height} pixels; an image of a set is 1 to ${MAX_IMAGE_SIDE} pixels a side.`,
    );
  }
  return { width, height };
}

/**
 * Reads a saved set's zip into class names and PNG bytes: every size, count, name and label is
 * checked before the images are unpacked, and each image is checked to be a PNG of a sane size.
 */
export function readSetZip(bytes: Uint8Array): SetZipClasses {
  if (bytes.length > MAX_SET_FILE_BYTES) {
    throw new SetFileError(
      `This file is ${formatBytes(bytes.length)}; a saved set is at most ${formatBytes(MAX_SET_FILE_BYTES)}.`,
    );
  }
  const { labels: labelBytes, sizes } = survey(bytes);
  const labels = parseLabels(labelBytes);
  const listed = new Set(labels.classes.flatMap((c) => c.files));
  let total = 0;
  for (const path of listed) {
    const size = sizes.get(path);
    if (size === undefined || path === LABELS) {
      throw new SetFileError(`labels.json lists ${quoted(path)}, which is not an image in the zip.`);
    }
    total += size;
  }
  if (total > MAX_SET_UNPACKED_BYTES) {
    throw new SetFileError(
      `The images of this set would unpack to ${formatBytes(total)}; a set is at most ${formatBytes(MAX_SET_UNPACKED_BYTES)}.`,
    );
  }
  const entries = unzip(bytes, (entry) => listed.has(entry.name));
  return labels.classes.map((cls) => ({
    name: cls.name.slice(0, MAX_CLASS_NAME),
    images: cls.files.map((path) => {
      // Own properties only: an entry named "__proto__" or "constructor" must not answer for another.
      const data = Object.hasOwn(entries, path) ? entries[path] : undefined;
      if (!(data instanceof Uint8Array))
        throw new SetFileError(`labels.json lists ${quoted(path)}, which could not be unpacked.`);
      pngSize(path, data);
      return { path, png: data };
    }),
  }));
}
