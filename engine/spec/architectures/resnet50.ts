/**
 * ResNet-50 (He et al., 2015): bottleneck blocks, 3-4-6-3 per stage, 25,557,032 parameters as
 * torchvision counts them. A bottleneck block squeezes the channels with a 1x1 conv, does the 3x3
 * conv at that narrow width, and widens again with a 1x1 conv (4x), so a 256-channel block costs
 * about as much as a basic block at 64.
 *
 * Two variants with the same parameters, differing only in which conv of a stage's first block
 * has stride 2:
 * - 'paper' (the paper's and the lecture's "3.8 billion"): the first 1x1 conv. It computes only
 *   one output pixel in four, but its 1x1 window then never sees three input pixels in four.
 * - torchvision (v1.5): the 3x3 conv. The first 1x1 now runs on the full-size map (4x its
 *   multiply-adds, 77M more in each of stages 2-4) and every pixel is read; about 4.1 billion
 *   multiply-adds instead of 3.9, for slightly better accuracy.
 */

import type { LayerSpec, ModelSpec } from '../types';
import { type Block, convBn, convBnOnly } from './blocks';
import { imagenetHead, imagenetStem } from './resnet';

export type StrideOn = 'conv1x1' | 'conv3x3';

/**
 * A bottleneck block named `p` reading `input` (`inChannels` deep): 1x1 `width` -> 3x3 `width`
 * -> 1x1 4·width, plus the input (projected by a 1x1 conv and BN when the shape changes), then ReLU.
 */
export function bottleneck(
  p: string,
  input: string,
  inChannels: number,
  width: number,
  stride: number,
  strideOn: StrideOn,
): Block {
  const out = 4 * width;
  const reduce = convBn(`${p}_conv1`, width, 1, strideOn === 'conv1x1' ? stride : 1, input);
  const spatial = convBn(`${p}_conv2`, width, 3, strideOn === 'conv3x3' ? stride : 1);
  const expand = convBnOnly(`${p}_conv3`, out, 1);
  const project = stride !== 1 || inChannels !== out;
  const shortcut = project ? convBnOnly(`${p}_proj`, out, 1, stride, input) : null;
  return {
    layers: [
      ...reduce.layers,
      ...spatial.layers,
      ...expand.layers,
      ...(shortcut?.layers ?? []),
      { type: 'add', id: `${p}_add`, input: expand.out, with: shortcut?.out ?? input },
      { type: 'activation', id: `${p}_out`, kind: 'relu' },
    ],
    out: `${p}_out`,
  };
}

/** Stages of bottleneck blocks [width, blocks]; every stage after the first starts with stride 2. */
function bottleneckStages(plan: readonly (readonly [number, number])[], strideOn: StrideOn): LayerSpec[] {
  const layers: LayerSpec[] = [];
  let out = 'stem_pool';
  let channels = 64;
  plan.forEach(([width, blocks], s) => {
    for (let b = 0; b < blocks; b++) {
      const block = bottleneck(`layer${s + 1}_${b + 1}`, out, channels, width, s > 0 && b === 0 ? 2 : 1, strideOn);
      layers.push(...block.layers);
      out = block.out;
      channels = 4 * width;
    }
  });
  return layers;
}

const PLAN_50 = [
  [64, 3],
  [128, 4],
  [256, 6],
  [512, 3],
] as const;

function resnet50For(name: string, strideOn: StrideOn): ModelSpec {
  return { name, layers: [...imagenetStem, ...bottleneckStages(PLAN_50, strideOn), ...imagenetHead] };
}

/** torchvision's ResNet-50 (v1.5): stride on the 3x3 conv, about 4.1 G multiply-adds. */
export const resnet50: ModelSpec = resnet50For('ResNet-50 (torchvision v1.5)', 'conv3x3');

/** The paper's ResNet-50: stride on the first 1x1 conv, about 3.9 G multiply-adds ("3.8 billion"). */
export const resnet50Paper: ModelSpec = resnet50For('ResNet-50 (paper)', 'conv1x1');
