/**
 * The lecture's score table and the engine calls every widget in this lesson shares: softmax
 * probabilities, softmax cross-entropy, and the multiclass hinge loss, whole and term by term.
 */
import { multiclassHinge, softmaxCrossEntropy } from '../../engine/cpu/losses';
import { softmaxForward } from '../../engine/cpu/softmax';

export const CLASSES: readonly string[] = ['dog', 'cat', 'cow'];

/**
 * Notes 002: three images (a dog, a cat, a cow) scored by a linear classifier. Stored one image
 * per entry, scores in CLASSES order; image i's true class is class i.
 */
export const LECTURE_SCORES: readonly (readonly number[])[] = [
  [3.2, 5.1, -1.7],
  [1.3, 4.9, 2.0],
  [2.2, 2.5, -3.1],
];

export function softmax(scores: readonly number[], temperature = 1): number[] {
  const y = new Float32Array(scores.length);
  softmaxForward(
    1,
    scores.length,
    Float32Array.from(scores, (s) => s / temperature),
    y,
  );
  return [...y];
}

export function crossEntropy(scores: readonly number[], label: number, temperature = 1): number {
  return softmaxCrossEntropy(
    1,
    scores.length,
    Float32Array.from(scores, (s) => s / temperature),
    [label],
  );
}

/** −log p, through the engine: logits [log p, log(1 − p)] give softmax [p, 1 − p]. */
export function negLog(p: number): number {
  return softmaxCrossEntropy(1, 2, Float32Array.from([Math.log(p), Math.log1p(-p)]), [0]);
}

export function hinge(scores: readonly number[], label: number): number {
  return multiclassHinge(1, scores.length, Float32Array.from(scores), [label]);
}

/** One term max(0, s_j − s_y + 1): the engine's hinge on the two-class problem [s_y, s_j]. */
export function hingeTerm(scores: readonly number[], label: number, j: number): number {
  return multiclassHinge(1, 2, Float32Array.from([scores[label]!, scores[j]!]), [0]);
}

/** Mean hinge loss over several images, one engine call for the batch. */
export function meanHinge(images: readonly (readonly number[])[], labels: readonly number[]): number {
  return multiclassHinge(images.length, images[0]!.length, Float32Array.from(images.flat()), labels);
}

/** Display rounding that hides float32 noise (2.8999999 → 2.9). */
export const tidy = (v: number, digits = 4): string => String(Number(v.toFixed(digits)));
