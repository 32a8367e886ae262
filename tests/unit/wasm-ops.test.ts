/**
 * wasm pooling, activations, softmax cross-entropy and optimiser updates against the
 * TypeScript reference on random inputs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { activationBackward, activationBackwardFromInput, activationForward } from '../../engine/cpu/activations';
import { avgpoolBackward, avgpoolForward } from '../../engine/cpu/avgpool';
import { softmaxCrossEntropy } from '../../engine/cpu/losses';
import { maxpoolBackward, maxpoolForward, poolGeometry } from '../../engine/cpu/maxpool';
import type { ActivationKind } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import type { Param } from '../../engine/train/model';
import { createOptimizer } from '../../engine/train/optimizers';
import type { WasmKernels } from '../../engine/wasm/kernels';
import { createWasmKernelsNode } from '../../engine/wasm/node/kernels';
import { wasmAdam, wasmMomentum, wasmSgd, wasmSoftmaxCrossEntropy } from '../../engine/wasm/ops';
import { expectClose, randomFloats } from './wasm-helpers';

let k: WasmKernels;
beforeAll(async () => {
  k = await createWasmKernelsNode();
});

describe('wasm pooling', () => {
  const cases = [
    [[1, 1, 5, 5], [2, 2], {}],
    [[2, 3, 28, 28], [2, 2], {}],
    [[1, 2, 7, 9], [3, 3], { stride: [2, 2] as [number, number], pad: [1, 1] as [number, number] }],
    [
      [3, 1, 6, 5],
      [2, 3],
      { stride: [1, 2] as [number, number], pad: [1, 0] as [number, number], padEnd: [0, 2] as [number, number] },
    ],
    [[1, 4, 11, 11], [3, 3], { stride: [3, 3] as [number, number], pad: [2, 2] as [number, number] }],
    [[2, 2, 9, 21], [2, 2], {}],
  ] as const;
  it.each(cases)('input %j window %j %j', (shape, size, options) => {
    const geo = poolGeometry(shape, size, options);
    const r = createRng(shape[2] * 7 + shape[3]);
    const x = randomFloats(
      r,
      (shape as readonly number[]).reduce((a, b) => a * b, 1),
    );
    // Ties and windows with no finite winner take the same branch as the reference.
    x[1] = x[0]!;
    for (const i of [2 * shape[3], 2 * shape[3] + 1, 3 * shape[3], 3 * shape[3] + 1]) x[i] = Number.NEGATIVE_INFINITY;
    x[5] = Number.NaN;
    const outN = geo.batch * geo.inC * geo.outH * geo.outW;
    const y0 = new Float32Array(outN);
    const s0 = new Int32Array(outN);
    maxpoolForward(geo, x, y0, s0);
    const y1 = new Float32Array(outN);
    const s1 = new Int32Array(outN);
    k.maxpoolForward(geo, x, y1, s1);
    expect(Array.from(y1)).toEqual(Array.from(y0));
    expect(Array.from(s1)).toEqual(Array.from(s0));
    const dy = randomFloats(r, outN);
    const dx0 = new Float32Array(x.length);
    const dx1 = new Float32Array(x.length).fill(3);
    maxpoolBackward(dy, s0, dx0);
    k.maxpoolBackward(dy, s1, dx1);
    expectClose(dx1, dx0, 1e-6, 'maxpool dx');

    const finite = x.map((v) => (Number.isFinite(v) ? v : 0));
    avgpoolForward(geo, finite, y0);
    k.avgpoolForward(geo, finite, y1);
    expectClose(y1, y0, 1e-6, 'avgpool y');
    avgpoolBackward(geo, dy, dx0);
    k.avgpoolBackward(geo, dy, dx1);
    expectClose(dx1, dx0, 1e-6, 'avgpool dx');
  });
});

describe('wasm activations', () => {
  const kinds: [ActivationKind, number][] = [
    ['relu', 0],
    ['leakyRelu', 0.01],
    ['leakyRelu', -0.3],
    ['sigmoid', 0],
    ['tanh', 0],
    ['elu', 1],
    ['softplus', 0],
  ];
  it.each(kinds)('%s (alpha %d), forward and both backward forms, odd length', (kind, alpha) => {
    const r = createRng(kind.length);
    const n = 4 * 25 + 3;
    const x = randomFloats(r, n, 4);
    x[0] = 0;
    const y0 = new Float32Array(n);
    const y1 = new Float32Array(n);
    activationForward(kind, alpha, x, y0);
    k.activationForward(kind, alpha, x, y1);
    expectClose(y1, y0, 1e-6, 'y');
    const dy = randomFloats(r, n);
    const dx0 = new Float32Array(n);
    const dx1 = new Float32Array(n);
    if (alpha >= 0) {
      activationBackward(kind, alpha, y0, dy, dx0);
      k.activationBackward(kind, alpha, y0, dy, dx1);
      expectClose(dx1, dx0, 1e-6, 'dx from y');
    }
    activationBackwardFromInput(kind, alpha, x, y0, dy, dx0);
    k.activationBackwardFromInput(kind, alpha, x, y0, dy, dx1);
    expectClose(dx1, dx0, 1e-6, 'dx from x');
    // In place, as a fused conv/dense layer uses it.
    const inPlace = y0.slice();
    k.activationForward(kind, alpha, inPlace, inPlace);
    activationForward(kind, alpha, y0, y0);
    expectClose(inPlace, y0, 1e-6, 'in place');
  });
});

describe('wasm softmax cross-entropy', () => {
  it.each([
    [1, 10],
    [64, 10],
    [5, 3],
  ])('batch %i, %i classes, with large logits', (batch, classes) => {
    const r = createRng(batch * classes);
    const logits = randomFloats(r, batch * classes, 30);
    const labels = new Uint8Array(batch).map(() => r.int(classes));
    const g0 = new Float32Array(logits.length);
    const g1 = new Float32Array(logits.length);
    const l0 = softmaxCrossEntropy(batch, classes, logits, labels, g0);
    const l1 = wasmSoftmaxCrossEntropy(k, batch, classes, logits, labels, g1);
    expect(Math.abs(l1 - l0)).toBeLessThan(1e-9 * (1 + l0));
    expectClose(g1, g0, 1e-7, 'grad');
  });
});

describe('wasm optimiser updates', () => {
  const param = (value: Float32Array, grad: Float32Array): Param => ({
    name: 'w',
    layer: 1,
    role: 'weight',
    shape: [value.length],
    value,
    grad,
    regularized: true,
    trainable: true,
  });

  it.each(['sgd', 'momentum', 'nesterov', 'adam'] as const)('%s over 5 steps', (kind) => {
    const r = createRng(kind.length + 11);
    const n = 37;
    const w0 = randomFloats(r, n);
    const w1 = w0.slice();
    const ref = createOptimizer(
      kind === 'sgd'
        ? { kind: 'sgd' }
        : kind === 'adam'
          ? { kind: 'adam' }
          : { kind: 'momentum', momentum: 0.9, nesterov: kind === 'nesterov' },
    );
    const m = new Float32Array(n);
    const v = new Float32Array(n);
    for (let step = 1; step <= 5; step++) {
      const g = randomFloats(r, n);
      ref.step([param(w0, g)], 0.01);
      if (kind === 'sgd') wasmSgd(k, w1, g, 0.01);
      else if (kind === 'adam') wasmAdam(k, w1, g, m, v, { lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, step });
      else wasmMomentum(k, w1, g, v, 0.01, 0.9, kind === 'nesterov');
    }
    expectClose(w1, w0, 1e-7, kind);
    expect(Array.from(w1)).not.toEqual(Array.from(randomFloats(createRng(kind.length + 11), n)));
  });
});
