/**
 * The depth in a network's name: the most conv and dense layers on any path from the input to
 * the output. Batchnorm, activations, pools, adds and concats do not count, and parallel branches
 * (Inception's, a residual shortcut) count once, by their deepest branch. This is why ResNet-50 is
 * "50" although it has 54 conv and dense layers (its four 1x1 projection shortcuts run beside the
 * main path), and why GoogLeNet is 22 deep with 58 of them.
 */
import type { LayerSummary } from '../../engine/spec';

export function weightDepth(layers: readonly LayerSummary[]): number {
  const depth: number[] = [];
  for (const layer of layers) {
    const below = layer.inputs.reduce((deepest, i) => Math.max(deepest, depth[i] ?? 0), 0);
    depth.push(below + (layer.type === 'conv2d' || layer.type === 'dense' ? 1 : 0));
  }
  return depth[depth.length - 1] ?? 0;
}
