import { describe, expect, it } from 'vitest';
import { type LayerSpec, type ModelSpec, parseSpecJson, SpecError, summarize } from '../../engine/spec';

const model = (shape: readonly [number, number, number], ...layers: LayerSpec[]): ModelSpec => ({
  layers: [{ type: 'input', shape }, ...layers],
});

function specError(run: () => unknown): SpecError {
  try {
    run();
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('expected a SpecError');
}

/** A tiny Inception-like block on 3x8x8: 1x1, 3x3 'same' and pooled branches joined. */
const inception = model(
  [3, 8, 8],
  { type: 'conv2d', id: 'b1', filters: 4, kernel: 1 },
  { type: 'conv2d', id: 'b3', input: 'input_1', filters: 6, kernel: 3, padding: 'same' },
  { type: 'maxpool', id: 'pool', input: 'input_1', size: 3, stride: 1, padding: 1 },
  { type: 'concat', id: 'join', inputs: ['b1', 'b3', 'pool'] },
  { type: 'lrn' },
);

describe('concat: shapes and summary', () => {
  it('joins 4 + 6 + 3 channels of 8x8 into 13x8x8 with no params or MACs, inputs in listed order', () => {
    const s = summarize(inception);
    const join = s.layers[4]!;
    expect(join.outputShape).toEqual([13, 8, 8]);
    expect(join.inputs).toEqual([1, 2, 3]);
    expect(join.inputShape).toEqual([4, 8, 8]);
    expect([join.params, join.macs]).toEqual([0, 0]);
    expect(join.resolved).toEqual({ type: 'concat' });
    // Totals count only the convolutions: 4·3 + 4 and 6·3·9 + 6 params.
    expect(s.totalParams).toBe(4 * 3 + 4 + 6 * 3 * 9 + 6);
  });

  it('joins vectors: [5] and [7] give [12]', () => {
    const s = summarize(
      model(
        [1, 2, 2],
        { type: 'flatten', id: 'f' },
        { type: 'dense', id: 'd5', units: 5 },
        { type: 'dense', id: 'd7', input: 'f', units: 7 },
        { type: 'concat', inputs: ['d5', 'd7'] },
      ),
    );
    expect(s.outputShape).toEqual([12]);
  });

  it('parses from JSON and keeps the list', () => {
    const json = JSON.stringify(inception);
    expect(summarize(parseSpecJson(json)).outputShape).toEqual([13, 8, 8]);
  });
});

describe('concat: errors', () => {
  const branch: LayerSpec[] = [
    { type: 'conv2d', id: 'a', filters: 2, kernel: 3 },
    { type: 'conv2d', id: 'b', input: 'input_1', filters: 2, kernel: 1 },
  ];

  it('mismatched heights and widths name every input with its shape', () => {
    const e = specError(() => summarize(model([1, 6, 6], ...branch, { type: 'concat', inputs: ['a', 'b'] })));
    expect(e.layerIndex).toBe(3);
    expect(e.message).toContain('same height and width');
    expect(e.message).toContain('"a" [2, 4, 4], "b" [2, 6, 6]');
  });

  it('an unknown id gets a did-you-mean and the list of earlier layers', () => {
    const e = specError(() => summarize(model([1, 6, 6], ...branch, { type: 'concat', inputs: ['a', 'bb'] })));
    expect(e.message).toContain('"inputs" names "bb", but no layer has that id. Did you mean "b"?');
  });

  it('fewer than two inputs is refused', () => {
    const e = specError(() => summarize(model([1, 6, 6], ...branch, { type: 'concat', inputs: ['a'] })));
    expect(e.message).toContain('concat joins two or more layers, but "inputs" names only one');
  });

  it('a missing inputs list is refused, by summarize and by the parser', () => {
    const bad = { type: 'concat' } as unknown as LayerSpec;
    expect(specError(() => summarize(model([1, 6, 6], ...branch, bad))).message).toContain('needs "inputs"');
    const json = JSON.stringify(model([1, 6, 6], ...branch, bad));
    expect(specError(() => parseSpecJson(json)).message).toContain('a concat layer needs "inputs"');
  });

  it('"input" on a concat is refused', () => {
    const bad = { type: 'concat', input: 'a', inputs: ['a', 'b'] } as LayerSpec;
    expect(specError(() => summarize(model([1, 6, 6], ...branch, bad))).message).toContain('remove "input"');
  });

  it('a later layer or the concat itself cannot be an input', () => {
    const later = specError(() =>
      summarize(
        model(
          [1, 6, 6],
          { type: 'concat', id: 'j', inputs: ['input_1', 'late'] },
          { type: 'activation', id: 'late', kind: 'relu' },
        ),
      ),
    );
    expect(later.message).toContain('"inputs" names "late", layer 2, which comes later');
    const self = specError(() => summarize(model([1, 6, 6], { type: 'concat', id: 'j', inputs: ['input_1', 'j'] })));
    expect(self.message).toContain('this layer itself');
  });

  it('the same layer twice, and images with vectors, are refused', () => {
    const twice = specError(() => summarize(model([1, 6, 6], ...branch, { type: 'concat', inputs: ['b', 'b'] })));
    expect(twice.message).toContain('lists "b" more than once');
    const mixed = specError(() =>
      summarize(model([1, 6, 6], { type: 'flatten', id: 'f' }, { type: 'concat', inputs: ['input_1', 'f'] })),
    );
    expect(mixed.message).toContain('images with images or vectors with vectors');
  });

  it('inputs that are not a list of ids are refused by the parser', () => {
    const json = JSON.stringify(model([1, 6, 6], ...branch, { type: 'concat', inputs: 'a' } as unknown as LayerSpec));
    expect(specError(() => parseSpecJson(json)).message).toContain('"inputs" must be a list of layer ids');
  });
});

describe('lrn', () => {
  it("defaults to AlexNet's n=5, k=2, alpha=1e-4, beta=0.75 and keeps the shape", () => {
    const lrn = summarize(inception).layers[5]!;
    expect(lrn.resolved).toEqual({ type: 'lrn', size: 5, k: 2, alpha: 1e-4, beta: 0.75 });
    expect(lrn.outputShape).toEqual([13, 8, 8]);
    expect([lrn.params, lrn.macs]).toEqual([0, 0]);
  });

  it('keeps given values (even n allowed) and works on vectors', () => {
    const s = summarize(model([4, 1, 1], { type: 'flatten' }, { type: 'lrn', size: 2, k: 1, alpha: 0.5, beta: 1 }));
    expect(s.layers[2]!.resolved).toEqual({ type: 'lrn', size: 2, k: 1, alpha: 0.5, beta: 1 });
    expect(s.outputShape).toEqual([4]);
  });

  it.each([
    [{ size: 0 }, '"size" must be a whole number of at least 1'],
    [{ size: 2.5 }, '"size" must be a whole number of at least 1'],
    [{ k: 0 }, '"k" must be above 0'],
    [{ alpha: -1 }, '"alpha" must be 0 or more'],
    [{ beta: 0 }, '"beta" must be above 0'],
  ])('refuses %j', (fields, message) => {
    const e = specError(() => summarize(model([3, 4, 4], { type: 'lrn', ...fields })));
    expect(e.layerIndex).toBe(1);
    expect(e.message).toContain(message);
  });

  it('the parser knows its fields and suggests on a misspelling', () => {
    const json = JSON.stringify({
      layers: [
        { type: 'input', shape: [3, 4, 4] },
        { type: 'lrn', alhpa: 1 },
      ],
    });
    expect(specError(() => parseSpecJson(json)).message).toContain('Did you mean "alpha"?');
  });
});
