/**
 * Linear classifiers f(x; W) = Wx + b (lecture notes 002 and 004): one dense layer on the
 * flattened image. On CIFAR-10, W is 10x3072 and each row can be shown as a 'template' image.
 */

import type { ModelSpec } from '../types';

export const linearMnist: ModelSpec = {
  name: 'Linear classifier (MNIST)',
  layers: [{ type: 'input', shape: [1, 28, 28] }, { type: 'flatten' }, { type: 'dense', units: 10 }],
};

export const linearCifar10: ModelSpec = {
  name: 'Linear classifier (CIFAR-10)',
  layers: [{ type: 'input', shape: [3, 32, 32] }, { type: 'flatten' }, { type: 'dense', units: 10 }],
};
