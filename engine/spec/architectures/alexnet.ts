/**
 * AlexNet (Krizhevsky, Sutskever and Hinton, 2012) as in lecture notes 001/002: 3x227x227 input
 * (the paper's "224" does not tile with an 11x11 stride-4 kernel; 227 does: (227 - 11)/4 + 1 = 55).
 *
 * The paper split the network over two GPUs; conv2, conv4 and conv5 only see the channels on their
 * own GPU, which is exactly a grouped convolution with groups 2. That is why their weight counts
 * are halved: conv2 256·(96/2)·5·5 = 307,200, conv4 384·(384/2)·3·3 = 663,552, conv5
 * 256·(384/2)·3·3 = 442,368. conv3 talks across GPUs (groups 1): 384·256·3·3 = 884,736.
 *
 * `alexnet` leaves out local response normalisation, as the lecture's parameter count does;
 * `alexnetLrn` has it after conv1 and conv2 (AlexNet's n = 5, k = 2, alpha = 1e-4, beta = 0.75),
 * followed by the max pools, as the paper orders them. LRN has no parameters and no multiply-adds
 * in our count, so both have the same totals.
 */

import type { LayerSpec, ModelSpec } from '../types';

export const alexnet: ModelSpec = {
  name: 'AlexNet',
  layers: [
    { type: 'input', shape: [3, 227, 227] },
    { type: 'conv2d', id: 'conv1', filters: 96, kernel: 11, stride: 4, activation: 'relu' },
    { type: 'maxpool', id: 'pool1', size: 3, stride: 2 },
    { type: 'conv2d', id: 'conv2', filters: 256, kernel: 5, padding: 2, groups: 2, activation: 'relu' },
    { type: 'maxpool', id: 'pool2', size: 3, stride: 2 },
    { type: 'conv2d', id: 'conv3', filters: 384, kernel: 3, padding: 1, activation: 'relu' },
    { type: 'conv2d', id: 'conv4', filters: 384, kernel: 3, padding: 1, groups: 2, activation: 'relu' },
    { type: 'conv2d', id: 'conv5', filters: 256, kernel: 3, padding: 1, groups: 2, activation: 'relu' },
    { type: 'maxpool', id: 'pool5', size: 3, stride: 2 },
    { type: 'flatten' },
    { type: 'dense', id: 'fc6', units: 4096, activation: 'relu' },
    { type: 'dropout', rate: 0.5 },
    { type: 'dense', id: 'fc7', units: 4096, activation: 'relu' },
    { type: 'dropout', rate: 0.5 },
    { type: 'dense', id: 'fc8', units: 1000 },
  ],
};

/** AlexNet's LRN: each channel divided by (2 + 1e-4·(sum of squares of its 5 neighbours))^0.75. */
const lrn = (id: string): LayerSpec => ({ type: 'lrn', id, size: 5, k: 2, alpha: 1e-4, beta: 0.75 });

/** AlexNet as the paper draws it: conv1 -> LRN -> pool, conv2 -> LRN -> pool, then the rest. */
export const alexnetLrn: ModelSpec = {
  name: 'AlexNet with LRN',
  layers: alexnet.layers.flatMap((layer): LayerSpec[] =>
    layer.id === 'conv1' || layer.id === 'conv2' ? [layer, lrn(layer.id === 'conv1' ? 'norm1' : 'norm2')] : [layer],
  ),
};

/**
 * AlexNet's ideas at 32x32: five convs (5x5, 5x5, then 3x3s), ReLU, LRN in the first two stages,
 * overlapping 3x3 stride-2 pools (32 -> 16 -> 8 -> 4), two-group convs where AlexNet had its GPU
 * split, and a dropout-regularised dense head. The LRNs come after the pools, in the lecture's
 * order (conv, pool, norm), where they normalise a quarter as many values as before the pool.
 */
export const miniAlexnetCifar10: ModelSpec = {
  name: 'Mini AlexNet (CIFAR-10)',
  layers: [
    { type: 'input', shape: [3, 32, 32] },
    { type: 'conv2d', id: 'conv1', filters: 16, kernel: 5, padding: 2, activation: 'relu' },
    { type: 'maxpool', id: 'pool1', size: 3, stride: 2, padding: 'same' },
    lrn('norm1'),
    { type: 'conv2d', id: 'conv2', filters: 32, kernel: 5, padding: 2, groups: 2, activation: 'relu' },
    { type: 'maxpool', id: 'pool2', size: 3, stride: 2, padding: 'same' },
    lrn('norm2'),
    { type: 'conv2d', id: 'conv3', filters: 48, kernel: 3, padding: 1, activation: 'relu' },
    { type: 'conv2d', id: 'conv4', filters: 48, kernel: 3, padding: 1, groups: 2, activation: 'relu' },
    { type: 'conv2d', id: 'conv5', filters: 32, kernel: 3, padding: 1, groups: 2, activation: 'relu' },
    { type: 'maxpool', id: 'pool5', size: 3, stride: 2, padding: 'same' },
    { type: 'flatten' },
    { type: 'dense', id: 'fc6', units: 128, activation: 'relu' },
    { type: 'dropout', rate: 0.5 },
    { type: 'dense', id: 'fc7', units: 10 },
  ],
};
