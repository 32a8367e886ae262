import { describe, expect, it } from 'vitest';
import type { Param } from '../../engine/train/model';
import { createOptimizer, type OptimizerConfig } from '../../engine/train/optimizers';
import { applyRegularization } from '../../engine/train/regularization';

function param(values: number[], regularized = true): Param {
  return {
    name: 'w',
    layer: 0,
    role: 'weight',
    shape: [values.length],
    value: Float32Array.from(values),
    grad: new Float32Array(values.length),
    regularized,
    trainable: true,
  };
}

/** Gradient of f(w) = sum (w - target)^2 / 2, written into p.grad. */
function quadraticGrad(p: Param, target: number[]): number {
  let f = 0;
  for (let i = 0; i < p.value.length; i++) {
    const d = p.value[i]! - target[i]!;
    p.grad[i] = d;
    f += (d * d) / 2;
  }
  return f;
}

describe('optimisers', () => {
  it('sgd takes w -= lr * g', () => {
    const p = param([1, -2]);
    p.grad.set([0.5, -1]);
    createOptimizer({ kind: 'sgd' }).step([p], 0.1);
    expect([...p.value]).toEqual([expect.closeTo(0.95, 6), expect.closeTo(-1.9, 6)]);
  });

  it('momentum accumulates velocity: two steps of constant gradient move lr*g*(1 + (1 + mu))', () => {
    const p = param([0]);
    const opt = createOptimizer({ kind: 'momentum', momentum: 0.9 });
    p.grad.set([1]);
    opt.step([p], 0.1);
    opt.step([p], 0.1);
    expect(p.value[0]).toBeCloseTo(-(0.1 + 0.19), 6);
  });

  it('adam moves each weight by about lr on its first step, whatever the gradient scale', () => {
    const p = param([0, 0]);
    p.grad.set([1000, -0.001]);
    createOptimizer({ kind: 'adam' }).step([p], 0.01);
    expect(p.value[0]).toBeCloseTo(-0.01, 4);
    expect(p.value[1]).toBeCloseTo(0.01, 4);
  });

  it.each<OptimizerConfig>([
    { kind: 'sgd' },
    { kind: 'momentum', momentum: 0.9 },
    { kind: 'momentum', momentum: 0.9, nesterov: true },
    { kind: 'adam' },
  ])('$kind minimises a quadratic bowl (nesterov=$nesterov)', (config) => {
    const target = [3, -1, 0.5];
    const p = param([0, 0, 0]);
    const opt = createOptimizer(config);
    const lr = config.kind === 'adam' ? 0.05 : 0.1;
    const start = quadraticGrad(p, target);
    for (let i = 0; i < 500; i++) {
      quadraticGrad(p, target);
      opt.step([p], lr);
    }
    expect(quadraticGrad(p, target)).toBeLessThan(start * 1e-3);
    expect(opt.steps).toBe(500);
  });
});

describe('regularisation', () => {
  it('l2 adds l2*sum(w^2) to the loss and 2*l2*w to the gradient (the lecture form, no 1/2)', () => {
    const p = param([2, -1]);
    const penalty = applyRegularization([p], { l1: 0, l2: 0.1 });
    expect(penalty).toBeCloseTo(0.1 * 5, 6);
    expect([...p.grad]).toEqual([expect.closeTo(0.4, 6), expect.closeTo(-0.2, 6)]);
  });

  it('l1 adds l1*sign(w) and skips parameters that are not regularised (biases)', () => {
    const w = param([2, -1]);
    const b = param([5], false);
    const penalty = applyRegularization([w, b], { l1: 0.5, l2: 0 });
    expect(penalty).toBeCloseTo(1.5, 6);
    expect([...w.grad]).toEqual([0.5, -0.5]);
    expect([...b.grad]).toEqual([0]);
  });

  it('prefers spread-out weights: the lecture W1=[1,0,0,0] vs W2=[0.25,0.25,0.25,0.25] under L2', () => {
    const w1 = applyRegularization([param([1, 0, 0, 0])], { l1: 0, l2: 1 });
    const w2 = applyRegularization([param([0.25, 0.25, 0.25, 0.25])], { l1: 0, l2: 1 });
    // Both give the same score on x = [1,1,1,1]; L2 (sum w^2: 1 vs 0.25) picks W2.
    expect(w1).toBeCloseTo(1, 6);
    expect(w2).toBeCloseTo(0.25, 6);
  });
});
