import { describe, expect, it } from 'vitest';
import {
  activate,
  activationBackward,
  activationBackwardFromInput,
  activationForward,
  defaultAlpha,
  maxoutForward,
  preluForward,
} from '../../engine/cpu/activations';
import { createCpuModel } from '../../engine/cpu/model';
import type { ActivationKind } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { tensor } from '../../engine/tensor/tensor';
import { gradcheck, randomArray } from './gradcheck';

const kinds: ActivationKind[] = ['relu', 'leakyRelu', 'sigmoid', 'tanh', 'elu', 'softplus'];

describe('activations', () => {
  it('activate computes each function at x=[-2,0,3]', () => {
    const x = tensor([3], [-2, 0, 3]);
    const at = (kind: ActivationKind, alpha?: number): number[] => Array.from(activate(kind, x, alpha).data);
    expect(at('relu')).toEqual([0, 0, 3]);
    expect(at('leakyRelu')).toEqual([Math.fround(-0.02), 0, 3]);
    expect(at('leakyRelu', 0.1)).toEqual([Math.fround(-0.2), 0, 3]);
    expect(at('sigmoid')[1]).toBe(0.5);
    expect(at('tanh')[2]).toBeCloseTo(Math.tanh(3), 6);
    expect(at('elu')[0]).toBeCloseTo(Math.exp(-2) - 1, 6);
    expect(at('softplus')[1]).toBeCloseTo(Math.log(2), 6);
  });

  it('sigmoid and softplus stay finite for x=[-1000, 1000]', () => {
    const x = tensor([2], [-1000, 1000]);
    expect(Array.from(activate('sigmoid', x).data)).toEqual([0, 1]);
    expect(Array.from(activate('softplus', x).data)).toEqual([0, 1000]);
  });

  it('prelu and maxout helpers compute x=[1,2,2] slopes [0.5, 2] and 2 pieces', () => {
    const y = new Float64Array(4);
    preluForward(2, 2, Float64Array.from([-1, 1, -2, 3]), Float64Array.from([0.5, 2]), y);
    expect(Array.from(y)).toEqual([-0.5, 1, -4, 3]);
    const m = new Float64Array(2);
    const winners = new Int32Array(2);
    maxoutForward(2, Float64Array.from([1, 5, -3, -4]), m, winners);
    expect(Array.from(m)).toEqual([5, -3]);
    expect(Array.from(winners)).toEqual([1, 2]);
  });

  for (const kind of kinds) {
    for (const alpha of kind === 'leakyRelu' || kind === 'elu' ? [defaultAlpha(kind), 0.3] : [0]) {
      it(`${kind}${alpha ? ` alpha=${alpha}` : ''} backward (from the output) matches finite differences x=[37]`, () => {
        // Keep inputs away from the kink at 0, where finite differences straddle two slopes.
        const x = randomArray(37, createRng(kind.length), -3, 3).map((v) => (Math.abs(v) < 0.01 ? 0.5 : v));
        const y = new Float64Array(x.length);
        const dx = new Float64Array(x.length);
        gradcheck({
          label: `${kind} x=[37]`,
          inputs: { x },
          forward: () => {
            activationForward(kind, alpha, x, y);
            return y;
          },
          backward: (dy) => {
            activationForward(kind, alpha, x, y);
            activationBackward(kind, alpha, y, dy, dx);
            return { x: dx };
          },
        });
      });
    }
  }

  // A negative alpha makes y positive for x < 0, so the output's sign no longer tells the branch.
  for (const [kind, alpha] of [
    ['leakyRelu', -0.3],
    ['elu', -1],
    ['leakyRelu', 0.2],
    ['elu', 0.7],
  ] as const) {
    it(`${kind} alpha=${alpha} backward from the input matches finite differences x=[41]`, () => {
      const x = randomArray(41, createRng(7), -3, 3).map((v) => (Math.abs(v) < 0.01 ? -0.5 : v));
      const y = new Float64Array(x.length);
      const dx = new Float64Array(x.length);
      gradcheck({
        label: `${kind} alpha=${alpha} x=[41]`,
        inputs: { x },
        forward: () => {
          activationForward(kind, alpha, x, y);
          return y;
        },
        backward: (dy) => {
          activationForward(kind, alpha, x, y);
          activationBackwardFromInput(kind, alpha, x, y, dy, dx);
          return { x: dx };
        },
      });
    });
  }

  for (const [kind, alpha] of [
    ['leakyRelu', -0.3],
    ['elu', -1],
  ] as const) {
    it(`an activation layer ${kind} alpha=${alpha} in a CPU model passes dL/dx = alpha-side slope for x < 0`, () => {
      const model = createCpuModel(
        { layers: [{ type: 'input', shape: [1, 1, 4] }, { type: 'flatten' }, { type: 'activation', kind, alpha }] },
        { seed: 1 },
      );
      const x = Float32Array.from([-2, -0.5, 0.5, 2]);
      model.forward({ shape: [1, 1, 1, 4], data: x }, { training: false });
      const dx = model.backward({ shape: [1, 4], data: Float32Array.from([1, 1, 1, 1]) }).data;
      // f'(x) = 1 for x > 0; alpha (leaky) or alpha·e^x (elu) for x < 0.
      const expected = Array.from(x, (v) => (v > 0 ? 1 : kind === 'elu' ? alpha * Math.exp(v) : alpha));
      expected.forEach((e, i) => {
        expect(dx[i]).toBeCloseTo(e, 6);
      });
    });
  }
});
