/** The lesson's symmetry demo: equal starting weights keep hidden units identical under training. */
import { describe, expect, it } from 'vitest';
import {
  distinctUnits,
  INPUT,
  LEARNING_RATE,
  pass,
  startNet,
  step,
  TARGET,
} from '../../lessons/initialisation/symmetry';

function train(mode: 'zeros' | 'constant' | 'random', steps: number) {
  let net = startNet(mode, 1);
  for (let i = 0; i < steps; i++) net = step(net);
  return net;
}

describe('symmetry demo (4 inputs → 3 tanh units → 1 output)', () => {
  it('start=all 0.5: the forward pass matches hand arithmetic', () => {
    const { hidden, output, loss } = pass(startNet('constant', 1));
    const h = Math.tanh(0.5 * INPUT.reduce((a, b) => a + b, 0));
    for (const v of hidden) expect(v).toBeCloseTo(h, 6);
    expect(output).toBeCloseTo(3 * 0.5 * h, 6);
    expect(loss).toBeCloseTo(0.5 * (3 * 0.5 * h - TARGET) ** 2, 6);
  });

  it('start=all 0.5: after 20 steps the loss fell but the three units are still one', () => {
    const before = pass(startNet('constant', 1)).loss;
    const net = train('constant', 20);
    expect(pass(net).loss).toBeLessThan(before);
    expect(distinctUnits(net)).toBe(1);
  });

  it('start=zeros: no weight receives a gradient, so nothing ever changes', () => {
    const net = train('zeros', 5);
    expect([...net.w1, ...net.w2].every((w) => w === 0)).toBe(true);
    expect(pass(net).output).toBe(0);
  });

  it('start=random: three different units, and a step with lr 0.5 follows w − lr·dL/dw', () => {
    const net = startNet('random', 1);
    expect(distinctUnits(net)).toBe(3);
    const { dw2 } = pass(net);
    const next = step(net);
    expect(next.w2[0]).toBeCloseTo(net.w2[0]! - LEARNING_RATE * dw2[0]!, 6);
  });
});
