/**
 * AlexNet (Krizhevsky, Sutskever and Hinton, 2012) as in lecture notes 001/002: 3x227x227 input
 * (the paper's "224" does not tile with an 11x11 stride-4 kernel; 227 does: (227 - 11)/4 + 1 = 55).
 *
 * The paper split the network over two GPUs; conv2, conv4 and conv5 only see the channels on their
 * own GPU, which is exactly a grouped convolution with groups 2. That is why their weight counts
 * are halved: conv2 256·(96/2)·5·5 = 307,200, conv4 384·(384/2)·3·3 = 663,552, conv5
 * 256·(384/2)·3·3 = 442,368. conv3 talks across GPUs (groups 1): 384·256·3·3 = 884,736.
 *
 * Local response normalisation (after conv1 and conv2 in the paper) is not a layer type in our
 * spec and is omitted; it has no parameters, so the counts are unchanged.
 */

import type { ModelSpec } from '../types';

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
