/**
 * Saving and loading a set of your own images as a zip anyone can open: one folder per class
 * holding its images as PNGs, and labels.json naming the classes in order. Loading leaves every
 * check of the zip to setZip.ts (sizes before unpacking, names, labels, PNG headers), then decodes
 * each image in the browser and downscales it to SIDE x SIDE on the way in.
 */
import { strToU8, zipSync } from 'fflate';
import { formatBytes } from '../../engine/data/limits';
import { squareSample } from './intake';
import { type OwnClass, SIDE } from './ownStore';
import { MAX_SET_FILE_BYTES, readSetZip, SET_FILE_FORMAT, SetFileError, type SetLabels } from './setZip';

export { SetFileError } from './setZip';

async function encodePng(rgba: Uint8ClampedArray): Promise<Uint8Array> {
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
  const labels: SetLabels = {
    format: SET_FILE_FORMAT,
    version: 1,
    side: SIDE,
    classes: await Promise.all(
      classes.map(async (cls, c) => {
        const folder = folderName(c, cls.name);
        const files: string[] = [];
        for (const [i, sample] of cls.samples.entries()) {
          const path = `${folder}/${String(i + 1).padStart(5, '0')}.png`;
          entries[path] = await encodePng(sample.rgba);
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

/** Reads a saved set; every image is decoded and downscaled like a dropped file. */
export async function decodeSet(file: Blob): Promise<{ name: string; samples: Uint8ClampedArray[] }[]> {
  if (file.size > MAX_SET_FILE_BYTES) {
    throw new SetFileError(
      `This file is ${formatBytes(file.size)}; a saved set is at most ${formatBytes(MAX_SET_FILE_BYTES)}.`,
    );
  }
  const classes = readSetZip(new Uint8Array(await file.arrayBuffer()));
  const out: { name: string; samples: Uint8ClampedArray[] }[] = [];
  for (const cls of classes) {
    const samples: Uint8ClampedArray[] = [];
    for (const { path, png } of cls.images) {
      try {
        const bitmap = await createImageBitmap(new Blob([png as BlobPart], { type: 'image/png' }));
        samples.push(squareSample(bitmap, bitmap.width, bitmap.height));
        bitmap.close();
      } catch {
        throw new SetFileError(`${path} in this zip is not a readable PNG image.`);
      }
    }
    out.push({ name: cls.name, samples });
  }
  return out;
}
