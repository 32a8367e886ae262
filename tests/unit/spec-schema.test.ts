/**
 * docs/model-spec.schema.json (JSON Schema 2020-12) against ConvLab's own spec checks: every preset
 * validates, and specs that ConvLab refuses for their form or limits are refused by the schema too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { parseSpecJson, validateSpec } from '../../engine/spec';
import { SPEC_LIMITS } from '../../engine/spec/limits';
import { PRESETS } from '../../engine/spec/presets';
import { LAYER_FIELDS } from '../../engine/spec/schema';

const schema = JSON.parse(readFileSync(resolve(process.cwd(), 'docs/model-spec.schema.json'), 'utf8'));
// strictTuples off: "layers" is a tuple with an open tail (the input layer, then any layers), valid 2020-12.
const validate = new Ajv2020({ strict: true, strictTuples: false, allErrors: true }).compile(schema);

/** Whether ConvLab's parser and summary accept the spec (JSON text in, as a file or paste would be). */
function convlabAccepts(spec: unknown): boolean {
  try {
    return validateSpec(parseSpecJson(JSON.stringify(spec))) === null;
  } catch {
    return false;
  }
}

const input = { type: 'input', shape: [1, 8, 8] };

describe('the JSON Schema of the model spec', () => {
  for (const [key, preset] of Object.entries(PRESETS)) {
    it(`accepts preset ${key}`, () => {
      expect(validate(JSON.parse(JSON.stringify(preset.spec))), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  const bad: [string, unknown][] = [
    ['no layers', { name: 'x' }],
    ['an input layer that is not first', { layers: [{ type: 'flatten' }, input] }],
    ['two input layers', { layers: [input, input] }],
    ['an unknown layer type', { layers: [input, { type: 'conv3d', filters: 2, kernel: 3 }] }],
    ['a misspelt field', { layers: [input, { type: 'conv2d', filters: 2, kernal: 3 }] }],
    ['a kernel of 0', { layers: [input, { type: 'conv2d', filters: 2, kernel: 0 }] }],
    ['a kernel over the spatial limit', { layers: [input, { type: 'conv2d', filters: 2, kernel: 4097 }] }],
    ['fractional filters', { layers: [input, { type: 'conv2d', filters: 2.5, kernel: 3 }] }],
    ['padding "full"', { layers: [input, { type: 'maxpool', size: 2, padding: 'full' }] }],
    ['a dropout rate of 1', { layers: [input, { type: 'dropout', rate: 1 }] }],
    ['an unknown activation', { layers: [input, { type: 'activation', kind: 'gelu' }] }],
    ['a concat of one layer', { layers: [input, { type: 'concat', inputs: ['input_1'] }] }],
    ['an lrn with k = 0', { layers: [input, { type: 'lrn', k: 0 }] }],
    ['an input shape of two numbers', { layers: [{ type: 'input', shape: [8, 8] }] }],
    ['an id over 100 characters', { layers: [{ ...input, id: 'x'.repeat(101) }] }],
  ];
  for (const [what, spec] of bad) {
    it(`refuses ${what}, as ConvLab does`, () => {
      expect(validate(spec)).toBe(false);
      expect(convlabAccepts(spec)).toBe(false);
    });
  }

  it('states the limits of engine/spec/limits.ts', () => {
    const defs = schema.$defs;
    expect(schema.properties.layers.maxItems).toBe(SPEC_LIMITS.layers);
    expect(schema.properties.name.maxLength).toBe(SPEC_LIMITS.nameLength);
    expect(defs.layerId.maxLength).toBe(SPEC_LIMITS.idLength);
    expect(defs.spatialSize.maximum).toBe(SPEC_LIMITS.spatial);
    expect(defs.channelCount.maximum).toBe(SPEC_LIMITS.channels);
    expect(defs.concatLayer.properties.inputs.maxItems).toBe(SPEC_LIMITS.concatInputs);
  });

  it("lists exactly engine/spec/schema.ts's fields for every layer type", () => {
    const byType = new Map<string, string[]>();
    byType.set('input', Object.keys(schema.$defs.inputLayer.properties));
    for (const ref of schema.$defs.layer.oneOf as { $ref: string }[]) {
      const def = schema.$defs[ref.$ref.split('/').pop()!];
      const types: string[] = def.properties.type.enum ?? [def.properties.type.const];
      for (const t of types) byType.set(t, Object.keys(def.properties));
    }
    for (const [type, fields] of Object.entries(LAYER_FIELDS)) {
      // concat reads only its inputs, so it has no "input" (ConvLab refuses one there too).
      const common = type === 'concat' ? ['type', 'id', 'trainable'] : ['type', 'id', 'input', 'trainable'];
      expect(byType.get(type)?.sort(), type).toEqual([...common, ...Object.keys(fields)].sort());
    }
  });
});
