/**
 * Gradients with respect to the input image (engine/inspect): class scores, inner units and the
 * loss against central differences of the probed number, on small nets with random weights.
 * The models compute in float32, so the differences use a larger step and tolerance than the
 * float64 op checks.
 */
import { describe, expect, it } from 'vitest';
import { createCpuModel } from '../../engine/cpu/model';
import { createProbe, type Probe, ProbeError, type ProbeTarget } from '../../engine/inspect/probe';
import { gradcheck } from './gradcheck';
import { randomImage, smoothNet, weightsOf } from './probe-fixtures';

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
