/**
 * Click a unit: the working UnitArithmetic shows (window × kernel, sum, + bias, activation; a
 * pooling window's max or mean) must reach the engine's own value for every unit of a real model,
 * with padding, stride, dilation, groups and fused activations; and the lesson's step-by-step
 * transposed-convolution scatter must end at the engine's transposed convolution.
 */
import { describe, expect, it } from 'vitest';
import { imageSpan, unitOf, windowSpan } from '../../app/ui/UnitArithmeticLayer';
import { convWorking, poolWorking, type Unit } from '../../app/ui/UnitArithmeticMath';
import { createCpuModel } from '../../engine/cpu/model';
import type { ModelSpec } from '../../engine/spec';
import { createRng } from '../../engine/tensor/rng';
import {
  canvasSize,
  engineTransposed,
  scatterCanvas,
  transposedProblem,
  transposedSize,
} from '../../lessons/padding-stride-dilation/transposed';

const SPEC: ModelSpec = {
  layers: [
    { type: 'input', shape: [2, 9, 9] },
    { type: 'conv2d', filters: 4, kernel: 3, padding: 1, stride: 2, activation: 'relu' },
    { type: 'conv2d', filters: 4, kernel: 2, dilation: 2, groups: 2, padding: 1, activation: 'tanh' },
    { type: 'maxpool', size: 2, stride: 1, padding: 1 },
    { type: 'avgpool', size: 3, stride: 1, padding: 1 },
    { type: 'flatten' },
    { type: 'dense', units: 3 },
  ],
};

function worked(unit: Unit): number {
  return unit.kind === 'conv' ? convWorking(unit).activated : poolWorking(unit).result;
}

describe('unitOf(summary, pick, activations, weights)', () => {
  const model = createCpuModel(SPEC, { seed: 3 });
  const rng = createRng(11);
  const image = Float32Array.from({ length: 2 * 9 * 9 }, () => rng.next() * 2 - 1);
  const outputs = model.forward({ shape: [1, 2, 9, 9], data: image }, { training: false });
  const activations = outputs.map((t, i) => ({ name: model.summary.layers[i]!.id, shape: t.shape, data: t.data }));
  const weights = model.params.map((p) => ({ name: p.name, shape: p.shape, data: p.value as Float32Array }));

  for (const layer of [1, 2, 3, 4]) {
    it(`every unit of layer ${layer} (${SPEC.layers[layer]!.type}) adds up to the engine's output`, () => {
      const [c = 1, h = 1, w = 1] = model.summary.layers[layer]!.outputShape;
      let checked = 0;
      for (let channel = 0; channel < c; channel++) {
        for (let row = 0; row < h; row++) {
          for (let col = 0; col < w; col++) {
            const unit = unitOf(model.summary, { layer, channel, row, col }, activations, weights);
            if (typeof unit === 'string') throw new Error(unit);
            expect(worked(unit)).toBeCloseTo(unit.output, 4);
            checked++;
          }
        }
      }
      expect(checked).toBe(c * h * w);
    });
  }

  it('conv units read only their group: filter 3 of layer 2 (4 channels in, groups 2) reads channels 2 and 3', () => {
    const unit = unitOf(model.summary, { layer: 2, channel: 3, row: 0, col: 0 }, activations, weights);
    expect(typeof unit !== 'string' && unit.kind === 'conv' && unit.channels.map((ch) => ch.channel)).toEqual([2, 3]);
  });

  it('windows and receptive fields: conv 3x3/2 pad 1 at (2, 3) reads rows 3-5, columns 5-7', () => {
    expect(windowSpan(model.summary, { layer: 1, channel: 0, row: 2, col: 3 })).toEqual({
      top: 3,
      left: 5,
      bottom: 5,
      right: 7,
    });
    // Layer 2 (2-wide kernel, dilation 2, pad 1) at (0, 0) reads layer-1 cells -1..1, i.e. image rows -3..3.
    expect(imageSpan(model.summary, { layer: 2, channel: 0, row: 0, col: 0 })).toEqual({
      top: -3,
      left: -3,
      bottom: 3,
      right: 3,
    });
  });

  it('a dense unit is refused with a sentence', () => {
    expect(typeof unitOf(model.summary, { layer: 6, channel: 0, row: 0, col: 0 }, activations, weights)).toBe('string');
  });
});

describe('transposed convolution: scatter steps against the engine', () => {
  const cases = [
    { i: 2, f: 3, s: 2, p: 0, op: 0 },
    { i: 3, f: 3, s: 2, p: 1, op: 1 },
    { i: 3, f: 2, s: 3, p: 1, op: 2 },
    { i: 2, f: 2, s: 1, p: 0, op: 0 },
  ];
  for (const t of cases) {
    it(`i=${t.i} F=${t.f} S=${t.s} P=${t.p} op=${t.op}: o = (i-1)S - 2P + F + op and the last step equals the engine`, () => {
      expect(transposedProblem(t)).toBeNull();
      const o = transposedSize(t);
      expect(o).toBe((t.i - 1) * t.s - 2 * t.p + t.f + t.op);
      const input = Array.from({ length: t.i * t.i }, (_, j) => j - 2);
      const kernel = Array.from({ length: t.f * t.f }, (_, j) => (j % 3) + 1);
      const { values } = scatterCanvas(t, input, kernel, t.i * t.i - 1);
      const n = canvasSize(t);
      const trimmed: number[] = [];
      for (let r = t.p; r < t.p + o; r++) for (let c = t.p; c < t.p + o; c++) trimmed.push(values[r * n + c]!);
      expect(Array.from(engineTransposed(t, input, kernel))).toEqual(trimmed);
    });
  }
  it('output padding must stay below the stride', () => {
    expect(transposedProblem({ i: 2, f: 3, s: 2, p: 0, op: 2 })).toMatch(/smaller than the stride/);
  });
});
