import { describe, expect, it } from 'vitest';
import {
  axisOutput,
  effectiveKernel,
  explainFits,
  fittingPaddings,
  fittingStrides,
  outputSize,
  samePadding,
} from '../../engine/spec';

describe('outputSize (the lecture examples)', () => {
  it('N=7 F=3 S=1 gives 5 and S=2 gives 3', () => {
    expect(outputSize({ size: 7, kernel: 3, stride: 1 })).toMatchObject({ ok: true, value: 5 });
    expect(outputSize({ size: 7, kernel: 3, stride: 2 })).toMatchObject({ ok: true, value: 3 });
  });

  it('N=7 F=3 S=3 does not fit: 2.33 is not whole, and it suggests padding 1 or stride 1 or 2', () => {
    const r = outputSize({ size: 7, kernel: 3, stride: 3 });
    if (r.ok) throw new Error('expected a misfit');
    expect(r.kind).toBe('not-whole');
    expect(r.exact).toBeCloseTo(7 / 3);
    expect(r.formula).toBe('(7 - 3 + 2·0) / 3 + 1 = 2.33');
    expect(r.suggestions).toEqual([
      { padding: 1, stride: 3, output: 3 },
      { padding: 0, stride: 1, output: 5 },
      { padding: 0, stride: 2, output: 3 },
    ]);
  });

  it('N=9 F=3 S=1 gives 7, and with padding 1 keeps 9', () => {
    expect(outputSize({ size: 9, kernel: 3 })).toMatchObject({ ok: true, value: 7 });
    expect(outputSize({ size: 9, kernel: 3, padStart: 1 })).toMatchObject({ ok: true, value: 9 });
  });

  it('N=32 F=5 P=2 S=1 keeps 32 and states the formula', () => {
    expect(outputSize({ size: 32, kernel: 5, padStart: 2 })).toEqual({
      ok: true,
      value: 32,
      effectiveKernel: 5,
      formula: '(32 - 5 + 2·2) / 1 + 1 = 32',
    });
  });

  it('a 3-wide kernel with dilation 2 spans 5 pixels: N=7 gives 3', () => {
    expect(effectiveKernel(3, 2)).toBe(5);
    expect(outputSize({ size: 7, kernel: 3, dilation: 2 })).toMatchObject({ ok: true, value: 3, effectiveKernel: 5 });
  });

  it('N=5 F=7 is a kernel-too-large misfit, fixed by padding 1 (gives 1) or 2 (gives 3)', () => {
    const r = outputSize({ size: 5, kernel: 7 });
    expect(r).toMatchObject({ ok: false, kind: 'kernel-too-large', exact: -1 });
    if (!r.ok)
      expect(r.suggestions.slice(0, 2)).toEqual([
        { padding: 1, stride: 1, output: 1 },
        { padding: 2, stride: 1, output: 3 },
      ]);
  });

  it('size 0, kernel 2.5 or negative padding are invalid', () => {
    expect(outputSize({ size: 0, kernel: 3 })).toMatchObject({ ok: false, kind: 'invalid' });
    expect(outputSize({ size: 7, kernel: 2.5 })).toMatchObject({ ok: false, kind: 'invalid' });
    expect(outputSize({ size: 7, kernel: 3, padStart: -1 })).toMatchObject({ ok: false, kind: 'invalid' });
  });

  it('asymmetric padding 0+1: N=7 F=2 S=2 gives 4', () => {
    expect(outputSize({ size: 7, kernel: 2, stride: 2, padStart: 0, padEnd: 1 })).toMatchObject({
      ok: true,
      value: 4,
      formula: '(7 - 2 + 0 + 1) / 2 + 1 = 4',
    });
  });
});

describe('which paddings and strides fit', () => {
  it('fittingPaddings(7, 3, stride 2) is padding 0 (3), 1 (4) and 2 (5)', () => {
    expect(fittingPaddings(7, 3, 2).map((f) => [f.padding, f.output])).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
  });

  it('fittingStrides(7, 3, padding 0) is stride 1 (5) and 2 (3)', () => {
    expect(fittingStrides(7, 3, 0).map((f) => [f.stride, f.output])).toEqual([
      [1, 5],
      [2, 3],
    ]);
  });

  it('explainFits for N=7 F=3 S=3 P=0 names every fix with its output', () => {
    const params = { size: 7, kernel: 3, stride: 3 };
    const r = outputSize(params);
    if (r.ok) throw new Error('expected a misfit');
    expect(explainFits(r, params)).toBe(
      "With stride 3, use padding 1 (gives 3), or with padding 0 use stride 1 (gives 5) or 2 (gives 3), or padding 'same' (gives 3).",
    );
  });
});

describe("'same' padding (TensorFlow's rule)", () => {
  it('N=7 F=3 S=1 pads 1 on each side', () => {
    expect(samePadding(7, 3, 1)).toEqual({ padStart: 1, padEnd: 1, output: 7 });
  });

  it('an even kernel F=2 on N=5 puts the extra pixel at the end', () => {
    expect(samePadding(5, 2, 1)).toEqual({ padStart: 0, padEnd: 1, output: 5 });
  });

  it('N=224 F=7 S=2 gives 112 with padding 2 before and 3 after', () => {
    expect(samePadding(224, 7, 2)).toEqual({ padStart: 2, padEnd: 3, output: 112 });
  });

  it("axisOutput('same') for a 1x1 stride-2 kernel on 32 gives ceil(32/2) = 16", () => {
    expect(axisOutput('same', 0, 32, 1, 2)).toMatchObject({ ok: true, value: 16, padStart: 0, padEnd: 0 });
  });

  it("axisOutput('valid') for N=7 F=2 S=2 is a misfit (3.5), not floored", () => {
    expect(axisOutput('valid', 0, 7, 2, 2)).toMatchObject({ ok: false, kind: 'not-whole', exact: 3.5 });
  });

  it('axisOutput with a [height, width] padding pair uses the axis entry on both sides', () => {
    expect(axisOutput([1, 0], 0, 5, 3)).toMatchObject({ ok: true, value: 5, padStart: 1, padEnd: 1 });
    expect(axisOutput([1, 0], 1, 5, 3)).toMatchObject({ ok: true, value: 3, padStart: 0, padEnd: 0 });
  });
});
