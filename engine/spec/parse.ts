/**
 * parseSpecJson: user JSON (pasted, loaded from a file or a URL) to a ModelSpec, checking at
 * runtime what TypeScript checks at compile time: known layer types, known fields, JSON kinds.
 * Every problem is a SpecError naming the layer. Shapes and value ranges are summarize's job.
 */

import { SpecError } from './errors';
import {
  ACTIVATION_KINDS,
  COMMON_FIELDS,
  closestWord,
  type FieldKind,
  type FieldRule,
  isActivationKind,
  isLayerType,
  LAYER_FIELDS,
  LAYER_TYPES,
} from './schema';
import type { ModelSpec } from './types';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array ${JSON.stringify(value)}`;
  if (typeof value === 'string') return `the text "${value}"`;
  if (isObject(value)) return 'an object';
  return `${typeof value} ${String(value)}`;
}

const isNumber = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const isPair = (v: unknown): boolean => Array.isArray(v) && v.length === 2 && v.every(isNumber);

const KIND_CHECKS: Record<FieldKind, { readonly test: (v: unknown) => boolean; readonly expected: string }> = {
  number: { test: isNumber, expected: 'a number' },
  string: { test: (v) => typeof v === 'string' && v.length > 0, expected: 'a non-empty text' },
  strings: {
    test: (v) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0),
    expected: 'a list of layer ids, e.g. ["branch_a", "branch_b"]',
  },
  boolean: { test: (v) => typeof v === 'boolean', expected: 'true or false' },
  size2: { test: (v) => isNumber(v) || isPair(v), expected: 'a number or [height, width]' },
  padding: {
    test: (v) => v === 'same' || v === 'valid' || isNumber(v) || isPair(v),
    expected: `'same', 'valid', a number of pixels or [height, width]`,
  },
  activation: { test: isActivationKind, expected: `one of ${ACTIVATION_KINDS.map((k) => `'${k}'`).join(', ')}` },
  shape3: {
    test: (v) => Array.isArray(v) && v.length === 3 && v.every(isNumber),
    expected: '[channels, height, width], e.g. [1, 28, 28]',
  },
};

function checkType(raw: unknown, index: number, id: string | null): string {
  if (typeof raw !== 'string') {
    throw new SpecError(`"type" must be the layer type as text (got ${describeValue(raw)}).`, index, id);
  }
  if (isLayerType(raw)) return raw;
  if (isActivationKind(raw)) {
    throw new SpecError(`there is no "${raw}" layer type; write {"type": "activation", "kind": "${raw}"}.`, index, id);
  }
  const guess = closestWord(raw, LAYER_TYPES);
  const hint = guess ? ` Did you mean "${guess}"?` : '';
  throw new SpecError(`unknown layer type "${raw}".${hint} Known types: ${LAYER_TYPES.join(', ')}.`, index, id);
}

function checkLayer(raw: unknown, index: number, ordinals: Map<string, number>): void {
  if (!isObject(raw))
    throw new SpecError(`each layer must be an object with a "type" (got ${describeValue(raw)}).`, index);
  const givenId = typeof raw.id === 'string' ? raw.id : null;
  const type = checkType(raw.type, index, givenId);
  const ordinal = (ordinals.get(type) ?? 0) + 1;
  ordinals.set(type, ordinal);
  const id = givenId ?? `${type}_${ordinal}`;
  const fields: Record<string, FieldRule> = { ...COMMON_FIELDS, ...LAYER_FIELDS[type as keyof typeof LAYER_FIELDS] };
  for (const [name, value] of Object.entries(raw)) {
    const rule = fields[name];
    if (rule === undefined) {
      const known = Object.keys(fields);
      const guess = closestWord(name, known);
      const hint = guess ? ` Did you mean "${guess}"?` : '';
      throw new SpecError(`a ${type} layer has no field "${name}".${hint} Its fields: ${known.join(', ')}.`, index, id);
    }
    const check = KIND_CHECKS[rule.kind];
    if (!check.test(value)) {
      throw new SpecError(`"${name}" must be ${check.expected} (got ${describeValue(value)}).`, index, id);
    }
  }
  for (const [name, rule] of Object.entries(fields)) {
    if (rule.required && !(name in raw)) {
      throw new SpecError(`a ${type} layer needs "${name}": ${KIND_CHECKS[rule.kind].expected}.`, index, id);
    }
  }
}

/** Checks an already-parsed value (e.g. from a URL or a saved file) and returns it as a ModelSpec. */
export function checkSpecObject(value: unknown): ModelSpec {
  if (!isObject(value)) {
    throw new SpecError(`a model spec is an object like {"layers": [...]} (got ${describeValue(value)}).`);
  }
  if (value.name !== undefined && typeof value.name !== 'string') {
    throw new SpecError(`"name" must be text (got ${describeValue(value.name)}).`);
  }
  const layers = value.layers;
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new SpecError(`a model spec needs "layers": a non-empty list starting with an input layer.`);
  }
  const ordinals = new Map<string, number>();
  layers.forEach((layer, index) => {
    checkLayer(layer, index, ordinals);
  });
  // Every layer now has a known type and fields of the right JSON kinds, which is what ModelSpec promises.
  return value as unknown as ModelSpec;
}

/** Parses JSON text into a ModelSpec; malformed JSON or layers become a SpecError. */
export function parseSpecJson(text: string): ModelSpec {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new SpecError(`this is not valid JSON: ${why}`);
  }
  return checkSpecObject(value);
}
