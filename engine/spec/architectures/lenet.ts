/**
 * LeNet-5 (LeCun et al., 1998) in our layer vocabulary, on a 1x32x32 input:
 * C1 6@5x5 -> S2 2x2 -> C3 16@5x5 -> S4 2x2 -> C5 120@5x5 -> F6 84 -> 10 outputs.
 *
 * Choices, so the count is the 61,706 most textbooks and frameworks quote:
 * - C3 is fully connected to S2's 6 maps (the paper wired each C3 map to a subset of them);
 * - S2 and S4 are plain 2x2 average pools (the paper's had a trainable scale and bias per map);
 * - tanh activations, as in the paper (without its 1.7159 scaling); the output is 10 logits
 *   rather than the paper's RBF units.
 * C5 is a conv whose 5x5 kernel covers the whole 5x5 map, so its output is 120x1x1.
 */

import type { ModelSpec } from '../types';

function lenet5For(name: string, shape: readonly [number, number, number], c1Padding: 'same' | 'valid'): ModelSpec {
  return {
    name,
    layers: [
      { type: 'input', shape },
      { type: 'conv2d', id: 'C1', filters: 6, kernel: 5, padding: c1Padding, activation: 'tanh' },
      { type: 'avgpool', id: 'S2', size: 2 },
      { type: 'conv2d', id: 'C3', filters: 16, kernel: 5, activation: 'tanh' },
      { type: 'avgpool', id: 'S4', size: 2 },
      { type: 'conv2d', id: 'C5', filters: 120, kernel: 5, activation: 'tanh' },
      { type: 'flatten' },
      { type: 'dense', id: 'F6', units: 84, activation: 'tanh' },
      { type: 'dense', id: 'output', units: 10 },
    ],
  };
}

/** The classic: 32x32 input (MNIST digits were padded to 32x32 in the paper). */
export const lenet5: ModelSpec = lenet5For('LeNet-5', [1, 32, 32], 'valid');

/** The same network on 28x28 MNIST: 'same' padding on C1 keeps 28x28, so C3 still sees 14x14. */
export const lenet5Mnist: ModelSpec = lenet5For('LeNet-5 (MNIST)', [1, 28, 28], 'same');
