import { describe, expect, it } from 'vitest';
import { activationForward, defaultAlpha } from '../../engine/cpu/activations';
import { conv2dBackward, conv2dForward } from '../../engine/cpu/conv2d';
import { type ConvGeometry, convGeometry } from '../../engine/cpu/geometry';
import { biasBackwardOp } from '../../engine/gpu/bias';
import { conv2dBackwardInputOp, conv2dBackwardWeightsOp, conv2dForwardOp } from '../../engine/gpu/conv2d';
import type { ActivationKind } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { expectGpuMatchesCpu, randomFloats, runGpu, shape, type Tolerance, withDevice } from './harness';

const gpu = withDevice();
// float32 sums of up to a few thousand products of values in [-1, 1], in a different order on each side.
const TOL: Tolerance = { abs: 1e-4, rel: 1e-4 };

interface Case {
  readonly x: readonly [number, number, number, number];
  readonly f: number;
  readonly k: readonly [number, number];
  readonly s?: readonly [number, number];
  readonly p?: readonly [number, number];
  readonly pe?: readonly [number, number];
  readonly d?: readonly [number, number];
  readonly g?: number;
}

const CASES: readonly Case[] = [
  { x: [2, 3, 7, 5], f: 4, k: [3, 3], s: [2, 2], p: [1, 1] },
  { x: [1, 1, 28, 28], f: 8, k: [5, 5] },
  { x: [3, 4, 9, 11], f: 6, k: [3, 2], s: [2, 3], p: [1, 0], pe: [2, 1] },
  { x: [2, 4, 10, 9], f: 6, k: [3, 3], p: [2, 2], d: [2, 2], g: 2 },
  { x: [2, 6, 8, 8], f: 6, k: [3, 3], p: [1, 1], g: 6 },
  { x: [1, 20, 6, 7], f: 18, k: [1, 1] },
  { x: [64, 3, 8, 8], f: 8, k: [3, 3], p: [1, 1], pe: [1, 1] },
  { x: [2, 3, 6, 6], f: 4, k: [2, 2], s: [1, 1], p: [0, 0], pe: [1, 1] },
  // Kernels wider than one 8-tap block; sliding and strided column paths; stride 1 with dilation.
  { x: [3, 2, 12, 23], f: 5, k: [2, 11], p: [0, 5] },
  { x: [2, 3, 9, 25], f: 7, k: [1, 9], s: [1, 2], p: [0, 4] },
  { x: [2, 4, 7, 13], f: 9, k: [3, 3], p: [1, 2], d: [1, 2] },
  // The straight-line rows (ROW = 5 and 3): padding, odd widths, strideH > 1, filters not a multiple of 4.
  { x: [3, 5, 11, 13], f: 7, k: [5, 5], p: [2, 2] },
  { x: [2, 3, 9, 10], f: 5, k: [3, 3], s: [2, 1], p: [1, 1] },
  // The lecture MNIST net's two convolutions at batch 64 (many weight-gradient splits).
  { x: [64, 1, 28, 28], f: 10, k: [5, 5] },
  { x: [64, 10, 12, 12], f: 10, k: [5, 5] },
];

function name(c: Case): string {
  const [s, p, pe, d] = [c.s ?? [1, 1], c.p ?? [0, 0], c.pe ?? c.p ?? [0, 0], c.d ?? [1, 1]];
  return `x=${shape(c.x)} f=${c.f} k=${c.k.join('x')} s=${s.join(',')} p=${p.join(',')}/${pe.join(',')} d=${d.join(',')} g=${c.g ?? 1}`;
}

function geometry(c: Case): ConvGeometry {
  return convGeometry(c.x, c.f, c.k, { stride: c.s, pad: c.p, padEnd: c.pe ?? c.p, dilation: c.d, groups: c.g });
}

