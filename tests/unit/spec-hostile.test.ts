/**
 * Hostile specs (issue 14): prototype-named fields, deep nesting, runaway sizes and huge ids are
 * refused with a SpecError in words, by a documented limit checked before any loop or recursion.
 * No timing assertions: each test checks that the limit itself is what refuses.
 */
import { describe, expect, it } from 'vitest';
import {
  fittingPaddings,
  fittingStrides,
  jsonTextDepth,
  type ModelSpec,
  parseSpecJson,
  SPEC_LIMITS,
  SpecError,
  summarize,
  validateSpec,
} from '../../engine/spec';
import { closestWord } from '../../engine/spec/schema';

const input = { type: 'input', shape: [1, 28, 28] };

/** The SpecError a call throws; fails the test on any other outcome (a raw error or none). */
function specError(run: () => unknown): SpecError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return error as SpecError;
  }
  throw new Error('expected a SpecError, but nothing was thrown');
}

const parse = (layers: unknown[]): SpecError => specError(() => parseSpecJson(JSON.stringify({ layers })));
const sum = (layers: unknown[]): SpecError => specError(() => summarize({ layers } as unknown as ModelSpec));

describe('prototype-named fields', () => {
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']) {
    it(`a layer field named ${name} is an unknown field, not a crash`, () => {
      const text = `{"layers": [{"type": "input", "shape": [1, 28, 28]}, {"type": "flatten", "${name}": {"test": 1}}]}`;
      const error = specError(() => parseSpecJson(text));
      expect(error.message).toBe(
        `Layer 1 (flatten_1): a flatten layer has no field "${name}". Its fields: type, id, input, trainable.`,
      );
    });
  }

  it('a required field is not found on Object.prototype', () => {
    // "constructor" in {} is true through the prototype; the check must look at own fields only.
    const error = parse([input, { type: 'add' }]);
    expect(error.detail).toMatch(/^a add layer needs "with"/);
  });
});

describe('deep nesting', () => {
  const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;

  it('5,000 levels of nesting are refused before JSON.parse', () => {
    const text = `{"layers": [{"type": "input", "shape": ${deep(5000)}}]}`;
    const error = specError(() => parseSpecJson(text));
    expect(error.message).toMatch(new RegExp(`more than ${SPEC_LIMITS.jsonDepth} levels deep`));
  });

  it('the depth scan stops at the limit and ignores brackets inside strings', () => {
    expect(jsonTextDepth(deep(5000))).toBe(SPEC_LIMITS.jsonDepth + 1);
    expect(jsonTextDepth('{"a": "[[[[[[[[[[[[[[[[[[[[[[\\"[[["}')).toBe(1);
  });

  it('an already-parsed object nested 5,000 deep is refused by summarize', () => {
    let shape: unknown = [1];
    for (let i = 0; i < 5000; i++) shape = [shape];
    expect(sum([{ type: 'input', shape }]).message).toMatch(/levels deep/);
  });
});

