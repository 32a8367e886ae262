/**
 * VGG (Simonyan and Zisserman, 2014), configurations A to E, and a small VGG-style net for
 * CIFAR-10. Every 3x3 conv is 'same'-padded (pad 1, stride 1) so only the 2x2 stride-2 max pools
 * shrink the maps: 224 -> 112 -> 56 -> 28 -> 14 -> 7, then 512·7·7 = 25,088 features feed the
 * 4096-4096-1000 classifier. Configuration C adds a 1x1 conv at the end of the last three stages.
 */

import type { LayerSpec, ModelSpec } from '../types';

/** One conv: [filters, kernel size]; the kernel is 3 except for configuration C's 1x1 layers. */
type ConvPlan = readonly [number, number];
/** Each stage is a list of convs followed by a 2x2 max pool. */
type StagePlan = readonly ConvPlan[];

const c3 = (filters: number, times = 1): ConvPlan[] => Array.from({ length: times }, () => [filters, 3] as const);

const VGG_STAGES: Readonly<Record<'A' | 'B' | 'C' | 'D' | 'E', readonly StagePlan[]>> = {
  A: [c3(64), c3(128), c3(256, 2), c3(512, 2), c3(512, 2)],
  B: [c3(64, 2), c3(128, 2), c3(256, 2), c3(512, 2), c3(512, 2)],
  C: [c3(64, 2), c3(128, 2), [...c3(256, 2), [256, 1]], [...c3(512, 2), [512, 1]], [...c3(512, 2), [512, 1]]],
  D: [c3(64, 2), c3(128, 2), c3(256, 3), c3(512, 3), c3(512, 3)],
  E: [c3(64, 2), c3(128, 2), c3(256, 4), c3(512, 4), c3(512, 4)],
};

/** Conv stages with ids "block<stage>_conv<n>" and "block<stage>_pool", as Keras names VGG's layers. */
function stages(plan: readonly StagePlan[]): LayerSpec[] {
  return plan.flatMap((stage, s): LayerSpec[] => [
    ...stage.map(
      ([filters, kernel], c): LayerSpec => ({
        type: 'conv2d',
        id: `block${s + 1}_conv${c + 1}`,
        filters,
        kernel,
        padding: 'same',
        activation: 'relu',
      }),
    ),
    { type: 'maxpool', id: `block${s + 1}_pool`, size: 2, stride: 2 },
  ]);
}

function vgg(config: keyof typeof VGG_STAGES): ModelSpec {
  return {
    name: `VGG configuration ${config}`,
    layers: [
      { type: 'input', shape: [3, 224, 224] },
      ...stages(VGG_STAGES[config]),
      { type: 'flatten' },
      { type: 'dense', id: 'fc6', units: 4096, activation: 'relu' },
      { type: 'dropout', rate: 0.5 },
      { type: 'dense', id: 'fc7', units: 4096, activation: 'relu' },
      { type: 'dropout', rate: 0.5 },
      { type: 'dense', id: 'fc8', units: 1000 },
    ],
  };
}

export const vggA: ModelSpec = vgg('A'); // VGG-11
export const vggB: ModelSpec = vgg('B'); // VGG-13
export const vggC: ModelSpec = vgg('C'); // VGG-16 with 1x1 convs
export const vggD: ModelSpec = vgg('D'); // VGG-16
export const vggE: ModelSpec = vgg('E'); // VGG-19

/** Three VGG stages (32, 64, 96 filters) for 3x32x32: 32 -> 16 -> 8 -> 4, then dense 10. */
export const smallVggCifar10: ModelSpec = {
  name: 'Small VGG (CIFAR-10)',
  layers: [
    { type: 'input', shape: [3, 32, 32] },
    ...stages([c3(32, 2), c3(64, 2), c3(96, 2)]),
    { type: 'flatten' },
    { type: 'dropout', rate: 0.3 },
    { type: 'dense', units: 10 },
  ],
};
