/**
 * Every layer's output for the chosen image (a held-out digit or a drawing), and the net's class
 * probabilities, from the lesson's worker. The input layer's output is the image itself, so the
 * views draw the picture from here too.
 */
import type { WireTensor } from '../../engine/worker/protocol';
import { type ChosenImage, useLearned } from './learnedRun';
import { type QueryState, useWorkerQuery } from './useWorkerQuery';

export interface Forward {
  readonly activations: readonly WireTensor[];
  readonly probabilities: Float32Array;
}

export function softmax(logits: ArrayLike<number>): Float32Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const p = Float32Array.from({ length: logits.length }, (_, i) => Math.exp(logits[i]! - max));
  const sum = p.reduce((a, b) => a + b, 0);
  return p.map((v) => v / sum);
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** A key that changes when the chosen image does (a drawing by identity: each stroke is a new array). */
const drawings = new WeakMap<Float32Array, number>();
let drawingCount = 0;
export function imageKey(image: ChosenImage): string {
  if (image.kind === 'sample') return `sample ${image.index}`;
  let id = drawings.get(image.pixels);
  if (id === undefined) {
    id = ++drawingCount;
    drawings.set(image.pixels, id);
  }
  return `drawing ${id}`;
}

export function useForward(): QueryState<Forward> {
  const { version, image } = useLearned();
  return useWorkerQuery<Forward>(
    version === null
      ? null
      : async (run) => {
          if (image.kind === 'drawn') {
            const p = await run.predict(image.pixels, true);
            return { activations: p.activations, probabilities: p.probabilities };
          }
          const activations = await run.snapshot('activations', null, image.index);
          return { activations, probabilities: softmax(activations.at(-1)?.data ?? []) };
        },
    `${imageKey(image)}@${version}`,
  );
}
