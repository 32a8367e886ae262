/**
 * Residual networks (He et al., 2015): ResNet-18 and ResNet-34 as torchvision builds them, and a
 * mini ResNet for CIFAR-10 that trains in a browser tab. (ResNet-50's bottleneck blocks: resnet50.ts.)
 *
 * A basic block is conv3x3 -> BN -> ReLU -> conv3x3 -> BN, plus the block's input, then ReLU.
 * When a block halves the map and widens the channels, the shortcut cannot be added as is; it is
 * projected by a 1x1 stride-2 conv (reading the block input through `input:`) and a BN.
 *
 * Padding is 'same' throughout. With our strict output-size rule torchvision's numeric padding does
 * not tile at stride 2 (e.g. (224 - 7 + 2·3)/2 + 1 = 112.5, which PyTorch floors); 'same' gives the
 * same sizes (112, 56, 28, 14, 7) with the odd pixel of padding at the bottom/right. Convs have no
 * bias (the BN that follows has its own shift), so the total is torchvision's 11,689,512.
 */

import type { LayerSpec, ModelSpec } from '../types';

interface Block {
  readonly layers: LayerSpec[];
  /** The id of the block's output, the next block's input. */
  readonly out: string;
}

function conv(id: string, filters: number, kernel: number, stride: number, input?: string): LayerSpec {
  const base = { type: 'conv2d', id, filters, kernel, stride, padding: 'same', bias: false } as const;
  return input === undefined ? base : { ...base, input };
}

/** A basic block named `p`, reading `input` (with `inChannels` channels). */
function basicBlock(p: string, input: string, inChannels: number, filters: number, stride: number): Block {
  const project = stride !== 1 || inChannels !== filters;
  const shortcut: LayerSpec[] = project
    ? [conv(`${p}_proj`, filters, 1, stride, input), { type: 'batchnorm', id: `${p}_proj_bn` }]
    : [];
  return {
    layers: [
      conv(`${p}_conv1`, filters, 3, stride, input),
      { type: 'batchnorm', id: `${p}_bn1` },
      { type: 'activation', id: `${p}_relu1`, kind: 'relu' },
      conv(`${p}_conv2`, filters, 3, 1),
      { type: 'batchnorm', id: `${p}_bn2` },
      ...shortcut,
      { type: 'add', id: `${p}_add`, input: `${p}_bn2`, with: project ? `${p}_proj_bn` : input },
      { type: 'activation', id: `${p}_out`, kind: 'relu' },
    ],
    out: `${p}_out`,
  };
}

/** Stages of basic blocks: [filters, blocks]; every stage after the first starts with stride 2. */
export function residualStages(
  stem: string,
  stemChannels: number,
  plan: readonly (readonly [number, number])[],
): Block {
  const layers: LayerSpec[] = [];
  let out = stem;
  let channels = stemChannels;
  plan.forEach(([filters, blocks], s) => {
    for (let b = 0; b < blocks; b++) {
      const stride = s > 0 && b === 0 ? 2 : 1;
      const block = basicBlock(`layer${s + 1}_${b + 1}`, out, channels, filters, stride);
      layers.push(...block.layers);
      out = block.out;
      channels = filters;
    }
  });
  return { layers, out };
}

const stages18 = residualStages('stem_pool', 64, [
  [64, 2],
  [128, 2],
  [256, 2],
  [512, 2],
]);

/** A 3x224x224 input and the ImageNet stem: 7x7 stride-2 conv, BN, ReLU, 3x3 stride-2 max pool (-> 112 -> 56). */
export const imagenetStem: readonly LayerSpec[] = [
  { type: 'input', shape: [3, 224, 224] },
  conv('stem_conv', 64, 7, 2),
  { type: 'batchnorm', id: 'stem_bn' },
  { type: 'activation', id: 'stem_relu', kind: 'relu' },
  { type: 'maxpool', id: 'stem_pool', size: 3, stride: 2, padding: 'same' },
];

/** Global average pool and the 1000-way classifier. */
export const imagenetHead: readonly LayerSpec[] = [
  { type: 'globalavgpool', id: 'avgpool' },
  { type: 'dense', id: 'fc', units: 1000 },
];

export const resnet18: ModelSpec = {
  name: 'ResNet-18',
  layers: [...imagenetStem, ...stages18.layers, ...imagenetHead],
};

const stages34 = residualStages('stem_pool', 64, [
  [64, 3],
  [128, 4],
  [256, 6],
  [512, 3],
]);

/** ResNet-34: the same basic blocks, 3-4-6-3 per stage; torchvision's 21,797,672 parameters. */
export const resnet34: ModelSpec = {
  name: 'ResNet-34',
  layers: [...imagenetStem, ...stages34.layers, ...imagenetHead],
};

const stagesMini = residualStages('stem_relu', 16, [
  [16, 1],
  [32, 1],
  [64, 1],
]);

/** A 3x3 stem and three basic blocks (16, 32, 64 channels; 32 -> 16 -> 8), pooled to 64 features. */
export const miniResnetCifar10: ModelSpec = {
  name: 'Mini ResNet (CIFAR-10)',
  layers: [
    { type: 'input', shape: [3, 32, 32] },
    conv('stem_conv', 16, 3, 1),
    { type: 'batchnorm', id: 'stem_bn' },
    { type: 'activation', id: 'stem_relu', kind: 'relu' },
    ...stagesMini.layers,
    { type: 'globalavgpool', id: 'avgpool' },
    { type: 'dense', id: 'fc', units: 10 },
  ],
};
