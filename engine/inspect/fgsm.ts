/**
 * The fast gradient sign method (Goodfellow et al.): one step of size epsilon in the sign of the
 * loss gradient, x' = clip(x + epsilon sign(dL/dx)), which raises the loss as much as any change
 * bounded by epsilon per pixel can to first order. The probe must be a 'loss' probe for the
 * image's true label.
 */
import type { Probe } from './probe';

export interface AdversarialExample {
  readonly image: Float32Array;
  /** x' - x: each pixel is -epsilon, 0 or +epsilon before clipping. */
  readonly perturbation: Float32Array;
  readonly lossBefore: number;
  readonly lossAfter: number;
  /** Softmax probabilities before and after. */
  readonly before: Float32Array;
  readonly after: Float32Array;
}

export function fgsm(
  probe: Probe,
  image: Float32Array,
  epsilon: number,
  range: readonly [number, number] = [0, 1],
): AdversarialExample {
  if (probe.target.kind !== 'loss')
    throw new RangeError('FGSM climbs the loss: give it a loss probe for the true label.');
  if (!(epsilon >= 0)) throw new RangeError(`Epsilon must be 0 or more, not ${epsilon}.`);
  const start = probe.evaluate(image);
  const adversarial = new Float32Array(image.length);
  const perturbation = new Float32Array(image.length);
  for (let i = 0; i < image.length; i++) {
    const v = image[i]! + epsilon * Math.sign(start.gradient[i]!);
    adversarial[i] = Math.min(range[1], Math.max(range[0], v));
    perturbation[i] = adversarial[i]! - image[i]!;
  }
  const end = probe.evaluate(adversarial);
  return {
    image: adversarial,
    perturbation,
    lossBefore: start.value,
    lossAfter: end.value,
    before: start.probabilities!,
    after: end.probabilities!,
  };
}
