/**
 * Gradients with respect to the input image (engine/inspect): class scores, inner units and the
 * loss against central differences of the probed number, on small nets with random weights.
 * The models compute in float32, so the differences use a larger step and tolerance than the
 * float64 op checks.
 */
import { describe, expect, it } from 'vitest';
import { createCpuModel, getWeights } from '../../engine/cpu/model';
import { createProbe, type Probe, ProbeError, type ProbeTarget } from '../../engine/inspect/probe';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { gradcheck } from './gradcheck';

/** Smooth activations and average pooling: finite differences never straddle a kink. */
const smoothNet: ModelSpec = {
  layers: [
    { type: 'input', shape: [2, 8, 8] },
    { type: 'conv2d', id: 'c1', filters: 4, kernel: 3, padding: 1, activation: 'tanh' },
    { type: 'avgpool', id: 'p1', size: 2 },
    { type: 'conv2d', id: 'c2', filters: 5, kernel: 3, activation: 'elu' },
    { type: 'batchnorm', id: 'bn' },
    { type: 'flatten' },
    { type: 'dense', id: 'fc', units: 6, activation: 'tanh' },
    { type: 'dense', id: 'out', units: 3 },
    { type: 'softmax' },
  ],
};

function randomImage(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.next());
}

function weightsOf(spec: ModelSpec, seed: number): Record<string, Float32Array> {
  const weights = getWeights(createCpuModel(spec, { seed, init: 'xavier' }));
  // Running statistics other than 0 and 1, so evaluation-mode batch norm is not the identity.
  const rng = createRng(seed + 1);
  for (const [name, value] of Object.entries(weights)) {
    for (let i = 0; i < value.length; i++) {
      if (name.endsWith('runningMean')) value[i] = rng.next() - 0.5;
      if (name.endsWith('runningVar')) value[i] = 0.5 + rng.next();
    }
  }
  return weights;
}

function checkProbe(probe: Probe, image: Float32Array, label: string): void {
  gradcheck({
    label,
    inputs: { image },
    forward: () => [probe.evaluate(image).value],
    backward: (dy) => ({ image: probe.evaluate(image).gradient.map((g) => g * dy[0]!) }),
    eps: 1e-2,
    tolerance: 2e-2,
    floor: 1e-2,
  });
}

describe('createProbe: gradients of the input image', () => {
  const weights = weightsOf(smoothNet, 4);
  const image = randomImage(2 * 8 * 8, 9);
  const targets: [string, ProbeTarget][] = [
    ['class score S_1', { kind: 'class', classIndex: 1 }],
    ['cross-entropy for label 2', { kind: 'loss', label: 2 }],
    ['mean of channel 3 of conv c1', { kind: 'unit', layer: 1, unit: 3 }],
    ['channel 2 of c2 at (1, 0)', { kind: 'unit', layer: 3, unit: 2, position: [1, 0] }],
    ['channel 4 of batch norm (evaluation mode)', { kind: 'unit', layer: 4, unit: 4 }],
    ['unit 5 of dense fc', { kind: 'unit', layer: 6, unit: 5 }],
  ];
  for (const [name, target] of targets) {
    it(`${name} matches central differences (x=[2,8,8])`, () => {
      checkProbe(createProbe(smoothNet, weights, target), image.slice(), name);
    });
  }

  it('a class probe reports the softmax of the logits and the logit as its value', () => {
    const result = createProbe(smoothNet, weights, { kind: 'class', classIndex: 0 }).evaluate(image);
    const p = result.probabilities!;
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const model = createCpuModel(smoothNet, { seed: 0 });
    for (const param of [...model.params, ...model.buffers]) param.value.set(weights[param.name]!);
    const logits = model.forward({ shape: [1, 2, 8, 8], data: image }, { training: false })[7]!.data;
    expect(result.value).toBeCloseTo(logits[0]!, 5);
    const expected = Math.exp(logits[0]!) / [...logits].reduce((s, v) => s + Math.exp(v), 0);
    expect(p[0]).toBeCloseTo(expected, 5);
  });

  it('refuses targets the model does not have, in words', () => {
    const bad: [ProbeTarget, RegExp][] = [
      [{ kind: 'class', classIndex: 3 }, /no class 3: pick one from 0 to 2/],
      [{ kind: 'unit', layer: 8, unit: 0 }, /before softmax/],
      [{ kind: 'unit', layer: 0, unit: 0 }, /after the input/],
      [{ kind: 'unit', layer: 6, unit: 0, position: [0, 0] }, /vector/],
      [{ kind: 'unit', layer: 1, unit: 4 }, /no channel 4/],
      [{ kind: 'unit', layer: 1, unit: 0, position: [8, 0] }, /no row 8/],
    ];
    for (const [target, message] of bad) {
      expect(() => createProbe(smoothNet, weights, target)).toThrow(ProbeError);
      expect(() => createProbe(smoothNet, weights, target)).toThrow(message);
    }
    const probe = createProbe(smoothNet, weights, { kind: 'class', classIndex: 0 });
    expect(() => probe.evaluate(new Float32Array(5))).toThrow(/5 values; this model takes 2×8×8/);
  });
});
