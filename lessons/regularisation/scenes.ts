/**
 * Small colour pictures made in the page (no dataset needed): landscapes of sky, sun and ground
 * whose colours vary the way outdoor photos do, so their RGB covariance has a clear main
 * direction (brighter/darker) and weaker ones (warmer/cooler). Twelve 3x32x32 images in [0, 1].
 */
import type { BatchShape } from '../../engine/data/augment';
import { createRng } from '../../engine/tensor/rng';

export const SCENE_COUNT = 12;
export const SCENE_SIZE = 32;
export const SCENE_SHAPE: BatchShape = [SCENE_COUNT, 3, SCENE_SIZE, SCENE_SIZE];

type Rgb = [number, number, number];
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * t) as Rgb;
const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

export function makeScenes(seed = 5): Float32Array {
  const rng = createRng(seed);
  const r = (lo: number, hi: number): number => lo + (hi - lo) * rng.next();
  const s = SCENE_SIZE;
  const plane = s * s;
  const out = new Float32Array(SCENE_COUNT * 3 * plane);
  for (let n = 0; n < SCENE_COUNT; n++) {
    const light = r(0.55, 1.05); // overall exposure: the main way photos differ
    const warm = r(0, 1); // 0 midday blue, 1 sunset orange
    const skyTop = mix([0.2, 0.45, 0.85], [0.35, 0.2, 0.45], warm);
    const skyLow = mix([0.65, 0.8, 0.95], [0.98, 0.6, 0.3], warm);
    const ground = mix([0.2, 0.5, 0.18], [0.45, 0.35, 0.15], r(0, 1));
    const horizon = Math.floor(r(0.5, 0.75) * s);
    const sun = { x: r(4, s - 4), y: r(3, horizon - 3), radius: r(2.5, 5) };
    const sunColour = mix([1, 0.98, 0.8], [1, 0.75, 0.35], warm);
    for (let y = 0; y < s; y++) {
      for (let x = 0; x < s; x++) {
        let c: Rgb;
        if (y < horizon) {
          c = mix(skyTop, skyLow, y / horizon);
          const d = Math.hypot(x - sun.x, y - sun.y);
          if (d < sun.radius + 1) c = mix(c, sunColour, clamp01(sun.radius + 1 - d));
        } else {
          c = mix(ground, [0.08, 0.1, 0.05], (y - horizon) / (s - horizon) / 2);
        }
        for (let ch = 0; ch < 3; ch++) out[(n * 3 + ch) * plane + y * s + x] = clamp01(c[ch]! * light);
      }
    }
  }
  return out;
}
