/**
 * The Keras/TensorFlow MNIST CNN from lecture notes 002:
 *   Conv2D(10, 5x5, relu) -> MaxPool 2x2 -> Conv2D(10, 5x5, relu) -> MaxPool 2x2 -> Flatten
 *   -> Dense(100, relu) -> Dense(10)
 * Shapes: 1x28x28 -> 10x24x24 -> 10x12x12 -> 10x8x8 -> 10x4x4 -> 160 -> 100 -> 10.
 */

import type { ModelSpec } from '../types';

export const lectureMnist: ModelSpec = {
  name: 'Lecture CNN (MNIST)',
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', filters: 10, kernel: 5, activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'conv2d', filters: 10, kernel: 5, activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 100, activation: 'relu' },
    { type: 'dense', units: 10 },
  ],
};
