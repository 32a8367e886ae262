/**
 * L1 and L2 regularisation of the weights (never biases or batchnorm), in the lecture's form:
 *
 *   L = data loss + l1 * sum|w| + l2 * sum w^2
 *
 * The penalty is added to the loss a student sees and its gradient to each weight's grad. With
 * plain SGD the L2 term is the same as weight decay with factor 2 * l2 * lr.
 */
import { l1Penalty, l2Penalty } from '../cpu/losses';
import type { Param } from './model';

export interface Regularization {
  readonly l1: number;
  readonly l2: number;
}

export const NO_REGULARIZATION: Regularization = { l1: 0, l2: 0 };

/**
 * Adds the penalty's gradient to every regularised param's grad; returns the penalty. Frozen
 * params are left out of both: no update can change them, so their penalty is a constant that
 * would only shift the loss a student reads, and the GPU trainer reports the same sum.
 */
export function applyRegularization(params: readonly Param[], reg: Regularization): number {
  let penalty = 0;
  for (const p of params) {
    if (!p.regularized || !p.trainable) continue;
    if (reg.l1 !== 0) penalty += l1Penalty(p.value, reg.l1, p.grad);
    if (reg.l2 !== 0) penalty += l2Penalty(p.value, reg.l2, p.grad);
  }
  return penalty;
}
