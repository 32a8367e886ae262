/**
 * The two blocks the lecture compares, as specs the engine summarizes: a bottleneck block on a
 * d-channel input (1×1 down to d/4, 3×3 at d/4, 1×1 back up to d) and a basic block of two 3×3
 * convolutions at the full depth d. Convolutions are bias-free and batch norm is left out, so the
 * counts are the convolution weights the lecture quotes (each batch norm would add 2 per channel).
 * `side` is the map size at that depth in ResNet-50 (56, 28, 14, 7), for the multiply-adds.
 */
import type { LayerSpec, ModelSpec } from '../../engine/spec';

export interface Stage {
  /** Channels of the block's input and output (the "256-d" of the lecture). */
  readonly depth: number;
  /** Height and width of the map at this depth in ResNet-50. */
  readonly side: number;
}

/** ResNet-50's four stages: depth doubles as the map halves. */
export const STAGES: readonly Stage[] = [
  { depth: 256, side: 56 },
  { depth: 512, side: 28 },
  { depth: 1024, side: 14 },
  { depth: 2048, side: 7 },
];

const conv = (id: string, filters: number, kernel: number): LayerSpec => ({
  type: 'conv2d',
  id,
  filters,
  kernel,
  padding: 'same',
  bias: false,
});
const relu = (id: string): LayerSpec => ({ type: 'activation', id, kind: 'relu' });

/** The bottleneck's inner width: a quarter of the depth (64 for 256-d). */
export const widthOf = (stage: Stage): number => stage.depth / 4;

export function bottleneckSpec(stage: Stage): ModelSpec {
  const w = widthOf(stage);
  return {
    name: `bottleneck block, ${stage.depth}-d`,
    layers: [
      { type: 'input', id: 'in', shape: [stage.depth, stage.side, stage.side] },
      conv('reduce', w, 1),
      relu('relu1'),
      conv('conv3x3', w, 3),
      relu('relu2'),
      conv('expand', stage.depth, 1),
      { type: 'add', id: 'add', with: 'in' },
      relu('out'),
    ],
  };
}

export function basicSpec(stage: Stage): ModelSpec {
  return {
    name: `basic block, ${stage.depth}-d`,
    layers: [
      { type: 'input', id: 'in', shape: [stage.depth, stage.side, stage.side] },
      conv('conv1', stage.depth, 3),
      relu('relu1'),
      conv('conv2', stage.depth, 3),
      { type: 'add', id: 'add', with: 'in' },
      relu('out'),
    ],
  };
}
