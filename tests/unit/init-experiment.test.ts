/**
 * The lesson's initialisation experiment (lessons/initialisation/experiment.ts) against the
 * lecture's maths. Every band below is derived on paper, not read off a run:
 *  - a dense layer multiplies the mean square by n·Var(w) before its activation (Var(y) = n Var(w) Var(x));
 *  - tanh ≈ identity for tiny inputs, so σ = 0.01 with n = 500 shrinks the std by 0.01·√500 ≈ 0.224 a layer;
 *  - for larger inputs tanh's mean square follows v' = E[tanh²(√(n Var(w) v)·Z)], Z ~ N(0, 1),
 *    integrated numerically here (the infinite-width "mean-field" recursion);
 *  - ReLU keeps half of a symmetric input's mean square (E[relu(z)²] = Var(z)/2).
 * Width 500 as in the lecture; the finite width adds a few per cent of noise per layer, and the
 * bands leave room for that.
 */
import { describe, expect, it } from 'vitest';
import { type ExperimentSettings, runExperiment, targetStd } from '../../lessons/initialisation/experiment';
import { outcomeOf } from '../../lessons/initialisation/outcome';

const base: ExperimentSettings = { init: 'small', activation: 'tanh', depth: 10, width: 500, seed: 1, batch: 64 };
const run = (over: Partial<ExperimentSettings>) => runExperiment({ ...base, ...over });

/** E[f(s·Z)] for Z ~ N(0, 1) by the trapezoid rule on [−10, 10]. */
function gaussianMean(f: (x: number) => number, s: number): number {
  const steps = 8000;
  const h = 20 / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const z = -10 + i * h;
    const w = i === 0 || i === steps ? 0.5 : 1;
    sum += w * f(s * z) * Math.exp(-0.5 * z * z);
  }
  return (sum * h) / Math.sqrt(2 * Math.PI);
}

describe('runExperiment, 10 layers of 500 units fed unit-Gaussian data', () => {
  it('draws weights with the σ each scheme asks for (init=xavier n=500: 1/√500)', () => {
    expect(targetStd('xavier', 500)).toBeCloseTo(1 / Math.sqrt(500), 12);
    expect(targetStd('he', 500)).toBeCloseTo(Math.sqrt(2 / 500), 12);
    for (const init of ['small', 'large', 'xavier', 'he'] as const) {
      const r = run({ init, depth: 2 });
      // 250,000 draws: the sample std is within ~0.14% of σ (1/√(2·250000)); 1% is 7 of those.
      expect(Math.abs(r.layers[0]!.weightStd / r.targetWeightStd - 1)).toBeLessThan(0.01);
      expect(r.input.std).toBeGreaterThan(0.97);
      expect(r.input.std).toBeLessThan(1.03);
    }
  });

  it('init=N(0,0.01²) act=tanh: each layer shrinks the std by 0.01·√500, layer 10 is below 1e-6', () => {
    const r = run({ init: 'small' });
    const factor = 0.01 * Math.sqrt(500);
    for (const l of r.layers) {
      const expected = factor ** l.layer;
      expect(l.activation.std / expected).toBeGreaterThan(0.8);
      expect(l.activation.std / expected).toBeLessThan(1.25);
    }
    expect(r.layers[9]!.activation.std).toBeLessThan(1e-6);
    expect(outcomeOf(r)).toBe('shrinks');
  });

  it('init=N(0,1) act=tanh: about 90% of every layer sits within 1% of ±1', () => {
    const r = run({ init: 'large' });
    // Layer k≥2: z has std √(500·E[a²]) ≈ 22 (E[a²] ≈ 0.96), and |tanh z| > 0.99 ⇔ |z| > 2.65, so the
    // saturated share is P(|Z| > 2.65/22) ≈ 0.904. Layer 1 (std √500 = 22.4): 0.906.
    for (const l of r.layers) {
      expect(l.activation.saturated).toBeGreaterThan(0.88);
      expect(l.activation.saturated).toBeLessThan(0.93);
    }
    expect(outcomeOf(r)).toBe('saturates');
  });

  it('init=xavier act=tanh: the std follows the mean-field recursion and stays healthy', () => {
    const r = run({ init: 'xavier' });
    let v = 1; // E[x²] of the input
    for (const l of r.layers) {
      v = gaussianMean((x) => Math.tanh(x) ** 2, Math.sqrt(v)); // n·Var(w) = 1
      expect(Math.abs(l.activation.std / Math.sqrt(v) - 1)).toBeLessThan(0.1);
    }
    // v decays only like 1/(2k): layer 10 keeps a std of about 0.2, nowhere near 0 or ±1.
    const last = r.layers[9]!.activation;
    expect(last.std).toBeGreaterThan(0.15);
    expect(last.std).toBeLessThan(0.35);
    expect(last.saturated).toBeLessThan(0.01);
    expect(outcomeOf(r)).toBe('steady');
  });

  it('init=xavier act=relu: the mean square halves at every layer', () => {
    const r = run({ init: 'xavier', activation: 'relu' });
    for (const l of r.layers) {
      const { mean, std } = l.activation;
      const meanSquare = std * std + mean * mean;
      // 0.5^k; each layer's factor is noisy by a few per cent at width 500, so allow ×/÷ 1.5 by layer 10.
      expect(meanSquare / 0.5 ** l.layer).toBeGreaterThan(1 / 1.5);
      expect(meanSquare / 0.5 ** l.layer).toBeLessThan(1.5);
    }
    expect(outcomeOf(r)).toBe('shrinks');
  });

  it('init=he act=relu: the std stays near √(1 − 1/π) ≈ 0.826 at every layer', () => {
    const r = run({ init: 'he', activation: 'relu' });
    // z ~ N(0, 2·E[a²]) and E[relu(z)²] = Var(z)/2 keeps E[a²] = 1; E[a] = √(Var z/2π) = 1/√π.
    const expected = Math.sqrt(1 - 1 / Math.PI);
    for (const l of r.layers) {
      expect(l.activation.std / expected).toBeGreaterThan(0.65);
      expect(l.activation.std / expected).toBeLessThan(1.5);
      expect(l.activation.nonPositive).toBeGreaterThan(0.4); // half the units are off
      expect(l.activation.nonPositive).toBeLessThan(0.6);
    }
    expect(outcomeOf(r)).toBe('steady');
  });

  it('init=N(0,1) act=leakyRelu depth=20: the std grows by about √250 per layer and stays finite', () => {
    const r = run({ init: 'large', activation: 'leakyRelu', depth: 20, width: 500 });
    const factor = Math.sqrt((500 * (1 + 0.01 ** 2)) / 2);
    for (let k = 1; k < 20; k++) {
      const ratio = r.layers[k]!.activation.std / r.layers[k - 1]!.activation.std;
      expect(ratio / factor).toBeGreaterThan(0.8);
      expect(ratio / factor).toBeLessThan(1.25);
    }
    expect(r.layers[19]!.activation.finite).toBe(true);
    expect(outcomeOf(r)).toBe('grows');
  });
});

