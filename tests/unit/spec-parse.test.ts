import { describe, expect, it } from 'vitest';
import { checkSpecObject, getPreset, parseSpecJson, SpecError, summarize } from '../../engine/spec';

function parseError(text: string): SpecError {
  try {
    parseSpecJson(text);
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('expected a SpecError');
}

const json = (layers: unknown[]): string =>
  JSON.stringify({ layers: [{ type: 'input', shape: [1, 28, 28] }, ...layers] });

describe('parseSpecJson', () => {
  it('round-trips lecture-mnist: JSON.stringify then parse summarizes to 19,880 params', () => {
    const spec = parseSpecJson(JSON.stringify(getPreset('lecture-mnist').spec));
    expect(summarize(spec).totalParams).toBe(19880);
  });

  it('malformed JSON is a SpecError saying it is not valid JSON', () => {
    const e = parseError('{"layers": [');
    expect(e.message).toContain('not valid JSON');
    expect(e.layerIndex).toBeNull();
  });

  it('a top-level array, a missing layers list and an empty one are refused', () => {
    expect(parseError('[1, 2]').message).toContain('is an object like');
    expect(parseError('{"name": "x"}').message).toContain('needs "layers"');
    expect(parseError('{"layers": []}').message).toContain('non-empty');
    expect(parseError('{"name": 3, "layers": []}').message).toContain('"name" must be text');
  });

  it('a layer that is not an object names its index', () => {
    expect(parseError(json([42])).layerIndex).toBe(1);
  });

  it('unknown type "conv" suggests "conv2d" and lists the known types', () => {
    const e = parseError(json([{ type: 'conv', filters: 2, kernel: 3 }]));
    expect(e.message).toContain('unknown layer type "conv". Did you mean "conv2d"?');
    expect(e.message).toContain('Known types: input, conv2d');
  });

  it('type "relu" explains that activations are an activation layer', () => {
    expect(parseError(json([{ type: 'relu' }])).message).toContain('{"type": "activation", "kind": "relu"}');
  });

  it('filters "10" (text) is refused on Layer 1 (conv2d_1)', () => {
    const e = parseError(json([{ type: 'conv2d', filters: '10', kernel: 5 }]));
    expect(e.message).toBe('Layer 1 (conv2d_1): "filters" must be a number (got the text "10").');
  });

  it('a misspelt field "filter" suggests "filters"', () => {
    expect(parseError(json([{ type: 'conv2d', filter: 10, kernel: 5 }])).message).toContain(
      'no field "filter". Did you mean "filters"?',
    );
  });

  it('a missing required field (dense without units) is named', () => {
    const e = parseError(json([{ type: 'flatten' }, { type: 'dense', id: 'out' }]));
    expect(e.message).toBe('Layer 2 (out): a dense layer needs "units": a number.');
  });

  it('kernel [3, 3, 3], padding true and activation "swish" are wrong JSON kinds', () => {
    expect(parseError(json([{ type: 'conv2d', filters: 1, kernel: [3, 3, 3] }])).message).toContain('[height, width]');
    expect(parseError(json([{ type: 'conv2d', filters: 1, kernel: 3, padding: true }])).message).toContain("'same'");
    expect(parseError(json([{ type: 'dense', units: 1, activation: 'swish' }])).message).toContain("'relu'");
  });

  it('input shape [28, 28] is refused with an example', () => {
    expect(parseError('{"layers": [{"type": "input", "shape": [28, 28]}]}').message).toContain('[1, 28, 28]');
  });

  it('checkSpecObject accepts an already-parsed residual spec unchanged', () => {
    const value = {
      layers: [
        { type: 'input', shape: [2, 4, 4] },
        { type: 'activation', kind: 'relu' },
        { type: 'add', with: 'input_1' },
      ],
    };
    expect(checkSpecObject(value)).toBe(value);
  });
});