describe('sizes past the documented limits', () => {
  for (const kernel of [1e7, 1e9]) {
    it(`a conv kernel of ${kernel} is refused by the spatial limit`, () => {
      const text = JSON.stringify({ layers: [input, { type: 'conv2d', filters: 4, kernel }] });
      const error = specError(() => summarize(parseSpecJson(text)));
      expect(error.detail).toBe(`"kernel" is ${kernel}, more than ConvLab allows (at most ${SPEC_LIMITS.spatial}).`);
    });
  }

  it('pool sizes, dilations, strides and paddings are bounded too', () => {
    expect(sum([input, { type: 'maxpool', size: 1e9 }]).detail).toMatch(/"size" is 1000000000, more than/);
    expect(sum([input, { type: 'conv2d', filters: 1, kernel: 3, dilation: [1, 1e8] }]).detail).toMatch(
      /"dilation\[1\] \(width\)" is 100000000/,
    );
    expect(sum([input, { type: 'conv2d', filters: 1, kernel: 3, stride: 1e6 }]).detail).toMatch(/"stride" is 1000000/);
    expect(sum([input, { type: 'conv2d', filters: 1, kernel: 3, padding: 1e9 }]).detail).toMatch(
      new RegExp(`a whole number from 0 to ${SPEC_LIMITS.spatial}`),
    );
  });

  it('filters, units and input sizes of 1e9 are refused at once', () => {
    expect(sum([input, { type: 'conv2d', filters: 1e9, kernel: 3 }]).detail).toMatch(/"filters" is 1000000000/);
    expect(sum([input, { type: 'flatten' }, { type: 'dense', units: 1e9 }]).detail).toMatch(/"units" is 1000000000/);
    expect(sum([{ type: 'input', shape: [1, 1e9, 28] }]).detail).toMatch(/"shape\[1\] \(height\)" is 1000000000/);
    expect(sum([{ type: 'input', shape: [1e9, 28, 28] }]).detail).toMatch(/"shape\[0\] \(channels\)" is 1000000000/);
  });

  it('a layer output and the parameters are bounded even when every field is within its own limit', () => {
    const big = sum([{ type: 'input', shape: [4096, 4096, 4096] }]);
    expect(big.detail).toMatch(/output has 68,719,476,736 values per sample, more than ConvLab allows/);
    const wide = sum([{ type: 'input', shape: [64, 64, 64] }, { type: 'flatten' }, { type: 'dense', units: 65536 }]);
    expect(wide.detail).toMatch(/it has 17,179,934,720 parameters, more than ConvLab allows in one layer/);
  });

  it('30,000 layers are refused before any layer is checked', () => {
    const layers = [input, ...Array.from({ length: 30_000 }, () => ({ type: 'flatten', bogus: true }))];
    const error = parse(layers);
    expect(error.message).toBe(
      `the spec has 30001 layers; ConvLab reads at most ${SPEC_LIMITS.layers} (DenseNet-121 has 427).`,
    );
    expect(sum(layers).message).toMatch(/30001 layers/);
  });

  it('a 1 MB id is refused by length, quoted by its start only', () => {
    const id = 'x'.repeat(1_000_000);
    const error = parse([input, { type: 'flatten', id }]);
    expect(error.detail).toBe(`"id" is 1000000 characters long; ids are at most ${SPEC_LIMITS.idLength} characters.`);
    const ref = parse([input, { type: 'flatten', input: id }]);
    expect(ref.detail).toMatch(/"input" names a layer id of 1000000 characters/);
    expect(ref.message.length).toBeLessThan(300);
  });

  it('a huge unknown field name or type is shortened in the message', () => {
    const long = 'k'.repeat(100_000);
    expect(parse([input, { type: 'flatten', [long]: 1 }]).message.length).toBeLessThan(300);
    expect(parse([input, { type: long }]).message.length).toBeLessThan(400);
  });
});

describe('bounded suggestions', () => {
  it('the did-you-mean hint skips words longer than its cap', () => {
    expect(closestWord('flaten', ['flatten', 'dense'])).toBe('flatten');
    expect(closestWord(`${'a'.repeat(70)}`, [`${'a'.repeat(69)}`])).toBeNull();
  });

  it('fit suggestions for a kernel of 1e9 scan a bounded range', () => {
    // Paddings that leave no output are skipped; at most SPEC_LIMITS.spatial + 1 are scanned.
    expect(fittingPaddings(28, 1e9, 1).length).toBeLessThanOrEqual(SPEC_LIMITS.spatial + 1);
    expect(fittingStrides(28, 1e9, 0)).toEqual([]);
    // Ordinary sizes keep every suggestion they had: 7 with a 3-kernel at stride 3.
    expect(fittingStrides(7, 3, 0)).toEqual([
      { padding: 0, stride: 1, output: 5 },
      { padding: 0, stride: 2, output: 3 },
    ]);
    expect(fittingPaddings(7, 3, 3)).toEqual([{ padding: 1, stride: 3, output: 3 }]);
  });

  it('validateSpec returns the limit as a SpecError', () => {
    const problem = validateSpec({ layers: [input, { type: 'conv2d', filters: 1, kernel: 1e9 }] } as ModelSpec);
    expect(problem).toBeInstanceOf(SpecError);
    expect(problem?.detail).toMatch(/"kernel" is 1000000000/);
  });
});
