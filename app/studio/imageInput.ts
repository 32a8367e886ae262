/**
 * A photo or scan the student uploads, turned into the input the network expects: the centre
 * square, resized to the dataset's H×W, as CHW floats in [0, 1] like gatherBatch gives. For
 * one-channel models (MNIST) it is converted to grey, and inverted when it is mostly light,
 * because MNIST digits are light strokes on black while most photos of writing are the reverse.
 */
export interface ImageInput {
  readonly data: Float32Array;
  readonly inverted: boolean;
}

export async function imageToInput(file: Blob, shape: readonly [number, number, number]): Promise<ImageInput> {
  const [channels, height, width] = shape;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error('That file is not an image this browser can read (try a PNG or JPEG).');
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This browser cannot draw the image to read its pixels.');
  const side = Math.min(bitmap.width, bitmap.height);
  context.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, width, height);
  bitmap.close();
  const rgba = context.getImageData(0, 0, width, height).data;
  const plane = width * height;
  const data = new Float32Array(channels * plane);
  if (channels === 3) {
    for (let i = 0; i < plane; i++) {
      for (let c = 0; c < 3; c++) data[c * plane + i] = rgba[i * 4 + c]! / 255;
    }
    return { data, inverted: false };
  }
  let sum = 0;
  for (let i = 0; i < plane; i++) {
    const grey = (0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!) / 255;
    data[i] = grey;
    sum += grey;
  }
  const inverted = sum / plane > 0.5;
  if (inverted) for (let i = 0; i < plane; i++) data[i] = 1 - data[i]!;
  return { data, inverted };
}
