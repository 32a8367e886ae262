import { describe, expect, it } from 'vitest';
import { argmax, countCorrect, MetricsAccumulator } from '../../engine/train/metrics';
import { learningRateAt } from '../../engine/train/schedules';

const clock = (step: number) => ({ step, stepsPerEpoch: 100, totalSteps: 1000 });

describe('learning-rate schedules', () => {
  it('constant stays at the base rate', () => {
    expect(learningRateAt(0.1, { kind: 'constant' }, clock(950))).toBe(0.1);
  });
  it('step decay halves every 3 epochs', () => {
    const s = { kind: 'step', everyEpochs: 3, gamma: 0.5 } as const;
    expect(learningRateAt(0.1, s, clock(299))).toBeCloseTo(0.1);
    expect(learningRateAt(0.1, s, clock(300))).toBeCloseTo(0.05);
    expect(learningRateAt(0.1, s, clock(650))).toBeCloseTo(0.025);
  });
  it('exponential decays by gamma per epoch', () => {
    expect(learningRateAt(1, { kind: 'exponential', gamma: 0.9 }, clock(200))).toBeCloseTo(0.81);
  });
  it('cosine goes from the base rate to minFactor over the run', () => {
    const s = { kind: 'cosine', minFactor: 0.1 } as const;
    expect(learningRateAt(1, s, clock(0))).toBeCloseTo(1);
    expect(learningRateAt(1, s, clock(500))).toBeCloseTo(0.55);
    expect(learningRateAt(1, s, clock(1000))).toBeCloseTo(0.1);
  });
  it('warm-up ramps linearly to the scheduled rate', () => {
    expect(learningRateAt(1, { kind: 'constant' }, { ...clock(4), warmupSteps: 10 })).toBeCloseTo(0.5);
    expect(learningRateAt(1, { kind: 'constant' }, { ...clock(10), warmupSteps: 10 })).toBe(1);
  });
});

describe('metrics', () => {
  it('argmax returns the first of equal maxima', () => {
    expect(argmax([0, 3, 1, 3], 0, 4)).toBe(1);
    expect(argmax([9, 0, 3, 1, 3], 1, 4)).toBe(1);
  });

  it('accumulates accuracy, per-class accuracy and the confusion matrix over batches', () => {
    const acc = new MetricsAccumulator(3);
    // predictions: 0, 2, 2 for labels 0, 1, 2
    acc.addBatch(Float32Array.from([5, 1, 0, 0, 1, 2, 0, 0, 9]), [0, 1, 2], 3, 0.5);
    // prediction 1 for label 1
    acc.addBatch(Float32Array.from([0, 7, 1]), [1], 1, 1.5);
    const m = acc.result();
    expect(m.count).toBe(4);
    expect(m.accuracy).toBe(0.75);
    expect(m.loss).toBeCloseTo((0.5 * 3 + 1.5) / 4);
    expect(m.perClassAccuracy).toEqual([1, 0.5, 1]);
    expect([...m.confusion]).toEqual([1, 0, 0, 0, 1, 1, 0, 0, 1]);
    expect(countCorrect(Float32Array.from([5, 1, 0, 0, 1, 2]), [0, 1], 2, 3)).toBe(1);
  });

  it('reports NaN accuracy for a class with no samples', () => {
    const acc = new MetricsAccumulator(2);
    acc.addBatch(Float32Array.from([1, 0]), [0], 1, 0);
    expect(acc.result().perClassAccuracy[1]).toBeNaN();
  });
});