function data(c: Case, geo: ConvGeometry, seed: number) {
  const rng = createRng(seed);
  const x = randomFloats(
    rng,
    c.x.reduce((a, b) => a * b),
  );
  const w = randomFloats(rng, geo.outC * (geo.inC / geo.groups) * geo.kh * geo.kw);
  const b = randomFloats(rng, geo.outC);
  const dy = randomFloats(rng, geo.batch * geo.outC * geo.outH * geo.outW);
  return { x, w, b, dy };
}

describe('conv2d on the GPU', () => {
  CASES.forEach((c, i) => {
    it(`conv2d forward (+bias) matches CPU ${name(c)}`, async () => {
      const geo = geometry(c);
      const { x, w, b } = data(c, geo, 10 + i);
      const want = new Float32Array(geo.batch * geo.outC * geo.outH * geo.outW);
      conv2dForward(geo, x, w, b, want);
      const out = await runGpu(gpu(), { x, w, b, y: want.length }, (ctx, t) => [
        conv2dForwardOp(ctx, 'conv', geo, { x: t.x!, w: t.w!, b: t.b!, y: t.y! }),
      ]);
      expectGpuMatchesCpu(name(c), out.f32('y'), want, TOL);
    });

    it(`conv2d backward input, weights and bias match CPU ${name(c)}`, async () => {
      const geo = geometry(c);
      const { x, w, dy } = data(c, geo, 20 + i);
      const dx = new Float32Array(x.length);
      const dw = new Float32Array(w.length);
      const db = new Float32Array(geo.outC);
      conv2dBackward(geo, x, w, dy, { dx, dw, db });
      const out = await runGpu(gpu(), { x, w, dy, dx: dx.length, dw: dw.length, db: db.length }, (ctx, t) => [
        conv2dBackwardInputOp(ctx, 'dx', geo, { dy: t.dy!, w: t.w!, dx: t.dx! }),
        conv2dBackwardWeightsOp(ctx, 'dw', geo, { x: t.x!, dy: t.dy!, dw: t.dw! }),
        biasBackwardOp(
          ctx,
          'db',
          { batch: geo.batch, channels: geo.outC, size: geo.outH * geo.outW },
          {
            dy: t.dy!,
            db: t.db!,
          },
        ),
      ]);
      expectGpuMatchesCpu(`dx ${name(c)}`, out.f32('dx'), dx, TOL);
      expectGpuMatchesCpu(`dw ${name(c)}`, out.f32('dw'), dw, { abs: 1e-3, rel: 1e-4 });
      expectGpuMatchesCpu(`db ${name(c)}`, out.f32('db'), db, { abs: 1e-3, rel: 1e-4 });
    });
  });

  const FUSED: readonly ActivationKind[] = ['relu', 'leakyRelu', 'sigmoid', 'tanh', 'elu', 'softplus'];
  for (const kind of FUSED) {
    it(`conv2d forward with fused ${kind} matches CPU conv then ${kind} x=[2,3,7,5] k=3x3`, async () => {
      const c: Case = { x: [2, 3, 7, 5], f: 5, k: [3, 3], p: [1, 1] };
      const geo = geometry(c);
      const { x, w, b } = data(c, geo, 99);
      const conv = new Float32Array(geo.batch * geo.outC * geo.outH * geo.outW);
      conv2dForward(geo, x, w, b, conv);
      const want = new Float32Array(conv.length);
      const alpha = defaultAlpha(kind);
      activationForward(kind, alpha, conv, want);
      const out = await runGpu(gpu(), { x, w, y: want.length, b }, (ctx, t) => [
        conv2dForwardOp(ctx, `conv ${kind}`, geo, { x: t.x!, w: t.w!, b: t.b!, y: t.y! }, { kind, alpha }),
      ]);
      expectGpuMatchesCpu(`fused ${kind}`, out.f32('y'), want, TOL);
      if (kind === 'relu') expect(out.f32('y').some((v) => v === 0)).toBe(true);
    });
  }
});
