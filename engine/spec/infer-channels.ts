/**
 * Shape rules for the two layers that work across channels: concat (joins earlier layers'
 * channels) and lrn (normalises each channel by its neighbours). Neither has parameters or MACs.
 */

import { fail, finiteNumber, positiveInt, shapeText, type Where } from './checks';
import { free, type Inferred, type Shortcut } from './infer';
import type { LrnLayer, SampleShape } from './types';

const listShapes = (sources: readonly Shortcut[]): string =>
  sources.map((s) => `"${s.id}" ${shapeText(s.shape).replace(/ \(.*\)$/, '')}`).join(', ');

/**
 * Images [C, H, W] of one height and width join to [sum C, H, W]; vectors [N] join to [sum N].
 * The sources come from links.ts: two or more distinct earlier layers.
 */
export function inferConcat(sources: readonly Shortcut[], where: Where): Inferred {
  const rank = sources[0]!.shape.length;
  if (sources.some((s) => s.shape.length !== rank)) {
    fail(
      where,
      `concat joins images with images or vectors with vectors, but its inputs are ${listShapes(sources)}. ` +
        'Flatten (or globalavgpool) the images first to join them with vectors.',
    );
  }
  if (rank === 1) return free([sources.reduce((sum, s) => sum + s.shape[0]!, 0)], { type: 'concat' });
  const [, h, w] = sources[0]!.shape;
  if (sources.some((s) => s.shape[1] !== h || s.shape[2] !== w)) {
    fail(
      where,
      `concat stacks channels, so every input needs the same height and width, but its inputs are ${listShapes(sources)}. ` +
        `Change the branches so they all give ${h}x${w} (e.g. padding 'same' and stride 1 on their conv and pool layers), or name other inputs.`,
    );
  }
  return free([sources.reduce((sum, s) => sum + s.shape[0]!, 0), h!, w!], { type: 'concat' });
}

/**
 * Local response normalisation across channels (the first axis; for a vector, across features).
 * n is any whole number ≥ 1: the window is channels i - floor(n/2) .. i + floor(n/2), so an even n
 * sums n + 1 channels, exactly as the lecture's formula reads. k > 0 keeps the denominator above 0.
 */
export function inferLrn(layer: LrnLayer, input: SampleShape, where: Where): Inferred {
  if (input.length !== 3 && input.length !== 1) {
    fail(where, `lrn normalises across channels, but its input is ${shapeText(input)}.`);
  }
  const size = positiveInt(layer.size ?? 5, 'size', where);
  const k = finiteNumber(layer.k, 2, 'k', where);
  const alpha = finiteNumber(layer.alpha, 1e-4, 'alpha', where);
  const beta = finiteNumber(layer.beta, 0.75, 'beta', where);
  if (k <= 0)
    fail(where, `"k" must be above 0 (got ${k}); it keeps the denominator k + alpha·(sum of squares) above 0.`);
  if (alpha < 0) fail(where, `"alpha" must be 0 or more (got ${alpha}); it scales the sum of squared neighbours.`);
  if (beta <= 0) fail(where, `"beta" must be above 0 (got ${beta}); it is the power the denominator is raised to.`);
  return free(input, { type: 'lrn', size, k, alpha, beta });
}
