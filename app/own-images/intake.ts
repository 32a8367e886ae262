/**
 * Turning anything a student offers into a SIDE x SIDE RGBA sample: a webcam frame, an image
 * file, a drawing. The centre square is cropped and scaled by the browser's own resampler, so a
 * 4,000-pixel photo costs no more than a thumbnail once decoded. Files that are not images, or are
 * too big to be one, are refused by name.
 */
import { MAX_OWN_IMAGES } from '../../engine/data/own-images';
import { SIDE } from './ownStore';

/** A photo file larger than this is not a photo a browser should decode for a 32-pixel thumbnail. */
export const MAX_IMAGE_FILE_BYTES = 40 * 1024 * 1024;

function context(): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas');
  canvas.width = SIDE;
  canvas.height = SIDE;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  return ctx;
}

/** The centre square of `source` (width x height), scaled to SIDE x SIDE, as RGBA bytes. */
export function squareSample(source: CanvasImageSource, width: number, height: number): Uint8ClampedArray {
  const ctx = context();
  const side = Math.min(width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, (width - side) / 2, (height - side) / 2, side, side, 0, 0, SIDE, SIDE);
  return ctx.getImageData(0, 0, SIDE, SIDE).data;
}

/** A 28x28 MNIST-style drawing (floats, white ink on black) as a grey SIDE x SIDE sample. */
export function drawingSample(image: Float32Array, side = 28): Uint8ClampedArray {
  const small = new ImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const v = Math.round(Math.min(1, Math.max(0, image[i] ?? 0)) * 255);
    small.data.set([v, v, v, 255], i * 4);
  }
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  canvas.getContext('2d')?.putImageData(small, 0, 0);
  return squareSample(canvas, side, side);
}

export interface Intake {
  readonly samples: Uint8ClampedArray[];
  /** Files that were skipped, with why, for one notice. */
  readonly refused: string[];
}

/** Decodes image files into samples, one at a time (bounded memory); non-images are refused by name. */
export async function filesToSamples(files: readonly File[]): Promise<Intake> {
  const samples: Uint8ClampedArray[] = [];
  const refused: string[] = [];
  for (const file of files.slice(0, MAX_OWN_IMAGES)) {
    if (!file.type.startsWith('image/') && !/\.(png|jpe?g|gif|webp|bmp|avif)$/i.test(file.name)) {
      refused.push(`${file.name} (not an image)`);
      continue;
    }
    if (file.size > MAX_IMAGE_FILE_BYTES) {
      refused.push(`${file.name} (larger than 40 MB)`);
      continue;
    }
    try {
      const bitmap = await createImageBitmap(file);
      samples.push(squareSample(bitmap, bitmap.width, bitmap.height));
      bitmap.close();
    } catch {
      refused.push(`${file.name} (could not be read as an image)`);
    }
  }
  if (files.length > MAX_OWN_IMAGES) refused.push(`${files.length - MAX_OWN_IMAGES} more files (too many at once)`);
  return { samples, refused };
}

/** Every file in a drop, descending into dropped folders (Chromium, Firefox and Safari all support entries). */
export async function filesFromDrop(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items]
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => e !== null && e !== undefined);
  if (entries.length === 0) return [...transfer.files];
  const files: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (files.length > MAX_OWN_IMAGES) return;
    if (entry.isFile) {
      files.push(await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail)));
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child);
    }
  };
  for (const entry of entries) await walk(entry);
  return files;
}

/** The words for refused files: the first few named, the rest counted. */
export function refusedNotice(refused: readonly string[]): string | null {
  if (refused.length === 0) return null;
  const shown = refused.slice(0, 3).join(', ');
  const more = refused.length > 3 ? ` and ${refused.length - 3} more` : '';
  return `Skipped ${shown}${more}. Add PNG, JPEG, GIF, WebP or BMP images.`;
}
