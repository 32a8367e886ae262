/**
 * wasm convolution (im2col, col2im, forward with fused bias + activation, backward) and dense
 * layers against the TypeScript reference over random geometries: stride, asymmetric padding,
 * dilation, groups, odd sizes, batch 1.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { activationForward } from '../../engine/cpu/activations';
import { conv2dBackward, conv2dForward, conv2dScratchSize } from '../../engine/cpu/conv2d';
import { denseBackward, denseForward } from '../../engine/cpu/dense';
import { type ConvGeometry, convGeometry } from '../../engine/cpu/geometry';
import { col2im, im2col } from '../../engine/cpu/im2col';
import type { ActivationKind } from '../../engine/spec/types';
import { createRng, type Rng } from '../../engine/tensor/rng';
import type { WasmKernels } from '../../engine/wasm/kernels';
import { createWasmKernelsNode } from '../../engine/wasm/node/kernels';
import { wasmCol2im, wasmIm2col } from '../../engine/wasm/ops';
import { expectClose, randomFloats } from './wasm-helpers';

let k: WasmKernels;
beforeAll(async () => {
  k = await createWasmKernelsNode();
});

function randomGeometry(rng: Rng): ConvGeometry {
  for (;;) {
    const groups = [1, 1, 2, 3][rng.int(4)]!;
    const inC = groups * (1 + rng.int(3));
    const outC = groups * (1 + rng.int(4));
    const kh = 1 + rng.int(4);
    const kw = 1 + rng.int(4);
    const batch = 1 + rng.int(3);
    const inH = 1 + rng.int(11);
    const inW = 1 + rng.int(11);
    const options = {
      stride: [1 + rng.int(3), 1 + rng.int(3)] as [number, number],
      pad: [rng.int(3), rng.int(3)] as [number, number],
      padEnd: [rng.int(3), rng.int(3)] as [number, number],
      dilation: [1 + rng.int(2), 1 + rng.int(2)] as [number, number],
      groups,
    };
    try {
      return convGeometry([batch, inC, inH, inW], outC, [kh, kw], options);
    } catch {
      // The window does not fit this input: draw again.
    }
  }
}

const describeGeo = (g: ConvGeometry): string =>
  `N${g.batch} C${g.inC} ${g.inH}x${g.inW} F${g.outC} k${g.kh}x${g.kw} s${g.strideH},${g.strideW} ` +
  `p${g.padTop},${g.padLeft},${g.padBottom},${g.padRight} d${g.dilationH},${g.dilationW} g${g.groups}`;

const rng = createRng(2024);
const geometries = Array.from({ length: 30 }, () => randomGeometry(rng));
geometries.push(convGeometry([1, 1, 28, 28], 8, [5, 5], { pad: [2, 2] }));
geometries.push(convGeometry([2, 16, 12, 12], 20, [5, 5], { pad: [2, 2] }));
// Output widths that are multiples of 8 take the im2col-into-panels path of the forward pass.
geometries.push(convGeometry([2, 3, 17, 16], 5, [3, 3], { pad: [1, 1] }));
geometries.push(convGeometry([1, 4, 9, 31], 6, [3, 2], { stride: [2, 2], pad: [1, 0], padEnd: [0, 1], groups: 2 }));
geometries.push(convGeometry([2, 2, 12, 16], 3, [3, 3], { dilation: [2, 2], pad: [0, 2] }));
geometries.push(convGeometry([1, 3, 8, 8], 4, [7, 7], { pad: [3, 3] }));
const activations: (ActivationKind | null)[] = [null, 'relu', 'tanh', 'leakyRelu'];

describe('test geometries', () => {
  it('include output widths that are multiples of 8 (the im2col-into-panels path)', () => {
    expect(geometries.slice(-4).map((g) => g.outW % 8)).toEqual([0, 0, 0, 0]);
  });
});

describe('wasm im2col / col2im', () => {
  it.each(geometries.map((g) => [describeGeo(g), g] as const))('%s', (_name, geo) => {
    const r = createRng(geo.inH * 31 + geo.inW);
    const x = randomFloats(r, geo.batch * geo.inC * geo.inH * geo.inW);
    const size = conv2dScratchSize(geo);
    const n = geo.batch - 1;
    const g = geo.groups - 1;
    const expected = new Float32Array(size);
    im2col(geo, x, n, g, expected, 0);
    const actual = new Float32Array(size).fill(Number.NaN);
    wasmIm2col(k, geo, x, n, g, actual);
    expect(Array.from(actual)).toEqual(Array.from(expected));
    const cols = randomFloats(r, size);
    const dxExpected = randomFloats(r, x.length);
    const dxActual = dxExpected.slice();
    col2im(geo, cols, 0, n, g, dxExpected);
    wasmCol2im(k, geo, cols, n, g, dxActual);
    expectClose(dxActual, dxExpected, 1e-6, 'col2im');
  });
});

describe('wasm conv2d', () => {
  it.each(geometries.map((g, i) => [describeGeo(g), activations[i % 4]!, i % 3 !== 2, g] as const))(
    '%s, activation %s, bias %s',
    (_name, act, hasBias, geo) => {
      const r = createRng(geo.kh * 97 + geo.outC);
      const x = randomFloats(r, geo.batch * geo.inC * geo.inH * geo.inW);
      const w = randomFloats(r, geo.outC * (geo.inC / geo.groups) * geo.kh * geo.kw, 0.5);
      const b = hasBias ? randomFloats(r, geo.outC) : null;
      const ySize = geo.batch * geo.outC * geo.outH * geo.outW;
      const yExpected = new Float32Array(ySize);
      conv2dForward(geo, x, w, b, yExpected);
      const fused = act ? { kind: act, alpha: act === 'leakyRelu' ? 0.01 : 0 } : null;
      if (fused) activationForward(fused.kind, fused.alpha, yExpected, yExpected);
      const yActual = new Float32Array(ySize);
      const cols = new Float32Array(conv2dScratchSize(geo));
      k.conv2dForward(geo, x, w, b, yActual, fused, cols);
      expectClose(yActual, yExpected, 1e-5, 'y');

      const dy = randomFloats(r, ySize);
      const want = {
        dx: new Float32Array(x.length),
        dw: new Float32Array(w.length),
        db: b ? new Float32Array(b.length) : null,
      };
      conv2dBackward(geo, x, w, dy, want);
      const got = {
        dx: new Float32Array(x.length).fill(7),
        dw: new Float32Array(w.length).fill(7),
        db: b ? new Float32Array(b.length).fill(7) : null,
      };
      k.conv2dBackward(geo, x, w, dy, got, cols, new Float32Array(cols.length));
      expectClose(got.dx, want.dx, 1e-5, 'dx');
      expectClose(got.dw, want.dw, 1e-5, 'dw');
      if (b) expectClose(got.db!, want.db!, 1e-5, 'db');
      expect(k.fallbacks).toBe(0);
    },
  );
});

describe('wasm dense', () => {
  const cases = [
    [1, 1, 1],
    [1, 784, 10],
    [3, 17, 5],
    [64, 100, 10],
    [7, 33, 29],
  ] as const;
  it.each(cases)('batch %i, %i inputs, %i units', (batch, inputs, units) => {
    const r = createRng(batch + inputs + units);
    const dims = { batch, inputs, units };
    const x = randomFloats(r, batch * inputs);
    const w = randomFloats(r, units * inputs, 0.3);
    const b = randomFloats(r, units);
    const yExpected = new Float32Array(batch * units);
    denseForward(dims, x, w, b, yExpected);
    activationForward('relu', 0, yExpected, yExpected);
    const yActual = new Float32Array(batch * units);
    k.denseForward(dims, x, w, b, yActual, { kind: 'relu', alpha: 0 });
    expectClose(yActual, yExpected, 1e-5, 'y');
    const dy = randomFloats(r, batch * units);
    const want = { dx: new Float32Array(x.length), dw: new Float32Array(w.length), db: new Float32Array(units) };
    denseBackward(dims, x, w, dy, want);
    const got = { dx: new Float32Array(x.length), dw: new Float32Array(w.length), db: new Float32Array(units) };
    k.denseBackward(dims, x, w, dy, got);
    expectClose(got.dx, want.dx, 1e-5, 'dx');
    expectClose(got.dw, want.dw, 1e-5, 'dw');
    expectClose(got.db, want.db, 1e-5, 'db');
  });
});
