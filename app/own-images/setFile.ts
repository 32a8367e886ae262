/**
 * Saving and loading a set of your own images as a zip anyone can open: one folder per class
 * holding its images as PNGs, and labels.json naming the classes in order. Loading checks sizes
 * before inflating anything (a zip is a list of promises about sizes), refuses what is not such a
 * set in words, and downscales any image to SIDE x SIDE on the way in.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { MAX_CLASSES, MAX_OWN_IMAGES, MIN_CLASSES } from '../../engine/data/own-images';
import { squareSample } from './intake';
import { type OwnClass, SIDE } from './ownStore';

export const SET_FILE_FORMAT = 'convlab-own-images';
/** Refuse a zip larger than this before reading it: 10,000 small PNGs are far less. */
export const MAX_SET_FILE_BYTES = 200 * 1024 * 1024;
const MAX_ENTRY_BYTES = 8 * 1024 * 1024;

export class SetFileError extends Error {
  override readonly name = 'SetFileError';
}

interface Labels {
  readonly format: typeof SET_FILE_FORMAT;
  readonly version: 1;
  readonly side: number;
  readonly classes: readonly { readonly name: string; readonly files: readonly string[] }[];
}

async function png(rgba: Uint8ClampedArray): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = SIDE;
  canvas.height = SIDE;
  canvas.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(rgba), SIDE, SIDE), 0, 0);
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
  if (!blob) throw new SetFileError('This browser could not encode an image as PNG.');
  return new Uint8Array(await blob.arrayBuffer());
}

const folderName = (index: number, name: string): string =>
  `${String(index + 1).padStart(2, '0')}-${
    name
      .trim()
      .replace(/[^A-Za-z0-9_-]+/g, '_')
      .slice(0, 40) || 'class'
  }`;

export async function encodeSet(classes: readonly OwnClass[]): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  const labels: Labels = {
    format: SET_FILE_FORMAT,
    version: 1,
    side: SIDE,
    classes: await Promise.all(
      classes.map(async (cls, c) => {
        const folder = folderName(c, cls.name);
        const files: string[] = [];
        for (const [i, sample] of cls.samples.entries()) {
          const path = `${folder}/${String(i + 1).padStart(5, '0')}.png`;
          entries[path] = await png(sample.rgba);
          files.push(path);
        }
        return { name: cls.name, files };
      }),
    ),
  };
  entries['labels.json'] = strToU8(JSON.stringify(labels, null, 1));
  // PNGs are compressed already: store them.
  return zipSync(entries, { level: 0 });
}

function parseLabels(bytes: Uint8Array | undefined): Labels {
  if (!bytes) throw new SetFileError('This zip has no labels.json, so it is not a saved set of your images.');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new SetFileError('labels.json in this zip is not readable JSON.');
  }
  const labels = value as Partial<Labels>;
  if (labels?.format !== SET_FILE_FORMAT || !Array.isArray(labels.classes)) {
    throw new SetFileError('This zip is not a saved set of your images (its labels.json is of another kind).');
  }
  const classes = labels.classes;
  if (classes.length < MIN_CLASSES || classes.length > MAX_CLASSES) {
    throw new SetFileError(`A set has ${MIN_CLASSES} to ${MAX_CLASSES} classes; this one lists ${classes.length}.`);
  }
  for (const cls of classes) {
    if (
      typeof cls?.name !== 'string' ||
      !Array.isArray(cls.files) ||
      cls.files.some((f: unknown) => typeof f !== 'string')
    ) {
      throw new SetFileError('labels.json lists a class without a name or a list of files.');
    }
  }
  const total = classes.reduce((n, c) => n + c.files.length, 0);
  if (total > MAX_OWN_IMAGES) {
    throw new SetFileError(
      `This set lists ${total.toLocaleString('en-US')} images; a set holds at most ${MAX_OWN_IMAGES.toLocaleString('en-US')}.`,
    );
  }
  return labels as Labels;
}

/** Reads a saved set; every image is decoded and downscaled like a dropped file. */
export async function decodeSet(file: Blob): Promise<{ name: string; samples: Uint8ClampedArray[] }[]> {
  if (file.size > MAX_SET_FILE_BYTES) {
    throw new SetFileError(`This file is ${(file.size / 1e6).toFixed(0)} MB; a saved set is at most 200 MB.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let entries: Record<string, Uint8Array>;
  let count = 0;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        count++;
        if (count > MAX_OWN_IMAGES + 1) throw new SetFileError('This zip holds more files than a set can.');
        if (entry.originalSize > MAX_ENTRY_BYTES) {
          throw new SetFileError(`${entry.name} would unpack to more than 8 MB: not an image of a saved set.`);
        }
        return entry.name === 'labels.json' || entry.name.endsWith('.png');
      },
    });
  } catch (error) {
    if (error instanceof SetFileError) throw error;
    throw new SetFileError('This file is not a readable zip (it may be damaged or of another kind).');
  }
  const labels = parseLabels(entries['labels.json']);
  const out: { name: string; samples: Uint8ClampedArray[] }[] = [];
  for (const cls of labels.classes) {
    const samples: Uint8ClampedArray[] = [];
    for (const path of cls.files) {
      const data = entries[path];
      if (!data) throw new SetFileError(`labels.json lists ${path}, which is not in the zip.`);
      try {
        const bitmap = await createImageBitmap(new Blob([data as BlobPart], { type: 'image/png' }));
        samples.push(squareSample(bitmap, bitmap.width, bitmap.height));
        bitmap.close();
      } catch {
        throw new SetFileError(`${path} in this zip is not a readable PNG image.`);
      }
    }
    out.push({ name: cls.name.slice(0, 40), samples });
  }
  return out;
}
