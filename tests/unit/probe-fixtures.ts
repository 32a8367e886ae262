/**
 * What the CPU and GPU input-gradient tests share: a smooth net (finite differences never straddle
 * a kink), random images in [0, 1], and weights whose batch norm is not the identity.
 */
import { createCpuModel, getWeights } from '../../engine/cpu/model';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';

/** Smooth activations and average pooling; batch norm and a final softmax. Input [2, 8, 8]. */
export const smoothNet: ModelSpec = {
  layers: [
    { type: 'input', shape: [2, 8, 8] },
    { type: 'conv2d', id: 'c1', filters: 4, kernel: 3, padding: 1, activation: 'tanh' },
    { type: 'avgpool', id: 'p1', size: 2 },
    { type: 'conv2d', id: 'c2', filters: 5, kernel: 3, activation: 'elu' },
    { type: 'batchnorm', id: 'bn' },
    { type: 'flatten' },
    { type: 'dense', id: 'fc', units: 6, activation: 'tanh' },
    { type: 'dense', id: 'out', units: 3 },
    { type: 'softmax' },
  ],
};

export function randomImage(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.next());
}

/** Xavier weights; batch norm's gamma, beta and running statistics away from 1 and 0 so it is not the identity. */
export function weightsOf(spec: ModelSpec, seed: number): Record<string, Float32Array> {
  const weights = getWeights(createCpuModel(spec, { seed, init: 'xavier' }));
  const rng = createRng(seed + 1);
  for (const [name, value] of Object.entries(weights)) {
    for (let i = 0; i < value.length; i++) {
      if (name.endsWith('runningMean')) value[i] = rng.next() - 0.5;
      if (name.endsWith('runningVar')) value[i] = 0.5 + rng.next();
      if (name.endsWith('gamma')) value[i] = 0.5 + rng.next();
      if (name.endsWith('beta')) value[i] = rng.next() - 0.5;
    }
  }
  return weights;
}
