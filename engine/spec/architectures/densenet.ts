/**
 * DenseNet (Huang et al., 2017): DenseNet-121 as torchvision builds it (7,978,856 parameters) and
 * a mini DenseNet for CIFAR-10.
 *
 * Inside a dense block every layer reads the concatenation of the block input and all earlier
 * layers' outputs, and adds `growth` new channels to it. In a spec that is a chain of concats:
 * layer i joins the running concatenation with its own new channels, which gives the same
 * channels in the same order as torchvision's torch.cat of the whole list.
 *
 * Layers use the pre-activation order BN -> ReLU -> conv (bias-free). The first BN of a dense layer
 * sits right after a concat and normalises all of its channels, so its gamma and beta grow with
 * the block. Each dense layer is a 1x1 "bottleneck" conv to bnSize·growth channels, then a 3x3
 * conv to growth channels. Between blocks a transition layer (BN, ReLU, 1x1 conv) halves the
 * channels and a 2x2 average pool halves the map.
 */

import type { LayerSpec, ModelSpec } from '../types';
import { type Block, bnConv, convBn } from './blocks';

interface DensePlan {
  readonly growth: number;
  readonly bnSize: number;
  /** Dense layers per block. */
  readonly blocks: readonly number[];
  /** Channels leaving a transition, as a fraction of those entering it. */
  readonly compression: number;
}

/** Dense layer `p`: BN-ReLU-1x1 conv (bnSize·growth), BN-ReLU-3x3 conv (growth), joined onto `input`. */
export function denseLayer(p: string, input: string, growth: number, bnSize: number): Block {
  const bottleneck = bnConv(`${p}_conv1`, bnSize * growth, 1, input);
  const grow = bnConv(`${p}_conv2`, growth, 3);
  return {
    layers: [...bottleneck.layers, ...grow.layers, { type: 'concat', id: `${p}_cat`, inputs: [input, grow.out] }],
    out: `${p}_cat`,
  };
}

/** Dense blocks with transitions between them, starting from `input` with `channels` channels. */
function denseBlocks(input: string, channels: number, plan: DensePlan): Block {
  const layers: LayerSpec[] = [];
  let out = input;
  let c = channels;
  plan.blocks.forEach((count, b) => {
    for (let l = 0; l < count; l++) {
      const layer = denseLayer(`block${b + 1}_layer${l + 1}`, out, plan.growth, plan.bnSize);
      layers.push(...layer.layers);
      out = layer.out;
      c += plan.growth;
    }
    if (b === plan.blocks.length - 1) return;
    c = Math.floor(c * plan.compression);
    const t = `transition${b + 1}`;
    layers.push(...bnConv(`${t}_conv`, c, 1).layers, { type: 'avgpool', id: `${t}_pool`, size: 2, stride: 2 });
    out = `${t}_pool`;
  });
  return { layers, out };
}

/** The final BN and ReLU (torchvision's norm5 and the ReLU in forward), pooling and classifier. */
function head(classes: number): LayerSpec[] {
  return [
    { type: 'batchnorm', id: 'norm5' },
    { type: 'activation', id: 'relu5', kind: 'relu' },
    { type: 'globalavgpool', id: 'avgpool' },
    { type: 'dense', id: 'fc', units: classes },
  ];
}

const body121 = denseBlocks('pool0', 64, { growth: 32, bnSize: 4, blocks: [6, 12, 24, 16], compression: 0.5 });

/** DenseNet-121: 7x7 stem and pool (224 -> 56), blocks of 6, 12, 24, 16 layers; 1024 features. */
export const densenet121: ModelSpec = {
  name: 'DenseNet-121',
  layers: [
    { type: 'input', shape: [3, 224, 224] },
    ...convBn('conv0', 64, 7, 2).layers,
    { type: 'maxpool', id: 'pool0', size: 3, stride: 2, padding: 'same' },
    ...body121.layers,
    ...head(1000),
  ],
};

const bodyMini = denseBlocks('pool0', 16, { growth: 8, bnSize: 4, blocks: [3, 3], compression: 0.5 });

/**
 * A 3x3 stem (16 channels) and a 2x2 pool (32 -> 16), a dense block of 3 layers (growth 8), a
 * transition to 8x8, another block of 3, then BN, ReLU, global average pool and dense 10.
 */
export const miniDensenetCifar10: ModelSpec = {
  name: 'Mini DenseNet (CIFAR-10)',
  layers: [
    { type: 'input', shape: [3, 32, 32] },
    ...convBn('conv0', 16, 3).layers,
    { type: 'maxpool', id: 'pool0', size: 2, stride: 2 },
    ...bodyMini.layers,
    ...head(10),
  ],
};
