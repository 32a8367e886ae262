import { describe, expect, it } from 'vitest';
import { concatBackward, concatForward } from '../../engine/cpu/concat';
import { softmaxCrossEntropy } from '../../engine/cpu/losses';
import { createCpuModel } from '../../engine/cpu/model';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { gradcheck, randomArray } from './gradcheck';

describe('concat kernels', () => {
  it('joins channels per sample: a [2,1,2] and b [2,2,2] give [2,3,2] in listed order', () => {
    const a = Float64Array.from([1, 2, 3, 4]); // sample 0: [1, 2]; sample 1: [3, 4]
    const b = Float64Array.from([5, 6, 7, 8, 9, 10, 11, 12]);
    const y = new Float64Array(12);
    concatForward(2, [2, 4], [a, b], y);
    expect(Array.from(y)).toEqual([1, 2, 5, 6, 7, 8, 3, 4, 9, 10, 11, 12]);
    const da = new Float64Array(4);
    concatBackward(2, [2, 4], y, [da, null]);
    expect(Array.from(da)).toEqual([1, 2, 3, 4]);
  });

  const rng = createRng(31);
  for (let trial = 0; trial < 4; trial++) {
    const batch = 1 + rng.int(3);
    const spatial = 1 + rng.int(6);
    const channels = Array.from({ length: 2 + rng.int(3) }, () => 1 + rng.int(4));
    it(`backward routes each slice to its input (finite differences) N=${batch} C=[${channels}] HW=${spatial}`, () => {
      const sizes = channels.map((c) => c * spatial);
      const xs = Object.fromEntries(sizes.map((s, k) => [`x${k}`, randomArray(batch * s, rng)]));
      const y = new Float64Array(batch * sizes.reduce((a, b) => a + b, 0));
      const dxs = sizes.map((s) => new Float64Array(batch * s));
      gradcheck({
        label: `concat N=${batch} C=[${channels}] HW=${spatial}`,
        inputs: xs,
        forward: () => {
          concatForward(batch, sizes, Object.values(xs), y);
          return y;
        },
        backward: (dy) => {
          concatBackward(batch, sizes, dy, dxs);
          return Object.fromEntries(dxs.map((d, k) => [`x${k}`, d]));
        },
      });
    });
  }
});

/**
 * A tiny Inception-like block: the input feeds three branches, and branch b1 also feeds a second
 * consumer after the join (an add), so gradients from several consumers must sum. tanh keeps the
 * loss smooth for float32 finite differences.
 */
const inception: ModelSpec = {
  layers: [
    { type: 'input', shape: [2, 6, 6] },
    { type: 'conv2d', id: 'b1', filters: 3, kernel: 1, activation: 'tanh' },
    { type: 'conv2d', id: 'b3', input: 'input_1', filters: 2, kernel: 3, padding: 'same', activation: 'tanh' },
    { type: 'avgpool', id: 'pool', input: 'input_1', size: 3, stride: 1, padding: 1 },
    { type: 'concat', id: 'join', inputs: ['b1', 'b3', 'pool'] },
    { type: 'conv2d', id: 'mix', filters: 3, kernel: 1, activation: 'tanh' },
    { type: 'add', with: 'b1' },
    { type: 'lrn', size: 3, k: 1, alpha: 0.5 },
    { type: 'globalavgpool' },
    { type: 'dense', id: 'scores', units: 3 },
  ],
};

describe('a CPU model with concat', () => {
  it('concat output holds each branch output in its channel range', () => {
    const model = createCpuModel(inception, { seed: 2 });
    const x = { shape: [2, 2, 6, 6], data: Float32Array.from(randomArray(144, createRng(3))) };
    const out = model.forward(x, { training: false });
    const join = out[4]!;
    expect(join.shape).toEqual([2, 7, 6, 6]);
    // Sample 1, channel 3 of the join is channel 0 of b3; channel 6 is the pool's channel 1.
    const plane = 36;
    expect(join.data.slice((7 + 3) * plane, (7 + 4) * plane)).toEqual(out[2]!.data.slice(2 * plane, 3 * plane));
    expect(join.data.slice((7 + 6) * plane, (7 + 7) * plane)).toEqual(out[3]!.data.slice(3 * plane, 4 * plane));
  });

  it('backward matches finite differences for every parameter and the input x=[2,2,6,6]', () => {
    const model = createCpuModel(inception, { seed: 7, init: 'xavier' });
    const x = { shape: [2, 2, 6, 6], data: Float32Array.from(randomArray(144, createRng(5))) };
    const labels = [2, 0];
    const out = new Float64Array(1);
    const run = (dLoss: number | null): number => {
      const logits = model.forward(x, { training: true })[model.logitsLayer]!;
      const grad = new Float32Array(logits.data.length);
      const loss = softmaxCrossEntropy(2, 3, logits.data, labels, grad);
      if (dLoss !== null) {
        for (let i = 0; i < grad.length; i++) grad[i]! *= dLoss;
        const dx = model.backward({ shape: logits.shape, data: grad });
        inputGrad.set(dx.data);
      }
      return loss;
    };
    const inputGrad = new Float32Array(x.data.length);
    const inputs: Record<string, Float32Array> = { x: x.data };
    for (const p of model.params) inputs[p.name] = p.value;
    gradcheck({
      label: 'inception model x=[2,2,6,6]',
      inputs,
      forward: () => {
        out[0] = run(null);
        return out;
      },
      backward: (dy) => {
        run(dy[0]!);
        const grads: Record<string, Float32Array> = { x: inputGrad };
        for (const p of model.params) grads[p.name] = p.grad;
        return grads;
      },
      eps: 1e-3,
      tolerance: 1e-2,
      floor: 1e-3,
      maxChecks: 12,
    });
  });
});