describe('runExperiment, the backward pass', () => {
  it('init=N(0,0.01²) act=tanh: the gradient shrinks by 0.224 a layer on the way back (vanishes)', () => {
    const r = run({ init: 'small' });
    expect(r.layers[9]!.gradient.std).toBeGreaterThan(0.95); // the unit-Gaussian gradient we start from
    expect(r.layers[9]!.gradient.std).toBeLessThan(1.05);
    const expected = (0.01 * Math.sqrt(500)) ** 9;
    expect(r.layers[0]!.gradient.std / expected).toBeGreaterThan(0.8);
    expect(r.layers[0]!.gradient.std / expected).toBeLessThan(1.25);
  });

  it('init=N(0,1) act=tanh: the gradient grows on the way back (explodes)', () => {
    const r = run({ init: 'large' });
    // Factor per layer √(500·E[(1 − a²)²]); with z ~ N(0, 22²) that is √(500·(4/3)/(22·√(2π))) ≈ 3.5.
    const slope4 = gaussianMean((z) => (1 - Math.tanh(z) ** 2) ** 2, 22);
    const factor = Math.sqrt(500 * slope4);
    expect(factor).toBeGreaterThan(3);
    const measured = (r.layers[0]!.gradient.std / r.layers[9]!.gradient.std) ** (1 / 9);
    expect(measured / factor).toBeGreaterThan(0.85);
    expect(measured / factor).toBeLessThan(1.15);
  });

  it('init=he act=relu: the gradient keeps its spread; init=xavier act=relu: it loses √2 a layer', () => {
    const he = run({ init: 'he', activation: 'relu' });
    expect(he.inputGradient.std).toBeGreaterThan(0.6);
    expect(he.inputGradient.std).toBeLessThan(1.6);
    const xavier = run({ init: 'xavier', activation: 'relu' });
    // Back through layers 10 … 1: ten factors √(n·Var(w)·½) = √½.
    expect(xavier.inputGradient.std / 0.5 ** 5).toBeGreaterThan(1 / 1.5);
    expect(xavier.inputGradient.std / 0.5 ** 5).toBeLessThan(1.5);
  });

  it('is reproducible from the seed, and another seed gives other numbers', () => {
    const a = run({ init: 'xavier', depth: 3, width: 100 });
    const b = run({ init: 'xavier', depth: 3, width: 100 });
    const c = run({ init: 'xavier', depth: 3, width: 100, seed: 2 });
    expect(b.layers.map((l) => l.activation.std)).toEqual(a.layers.map((l) => l.activation.std));
    expect(c.layers[2]!.activation.std).not.toBe(a.layers[2]!.activation.std);
  });

  it('reports progress after every layer, forward then backward', () => {
    const seen: number[] = [];
    runExperiment({ ...base, depth: 3, width: 20 }, (done, total) => {
      expect(total).toBe(6);
      seen.push(done);
    });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
