/** The chosen image as an inspect query names it, and as pixels to draw (from the forward pass). */
import type { InspectImage } from '../../engine/worker/inspect';
import type { ChosenImage } from './learnedRun';
import type { Forward } from './useForward';

export function inspectImage(image: ChosenImage): InspectImage {
  return image.kind === 'sample' ? { sample: image.index } : { pixels: image.pixels.slice() };
}

/** The input layer's output is the image the net saw. */
export function pixelsOf(forward: Forward | null): Float32Array | null {
  return forward?.activations[0]?.data ?? null;
}
