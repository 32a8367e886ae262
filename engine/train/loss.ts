/**
 * The training losses by name, over logits [N, classes] and integer labels: the mean loss and
 * dL/d(logits) in one pass. Kernels live in engine/cpu/losses.ts.
 */
import { multiclassHinge, softmaxCrossEntropy } from '../cpu/losses';
import type { Tensor } from '../tensor/tensor';

export type LossKind = 'crossEntropy' | 'hinge';

export function lossAndGradient(
  kind: LossKind,
  logits: Tensor,
  labels: ArrayLike<number>,
): { readonly loss: number; readonly dLogits: Tensor } {
  const [n, classes] = logits.shape as [number, number];
  const grad = new Float32Array(logits.data.length);
  const fn = kind === 'crossEntropy' ? softmaxCrossEntropy : multiclassHinge;
  const loss = fn(n, classes, logits.data, labels, grad);
  return { loss, dLogits: { shape: logits.shape, data: grad } };
}
