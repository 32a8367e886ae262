/**
 * GoogLeNet, Inception v1 (Szegedy et al., 2014), laid out as torchvision builds it, and a mini
 * version for CIFAR-10.
 *
 * An Inception module runs four branches side by side on the same input and joins their channels:
 *   1x1 conv | 1x1 reduce -> 3x3 conv | 1x1 reduce -> "5x5" conv | 3x3 max pool -> 1x1 conv
 * The 1x1 "reduce" convs shrink the depth before the expensive convs, which is why the whole net has
 * about 6.6M parameters to AlexNet's 61M. Following torchvision: every conv is bias-free and
 * followed by batchnorm and ReLU, the "5x5" branch is really a 3x3 conv (a known quirk of
 * torchvision's port, kept so the count is its 6,624,904), and the auxiliary classifiers are left
 * out (they are only used in training).
 *
 * torchvision's max pools use ceil_mode (56.5 rounds up to 56); 'same' padding gives the same sizes
 * here: 112 -> 56 -> 28 -> 14, then a 2x2 pool to 7.
 */

import type { LayerSpec, ModelSpec } from '../types';
import { type Block, convBn } from './blocks';

/** Channel counts of one module, in torchvision's argument order. */
interface InceptionPlan {
  readonly b1: number; // 1x1 branch
  readonly b2red: number; // 1x1 reduction before the 3x3
  readonly b2: number; // 3x3 branch
  readonly b3red: number; // 1x1 reduction before the "5x5" (a 3x3 in torchvision)
  readonly b3: number;
  readonly pool: number; // 1x1 after the 3x3 max pool
}

const plan = (b1: number, b2red: number, b2: number, b3red: number, b3: number, pool: number): InceptionPlan => ({
  b1,
  b2red,
  b2,
  b3red,
  b3,
  pool,
});

/** An Inception module named `p` reading `input`; its output is the concat `<p>` (b1+b2+b3+pool channels). */
export function inception(p: string, input: string, c: InceptionPlan): Block {
  const b1 = convBn(`${p}_1x1`, c.b1, 1, 1, input);
  const b2red = convBn(`${p}_3x3_reduce`, c.b2red, 1, 1, input);
  const b2 = convBn(`${p}_3x3`, c.b2, 3);
  const b3red = convBn(`${p}_5x5_reduce`, c.b3red, 1, 1, input);
  const b3 = convBn(`${p}_5x5`, c.b3, 3);
  const pool: LayerSpec = { type: 'maxpool', id: `${p}_pool`, size: 3, stride: 1, padding: 1, input };
  const poolProj = convBn(`${p}_pool_proj`, c.pool, 1);
  return {
    layers: [
      ...b1.layers,
      ...b2red.layers,
      ...b2.layers,
      ...b3red.layers,
      ...b3.layers,
      pool,
      ...poolProj.layers,
      { type: 'concat', id: p, inputs: [b1.out, b2.out, b3.out, poolProj.out] },
    ],
    out: p,
  };
}

/** Modules in order, each reading the one before; a layer spec (a max pool) goes between them as is. */
function modules(input: string, steps: readonly (readonly [string, InceptionPlan] | LayerSpec)[]): Block {
  const layers: LayerSpec[] = [];
  let out = input;
  for (const step of steps) {
    if ('type' in step) {
      layers.push(step);
      out = step.id ?? out;
    } else {
      const block = inception(step[0], out, step[1]);
      layers.push(...block.layers);
      out = block.out;
    }
  }
  return { layers, out };
}

const pool = (id: string, size: number): LayerSpec => ({ type: 'maxpool', id, size, stride: 2, padding: 'same' });

/** 7x7 stride-2 conv, pool, 1x1 conv, 3x3 conv, pool: 224 -> 112 -> 56 -> 28, 192 channels. */
const stem = [
  ...convBn('conv1', 64, 7, 2).layers,
  pool('maxpool1', 3),
  ...convBn('conv2', 64, 1).layers,
  ...convBn('conv3', 192, 3).layers,
  pool('maxpool2', 3),
];
const body = modules('maxpool2', [
  ['inception3a', plan(64, 96, 128, 16, 32, 32)],
  ['inception3b', plan(128, 128, 192, 32, 96, 64)],
  pool('maxpool3', 3),
  ['inception4a', plan(192, 96, 208, 16, 48, 64)],
  ['inception4b', plan(160, 112, 224, 24, 64, 64)],
  ['inception4c', plan(128, 128, 256, 24, 64, 64)],
  ['inception4d', plan(112, 144, 288, 32, 64, 64)],
  ['inception4e', plan(256, 160, 320, 32, 128, 128)],
  { type: 'maxpool', id: 'maxpool4', size: 2, stride: 2 },
  ['inception5a', plan(256, 160, 320, 32, 128, 128)],
  ['inception5b', plan(384, 192, 384, 48, 128, 128)],
]);

export const googlenet: ModelSpec = {
  name: 'GoogLeNet (Inception v1)',
  layers: [
    { type: 'input', shape: [3, 224, 224] },
    ...stem,
    ...body.layers,
    { type: 'globalavgpool', id: 'avgpool' },
    { type: 'dropout', id: 'dropout', rate: 0.2 },
    { type: 'dense', id: 'fc', units: 1000 },
  ],
};

const miniBody = modules('maxpool1', [
  ['inception1', plan(16, 16, 24, 4, 8, 8)],
  pool('maxpool2', 3),
  ['inception2', plan(24, 24, 32, 8, 16, 16)],
]);

/**
 * A 3x3 stem, two small Inception modules (56 then 88 channels) with a pool between them
 * (32 -> 16 -> 8), global average pool, dense 10.
 */
export const miniGooglenetCifar10: ModelSpec = {
  name: 'Mini GoogLeNet (CIFAR-10)',
  layers: [
    { type: 'input', shape: [3, 32, 32] },
    ...convBn('conv1', 32, 3).layers,
    pool('maxpool1', 3),
    ...miniBody.layers,
    { type: 'globalavgpool', id: 'avgpool' },
    { type: 'dense', id: 'fc', units: 10 },
  ],
};
