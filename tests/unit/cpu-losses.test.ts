import { describe, expect, it } from 'vitest';
import { l1Penalty, l2Penalty, multiclassHinge, softmaxCrossEntropy } from '../../engine/cpu/losses';
import { createRng } from '../../engine/tensor/rng';
import { gradcheck, randomArray } from './gradcheck';

const f64 = (v: number[]): Float64Array => Float64Array.from(v);

describe('losses', () => {
  it.each([
    ['cat', [3.2, 5.1, -1.7], 0, 2.9],
    ['car', [1.3, 4.9, 2.0], 1, 0],
    ['frog', [2.2, 2.5, -3.1], 2, 12.9],
  ])('multiclassHinge reproduces the lecture example for %s scores %j → %d', (_, scores, label, expected) => {
    expect(multiclassHinge(1, 3, f64(scores), [label])).toBeCloseTo(expected, 10);
  });

  it('multiclassHinge over the lecture batch of 3 is the mean (2.9 + 0 + 12.9) / 3', () => {
    const scores = f64([3.2, 5.1, -1.7, 1.3, 4.9, 2.0, 2.2, 2.5, -3.1]);
    expect(multiclassHinge(3, 3, scores, [0, 1, 2])).toBeCloseTo(15.8 / 3, 10);
  });

  it('multiclassHinge gradient for the cat example counts one violation x=[1,3]', () => {
    const grad = new Float64Array(3);
    multiclassHinge(1, 3, f64([3.2, 5.1, -1.7]), [0], grad);
    expect(Array.from(grad)).toEqual([-1, 1, 0]);
  });

  it.each([
    [0.1, 2.3],
    [0.9, 0.105],
  ])('softmaxCrossEntropy is −log p: p=%d → %d', (p, expected) => {
    // logits [log p, log(1 − p)] give softmax probabilities [p, 1 − p].
    expect(softmaxCrossEntropy(1, 2, f64([Math.log(p), Math.log(1 - p)]), [0])).toBeCloseTo(expected, 2); // the lecture quotes 2.30 and 0.105
  });

  it('softmaxCrossEntropy is finite for logits [1000, -1000] with the wrong label', () => {
    const grad = new Float64Array(2);
    expect(softmaxCrossEntropy(1, 2, f64([1000, -1000]), [1], grad)).toBe(2000);
    expect(Array.from(grad)).toEqual([1, -1]);
  });

  for (const [batch, classes] of [
    [1, 3],
    [4, 10],
    [7, 2],
  ] as const) {
    const labels = Array.from({ length: batch }, (_, i) => (i * 7) % classes);
    it(`softmaxCrossEntropy gradient matches finite differences logits=[${batch},${classes}]`, () => {
      const logits = randomArray(batch * classes, createRng(batch), -4, 4);
      const grad = new Float64Array(logits.length);
      const out = new Float64Array(1);
      gradcheck({
        label: `softmaxCrossEntropy logits=[${batch},${classes}]`,
        inputs: { logits },
        forward: () => {
          out[0] = softmaxCrossEntropy(batch, classes, logits, labels);
          return out;
        },
        backward: (dy) => {
          softmaxCrossEntropy(batch, classes, logits, labels, grad);
          return { logits: grad.map((g) => g * dy[0]!) };
        },
      });
    });
    it(`multiclassHinge gradient matches finite differences scores=[${batch},${classes}]`, () => {
      const scores = randomArray(batch * classes, createRng(batch + 1), -4, 4);
      const grad = new Float64Array(scores.length);
      const out = new Float64Array(1);
      gradcheck({
        label: `multiclassHinge scores=[${batch},${classes}]`,
        inputs: { scores },
        forward: () => {
          out[0] = multiclassHinge(batch, classes, scores, labels);
          return out;
        },
        backward: (dy) => {
          multiclassHinge(batch, classes, scores, labels, grad);
          return { scores: grad.map((g) => g * dy[0]!) };
        },
      });
    });
  }

  it('l1Penalty and l2Penalty follow the lecture R(W) with their gradients w=[3]', () => {
    const w = f64([1, -2, 0.5]);
    const g1 = new Float64Array(3);
    expect(l1Penalty(w, 0.1, g1)).toBeCloseTo(0.35, 12);
    expect(Array.from(g1)).toEqual([0.1, -0.1, 0.1]);
    const g2 = new Float64Array(3);
    expect(l2Penalty(w, 0.1, g2)).toBeCloseTo(0.525, 12);
    expect(Array.from(g2)).toEqual([0.2, -0.4, 0.1]);
  });
});
