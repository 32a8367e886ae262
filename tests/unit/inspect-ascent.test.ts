/**
 * Gradient ascent on the input (activation maximisation), the fast gradient sign method, class
 * activation maps and the image priors of engine/inspect.
 */
import { describe, expect, it } from 'vitest';
import { createCpuModel, getWeights } from '../../engine/cpu/model';
import { Ascent } from '../../engine/inspect/ascent';
import { camLayout, classActivationMap } from '../../engine/inspect/cam';
import { fgsm } from '../../engine/inspect/fgsm';
import { gaussianBlur, roll } from '../../engine/inspect/image-ops';
import { createProbe, ProbeError } from '../../engine/inspect/probe';
import { squaredNorm, totalVariation } from '../../engine/inspect/regularisers';
import { saliency } from '../../engine/inspect/saliency';
import { summarize } from '../../engine/spec/summarize';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { gradcheck } from './gradcheck';

const gapNet: ModelSpec = {
  layers: [
    { type: 'input', shape: [1, 10, 10] },
    { type: 'conv2d', id: 'c1', filters: 4, kernel: 3, padding: 1, activation: 'tanh' },
    { type: 'conv2d', id: 'c2', filters: 6, kernel: 3, padding: 1, activation: 'elu' },
    { type: 'globalavgpool', id: 'gap' },
    { type: 'dense', id: 'out', units: 3 },
    { type: 'softmax' },
  ],
};
const weights = getWeights(createCpuModel(gapNet, { seed: 2, init: 'xavier' }));
const rng = createRng(5);
const image = Float32Array.from({ length: 100 }, () => rng.next());

describe('Ascent: activation maximisation', () => {
  it('raises the class score at every step (no priors, no jitter, no blur)', () => {
    const probe = createProbe(gapNet, weights, { kind: 'class', classIndex: 2 });
    const ascent = new Ascent(probe, new Float32Array(100).fill(0.5), { stepSize: 0.05, l2: 0, tv: 0 });
    const states = [ascent.current()];
    for (let i = 0; i < 40; i++) states.push(ascent.step());
    for (let i = 1; i < states.length; i++) expect(states[i]!.score).toBeGreaterThan(states[i - 1]!.score);
    expect(states.at(-1)!.step).toBe(40);
  });

  it('with L2 and total-variation priors, raises the regularised objective at every step', () => {
    const probe = createProbe(gapNet, weights, { kind: 'class', classIndex: 2 });
    const ascent = new Ascent(probe, image, { stepSize: 0.05, l2: 0.01, tv: 0.02 });
    const states = [ascent.current()];
    for (let i = 0; i < 40; i++) states.push(ascent.step());
    for (let i = 1; i < states.length; i++) expect(states[i]!.objective).toBeGreaterThan(states[i - 1]!.objective);
    // the objective is the score minus the priors, as computed here independently
    const last = states.at(-1)!;
    const priors = 0.01 * squaredNorm(last.image).value + 0.02 * totalVariation(last.image, [1, 10, 10]).value;
    expect(last.objective).toBeCloseTo(last.score - priors, 4);
  });

  it('a larger L2 lambda ends with a smaller image norm', () => {
    const probe = createProbe(gapNet, weights, { kind: 'class', classIndex: 0 });
    const norm = (l2: number): number => {
      const ascent = new Ascent(probe, new Float32Array(100).fill(0.1), { stepSize: 0.1, l2, tv: 0 });
      for (let i = 0; i < 60; i++) ascent.step();
      return squaredNorm(ascent.current().image).value;
    };
    expect(norm(1)).toBeLessThan(norm(0.001));
  });

  it('jitter, blur, normalised steps and clamping keep pixels in range and reproduce from the seed', () => {
    const probe = createProbe(gapNet, weights, { kind: 'unit', layer: 2, unit: 1 });
    const options = {
      stepSize: 0.02,
      l2: 0,
      tv: 0.01,
      jitter: 2,
      blurEvery: 3,
      blurSigma: 0.7,
      normalise: true,
      clamp: [0, 1] as const,
      seed: 7,
    };
    const run = (): Float32Array => {
      const ascent = new Ascent(probe, image, options);
      for (let i = 0; i < 12; i++) ascent.step();
      return ascent.current().image;
    };
    const a = run();
    for (const v of a) expect(v >= 0 && v <= 1).toBe(true);
    expect(run()).toEqual(a);
  });
});

