/**
 * The network of ConvNetJS's CIFAR-10 demo (Karpathy): three conv-ReLU-pool stages with 5x5
 * kernels padded by 2, so only the pools shrink the map (32 -> 16 -> 8 -> 4), then 10 outputs.
 * ConvNetJS ends in a softmax layer; here the last layer gives logits and the loss applies softmax.
 */

import type { ModelSpec } from '../types';

export const convnetjsCifar10: ModelSpec = {
  name: 'ConvNetJS CIFAR-10 demo',
  layers: [
    { type: 'input', shape: [3, 32, 32] },
    { type: 'conv2d', filters: 16, kernel: 5, padding: 2, activation: 'relu' },
    { type: 'maxpool', size: 2, stride: 2 },
    { type: 'conv2d', filters: 20, kernel: 5, padding: 2, activation: 'relu' },
    { type: 'maxpool', size: 2, stride: 2 },
    { type: 'conv2d', filters: 20, kernel: 5, padding: 2, activation: 'relu' },
    { type: 'maxpool', size: 2, stride: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 10 },
  ],
};
