/**
 * ZFNet (Zeiler and Fergus, 2013), the ILSVRC 2013 winner, as lecture notes 002 describe it:
 * "like AlexNet but" conv1 is 7x7 stride 2 instead of 11x11 stride 4, and conv3, 4, 5 have 512,
 * 1024, 512 filters instead of 384, 384, 256 (the wider model of the paper's Table 2). Trained on
 * one GPU, so no grouped convs. Each of the first two stages is conv, ReLU, 3x3 stride-2 max pool,
 * then normalisation across feature maps (LRN here), in the paper's order.
 *
 * Sizes follow the paper's Figure 3: 110 -> 55 -> 26 -> 13 -> 6. Its 224 input cannot give 110 with
 * a 7x7 stride-2 kernel and whole, symmetric padding ((224 - 7)/2 + 1 = 109.5); like AlexNet's
 * 227, a 225 input makes it exact: (225 - 7)/2 + 1 = 110. The pools round up (110 -> 55, 26 -> 13),
 * which 'same' padding does.
 */

import type { LayerSpec, ModelSpec } from '../types';

const lrn = (id: string): LayerSpec => ({ type: 'lrn', id, size: 5, k: 2, alpha: 1e-4, beta: 0.75 });

export const zfnet: ModelSpec = {
  name: 'ZFNet',
  layers: [
    { type: 'input', shape: [3, 225, 225] },
    { type: 'conv2d', id: 'conv1', filters: 96, kernel: 7, stride: 2, activation: 'relu' },
    { type: 'maxpool', id: 'pool1', size: 3, stride: 2, padding: 'same' },
    lrn('norm1'),
    { type: 'conv2d', id: 'conv2', filters: 256, kernel: 5, stride: 2, activation: 'relu' },
    { type: 'maxpool', id: 'pool2', size: 3, stride: 2, padding: 'same' },
    lrn('norm2'),
    { type: 'conv2d', id: 'conv3', filters: 512, kernel: 3, padding: 1, activation: 'relu' },
    { type: 'conv2d', id: 'conv4', filters: 1024, kernel: 3, padding: 1, activation: 'relu' },
    { type: 'conv2d', id: 'conv5', filters: 512, kernel: 3, padding: 1, activation: 'relu' },
    { type: 'maxpool', id: 'pool5', size: 3, stride: 2 },
    { type: 'flatten' },
    { type: 'dense', id: 'fc6', units: 4096, activation: 'relu' },
    { type: 'dropout', rate: 0.5 },
    { type: 'dense', id: 'fc7', units: 4096, activation: 'relu' },
    { type: 'dropout', rate: 0.5 },
    { type: 'dense', id: 'fc8', units: 1000 },
  ],
};
