/**
 * The numeric activation codes the WGSL kernels switch on (conv2d_forward, matmul,
 * activation_forward, activation_backward). 0 means no activation.
 */
import type { ActivationKind } from '../spec/types';

const CODES: Record<ActivationKind, number> = {
  relu: 1,
  leakyRelu: 2,
  sigmoid: 3,
  tanh: 4,
  elu: 5,
  softplus: 6,
};

export function activationCode(kind: ActivationKind | null): number {
  return kind === null ? 0 : CODES[kind];
}
