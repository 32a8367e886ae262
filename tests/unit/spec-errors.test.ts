import { describe, expect, it } from 'vitest';
import { type LayerSpec, type ModelSpec, SpecError, summarize, validateSpec } from '../../engine/spec';

const model = (shape: readonly [number, number, number], ...layers: LayerSpec[]): ModelSpec => ({
  layers: [{ type: 'input', shape }, ...layers],
});

/** Summarizes a spec that must fail, and returns the SpecError. */
function specError(spec: unknown): SpecError {
  try {
    summarize(spec as ModelSpec);
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('expected a SpecError');
}

describe('summarize throws a SpecError that names the layer', () => {
  it('1x7x7 with a 3x3 kernel at stride 3: 2.33 is not whole; suggests padding 1 or stride 1 or 2', () => {
    const e = specError(
      model(
        [1, 7, 7],
        { type: 'conv2d', filters: 2, kernel: 3 },
        { type: 'conv2d', filters: 2, kernel: 1 },
        { type: 'conv2d', filters: 2, kernel: 3, stride: 3 },
      ),
    );
    expect(e.layerIndex).toBe(3);
    expect(e.layerId).toBe('conv2d_3');
    expect(e.message).toBe(
      'Layer 3 (conv2d_3): the 3x3 kernel does not fit: (5 - 3 + 2·0) / 3 + 1 = 1.67 is not a whole number. ' +
        "With stride 3, use padding 2 (gives 3), or with padding 0 use stride 1 (gives 3) or 2 (gives 2), or padding 'same' (gives 2, 0 before and 1 after).",
    );
  });

  it('the lecture case N=7 F=3 S=3 reads "(7 - 3 + 2·0) / 3 + 1 = 2.33" and "padding 1 (gives 3)"', () => {
    const e = specError(model([1, 7, 7], { type: 'conv2d', filters: 1, kernel: 3, stride: 3 }));
    expect(e.message).toContain('Layer 1 (conv2d_1)');
    expect(e.message).toContain('(7 - 3 + 2·0) / 3 + 1 = 2.33');
    expect(e.message).toContain('use padding 1 (gives 3)');
    expect(e.message).toContain('use stride 1 (gives 5) or 2 (gives 3)');
  });

  it('a 3x3 stride-2 kernel on 1x9x8 fits the height (4) but not the width (3.5): "along the width"', () => {
    expect(specError(model([1, 9, 8], { type: 'conv2d', filters: 1, kernel: 3, stride: 2 })).message).toContain(
      'along the width',
    );
  });

  it('an 11x11 kernel on 1x7x7 is larger than the input', () => {
    const e = specError(model([1, 7, 7], { type: 'conv2d', filters: 1, kernel: 11 }));
    expect(e.message).toContain('is larger than the padded input');
  });

  it('maxpool 2x2 on 1x7x7 does not fit (3.5) and suggests padding same (gives 4)', () => {
    const e = specError(model([1, 7, 7], { type: 'maxpool', size: 2 }));
    expect(e.message).toContain('Layer 1 (maxpool_1): the 2x2 window does not fit');
    expect(e.message).toContain("padding 'same' (gives 4, 0 before and 1 after)");
  });

  it('maxpool 2x2 with padding 2 on 1x6x6 would have windows of pure padding', () => {
    expect(specError(model([1, 6, 6], { type: 'maxpool', size: 2, padding: 2 })).message).toContain('use at most 1');
  });

  it('the first layer must be an input layer', () => {
    const e = specError({ layers: [{ type: 'dense', units: 3 }] });
    expect(e.layerIndex).toBe(0);
    expect(e.message).toContain('the first layer must be {"type": "input"');
  });

  it('only the first layer can be an input', () => {
    expect(specError(model([1, 4, 4], { type: 'input', shape: [1, 4, 4] })).layerIndex).toBe(1);
  });

  it('an empty spec or a layer that is not an object is a SpecError, not a crash', () => {
    expect(specError({ layers: [] }).message).toContain('non-empty list');
    expect(specError({ layers: [{ type: 'input', shape: [1, 2, 2] }, null] }).layerIndex).toBe(1);
    expect(specError(null).message).toContain('layers');
  });

  it('input shape [1, 0, 28] names the height', () => {
    expect(specError({ layers: [{ type: 'input', shape: [1, 0, 28] }] }).message).toContain('shape[1] (height)');
  });

  it('filters 0 and kernel 2.5 are rejected as not whole numbers ≥ 1', () => {
    expect(specError(model([1, 8, 8], { type: 'conv2d', filters: 0, kernel: 3 })).message).toContain(
      '"filters" must be a whole number',
    );
    expect(specError(model([1, 8, 8], { type: 'conv2d', filters: 2, kernel: 2.5 })).message).toContain(
      '"kernel" must be',
    );
  });

  it("padding 'full' is not a padding", () => {
    const bad = { type: 'conv2d', filters: 1, kernel: 3, padding: 'full' } as unknown as LayerSpec;
    expect(specError(model([1, 8, 8], bad)).message).toContain(`"padding" must be 'same', 'valid'`);
  });

  it('duplicate ids name both layers', () => {
    const e = specError(model([1, 4, 4], { type: 'flatten', id: 'x' }, { type: 'dense', id: 'x', units: 2 }));
    expect(e.message).toBe('Layer 2 (x): the id "x" is also used by layer 1; ids must be unique.');
  });

  it("an id equal to another layer's automatic name is reported on the named layer", () => {
    const e = specError(model([1, 4, 4], { type: 'flatten' }, { type: 'dense', id: 'flatten_1', units: 2 }));
    expect(e.layerIndex).toBe(2);
    expect(e.message).toContain('(its automatic name)');
  });

  it('an unknown id in input lists the layers above and guesses the typo', () => {
    const e = specError(model([1, 4, 4], { type: 'flatten', id: 'flat' }, { type: 'dense', units: 2, input: 'flta' }));
    expect(e.message).toContain('"input" names "flta", but no layer has that id. Did you mean "flat"?');
    expect(e.message).toContain('input_1, flat');
  });

  it('a forward reference in with is refused', () => {
    const e = specError(
      model([1, 4, 4], { type: 'add', with: 'later' }, { type: 'activation', id: 'later', kind: 'relu' }),
    );
    expect(e.message).toContain('which comes later; a layer can only read from layers above it');
  });

  it('add of 16x3x3 and 8x6x6 suggests a 1x1 stride-2 projection of the shortcut', () => {
    const e = specError(
      model(
        [8, 6, 6],
        { type: 'conv2d', filters: 16, kernel: 3, stride: 2, padding: 'same' },
        { type: 'add', with: 'input_1' },
      ),
    );
    expect(e.layerId).toBe('add_1');
    expect(e.message).toContain('cannot add [8, 6, 6]');
    expect(e.message).toContain('"input": "input_1", "filters": 16, "kernel": 1, "stride": 2, "padding": "same"');
  });

  it('add without with is refused', () => {
    const bad = { type: 'add' } as unknown as LayerSpec;
    expect(specError(model([1, 4, 4], bad)).message).toContain('needs "with"');
  });

  it('groups 5 on 96 channels and 256 filters lists the groups that divide both', () => {
    const e = specError(model([96, 27, 27], { type: 'conv2d', filters: 256, kernel: 5, padding: 2, groups: 5 }));
    expect(e.message).toContain('1, 2, 4, 8, 16, 32');
  });

  it('groups 3 on 6 channels but 4 filters is refused because of the filters', () => {
    expect(specError(model([6, 5, 5], { type: 'conv2d', filters: 4, kernel: 3, groups: 3 })).message).toContain(
      'the 4 filters',
    );
  });

  it('dense on a 16x5x5 input says to add a flatten layer (400 features)', () => {
    const e = specError(model([16, 5, 5], { type: 'dense', units: 10 }));
    expect(e.message).toContain('Add a flatten layer before it (giving 400 features)');
  });

  it('conv2d on a [120] vector says it must come before flatten or dense', () => {
    expect(
      specError(model([120, 1, 1], { type: 'flatten' }, { type: 'conv2d', filters: 1, kernel: 1 })).message,
    ).toContain('Put it before any flatten');
  });

  it('globalavgpool on a vector and softmax on 10x4x4 are refused', () => {
    expect(specError(model([4, 2, 2], { type: 'flatten' }, { type: 'globalavgpool' })).layerIndex).toBe(2);
    expect(specError(model([10, 4, 4], { type: 'softmax' })).message).toContain('Add a flatten');
  });

  it('dropout rate must be in [0, 1): 1 and -0.1 are refused', () => {
    expect(specError(model([1, 4, 4], { type: 'dropout', rate: 1 })).message).toContain('below 1');
    expect(specError(model([1, 4, 4], { type: 'dropout', rate: -0.1 })).layerId).toBe('dropout_1');
  });

  it('batchnorm epsilon 0 and an unknown activation kind are refused', () => {
    expect(specError(model([1, 4, 4], { type: 'batchnorm', epsilon: 0 })).message).toContain('"epsilon"');
    const bad = { type: 'activation', kind: 'swish' } as unknown as LayerSpec;
    expect(specError(model([1, 4, 4], bad)).message).toContain('unknown activation kind');
  });
});

describe('validateSpec', () => {
  it('returns null for a valid 1x28x28 flatten-dense spec', () => {
    expect(validateSpec(model([1, 28, 28], { type: 'flatten' }, { type: 'dense', units: 10 }))).toBeNull();
  });

  it('returns the SpecError instead of throwing', () => {
    const e = validateSpec(model([16, 5, 5], { type: 'dense', units: 10 }));
    expect(e).toBeInstanceOf(SpecError);
    expect(e?.layerIndex).toBe(1);
  });
});