describe('fgsm', () => {
  it('moves every pixel by at most epsilon, stays in [0, 1] and raises the loss', () => {
    const probe = createProbe(gapNet, weights, { kind: 'loss', label: 1 });
    const eps = 0.05;
    const result = fgsm(probe, image, eps);
    let moved = 0;
    for (let i = 0; i < image.length; i++) {
      expect(Math.abs(result.perturbation[i]!)).toBeLessThanOrEqual(eps + 1e-7);
      expect(result.image[i]! >= 0 && result.image[i]! <= 1).toBe(true);
      if (result.perturbation[i] !== 0) moved++;
    }
    expect(moved).toBeGreaterThan(50);
    expect(result.lossAfter).toBeGreaterThan(result.lossBefore);
    expect(result.after[1]).toBeLessThan(result.before[1]!);
  });

  it('needs a loss probe and a non-negative epsilon', () => {
    expect(() => fgsm(createProbe(gapNet, weights, { kind: 'class', classIndex: 0 }), image, 0.1)).toThrow(
      /loss probe/,
    );
    expect(() => fgsm(createProbe(gapNet, weights, { kind: 'loss', label: 0 }), image, -1)).toThrow(/0 or more/);
  });
});

describe('class activation maps and saliency', () => {
  it('the map’s mean plus the bias is the class score (GAP then dense)', () => {
    for (let c = 0; c < 3; c++) {
      const cam = classActivationMap(gapNet, weights, image, c);
      expect([cam.height, cam.width, cam.layerId]).toEqual([10, 10, 'c2']);
      const mean = cam.map.reduce((a, b) => a + b, 0) / cam.map.length;
      expect(mean + weights['out.bias']![c]!).toBeCloseTo(cam.score, 4);
    }
  });

  it('refuses a net that does not end in global average pooling and one dense layer', () => {
    const flat: ModelSpec = {
      layers: [{ type: 'input', shape: [1, 4, 4] }, { type: 'flatten' }, { type: 'dense', units: 2 }],
    };
    expect(() => camLayout(summarize(flat))).toThrow(ProbeError);
    expect(() => camLayout(summarize(flat))).toThrow(/global average pooling/);
  });

  it('saliency is the absolute gradient of the class score', () => {
    const probe = createProbe(gapNet, weights, { kind: 'class', classIndex: 1 });
    const map = saliency(probe, image);
    const g = probe.evaluate(image).gradient;
    expect(Array.from(map.map)).toEqual(Array.from(g, Math.abs));
  });
});

describe('image priors and operations', () => {
  for (const beta of [2, 1.5]) {
    it(`total variation's gradient matches central differences (beta=${beta}, x=[2,5,4])`, () => {
      const r = createRng(11);
      const x = Float64Array.from({ length: 40 }, () => r.next());
      gradcheck({
        label: `tv beta=${beta}`,
        inputs: { x },
        forward: () => [totalVariation(Float32Array.from(x), [2, 5, 4], beta).value],
        backward: (dy) => ({
          x: Array.from(totalVariation(Float32Array.from(x), [2, 5, 4], beta).gradient, (g) => g * dy[0]!),
        }),
        eps: 1e-3,
        tolerance: 1e-2,
      });
    });
  }

  it('total variation of a constant image is 0, and of a one-pixel step is what the formula gives', () => {
    expect(totalVariation(new Float32Array(9).fill(0.3), [1, 3, 3]).value).toBe(0);
    // a 1x2 image [0, 1]: one horizontal difference of 1, so R = 1 (beta 2)
    expect(totalVariation(Float32Array.from([0, 1]), [1, 1, 2]).value).toBeCloseTo(1, 6);
  });

  it('roll is undone by the opposite roll; blur keeps a constant image', () => {
    const x = Float32Array.from({ length: 2 * 3 * 4 }, (_, i) => i);
    expect(roll(roll(x, [2, 3, 4], 2, -1), [2, 3, 4], -2, 1)).toEqual(x);
    expect(roll(x, [1, 1, 4], 0, 1).slice(0, 4)).toEqual(Float32Array.from([3, 0, 1, 2]));
    const flat = gaussianBlur(new Float32Array(25).fill(0.4), [1, 5, 5], 1);
    for (const v of flat) expect(v).toBeCloseTo(0.4, 6);
  });
});
