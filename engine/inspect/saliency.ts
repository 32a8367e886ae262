/**
 * A saliency map (Simonyan et al.): |dS_c/dI| for each pixel, the largest over colour channels,
 * so a picture shows which pixels the class score is most sensitive to.
 */
import type { Probe } from './probe';

export interface SaliencyMap {
  readonly map: Float32Array;
  readonly height: number;
  readonly width: number;
  /** The class score the map is the gradient of. */
  readonly score: number;
}

export function saliency(probe: Probe, image: Float32Array): SaliencyMap {
  const [channels = 1, height = 1, width = 1] = probe.inputShape;
  const { value, gradient } = probe.evaluate(image);
  const plane = height * width;
  const map = new Float32Array(plane);
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < plane; i++) map[i] = Math.max(map[i]!, Math.abs(gradient[c * plane + i]!));
  }
  return { map, height, width, score: value };
}
