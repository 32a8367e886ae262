/**
 * parseSpecJson: user JSON (pasted, loaded from a file or a URL) to a ModelSpec, checking at
 * runtime what TypeScript checks at compile time: known layer types, known fields, JSON kinds.
 * Every problem is a SpecError naming the layer. Shapes and value ranges are summarize's job.
 */

import { SpecError } from './errors';
import { jsonSyntaxProblem } from './json-syntax';
import { jsonTextDepth, SPEC_LIMITS, valueWithinDepth } from './limits';
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

/** Shortens user text for a message: a 1 MB id is quoted by its start, not whole. */
export function quoted(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…" (${text.length} characters)` : `${text}"`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const json = JSON.stringify(value);
    return json.length > 60 ? `an array of ${value.length}` : `an array ${json}`;
  }
  if (typeof value === 'string') return `the text "${quoted(value)}`;
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
  if (raw === undefined) {
    throw new SpecError(`a layer needs "type": the layer type as text, e.g. "conv2d".`, index, id);
  }
  if (typeof raw !== 'string') {
    throw new SpecError(`"type" must be the layer type as text (got ${describeValue(raw)}).`, index, id);
  }
  if (isLayerType(raw)) return raw;
  if (isActivationKind(raw)) {
    throw new SpecError(`there is no "${raw}" layer type; write {"type": "activation", "kind": "${raw}"}.`, index, id);
  }
  const guess = closestWord(raw, LAYER_TYPES);
  const hint = guess ? ` Did you mean "${guess}"?` : '';
  throw new SpecError(`unknown layer type "${quoted(raw)}.${hint} Known types: ${LAYER_TYPES.join(', ')}.`, index, id);
}

function checkLayer(raw: unknown, index: number, ordinals: Map<string, number>): void {
  if (!isObject(raw))
    throw new SpecError(`each layer must be an object with a "type" (got ${describeValue(raw)}).`, index);
  if (typeof raw.id === 'string' && raw.id.length > SPEC_LIMITS.idLength) {
    throw new SpecError(
      `"id" is ${raw.id.length} characters long; ids are at most ${SPEC_LIMITS.idLength} characters.`,
      index,
    );
  }
  const givenId = typeof raw.id === 'string' ? raw.id : null;
  const type = checkType(raw.type, index, givenId);
  const ordinal = (ordinals.get(type) ?? 0) + 1;
  ordinals.set(type, ordinal);
  const id = givenId ?? `${type}_${ordinal}`;
  const fields: Record<string, FieldRule> = { ...COMMON_FIELDS, ...LAYER_FIELDS[type as keyof typeof LAYER_FIELDS] };
  for (const [name, value] of Object.entries(raw)) {
    // Own properties only: a field named "__proto__" or "toString" must not find Object.prototype's.
    const rule = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (rule === undefined) {
      const known = Object.keys(fields);
      const guess = closestWord(name, known);
      const hint = guess ? ` Did you mean "${guess}"?` : '';
      throw new SpecError(
        `a ${type} layer has no field "${quoted(name)}.${hint} Its fields: ${known.join(', ')}.`,
        index,
        id,
      );
    }
    const check = KIND_CHECKS[rule.kind];
    if (!check.test(value)) {
      throw new SpecError(`"${name}" must be ${check.expected} (got ${describeValue(value)}).`, index, id);
    }
    checkTextLength(name, value, index, id);
  }
  for (const [name, rule] of Object.entries(fields)) {
    if (rule.required && !Object.hasOwn(raw, name)) {
      throw new SpecError(`a ${type} layer needs "${name}": ${KIND_CHECKS[rule.kind].expected}.`, index, id);
    }
  }
}

/** Ids and references are short names; a 1 MB one is refused before any lookup or hint uses it. */
function checkTextLength(name: string, value: unknown, index: number, id: string): void {
  const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  if (name === 'inputs' && texts.length > SPEC_LIMITS.concatInputs) {
    throw new SpecError(
      `"inputs" lists ${texts.length} layers; a concat joins at most ${SPEC_LIMITS.concatInputs}.`,
      index,
      id,
    );
  }
  const long = texts.find((t): t is string => typeof t === 'string' && t.length > SPEC_LIMITS.idLength);
  if (long !== undefined) {
    throw new SpecError(
      `"${name}" names a layer id of ${long.length} characters; ids are at most ${SPEC_LIMITS.idLength} characters.`,
      index,
      id,
    );
  }
}

/** Checks an already-parsed value (e.g. from a URL or a saved file) and returns it as a ModelSpec. */
export function checkSpecObject(value: unknown): ModelSpec {
  if (!isObject(value)) {
    throw new SpecError(`a model spec is an object like {"layers": [...]} (got ${describeValue(value)}).`);
  }
  if (!valueWithinDepth(value)) {
    throw new SpecError(
      `the spec nests lists and objects more than ${SPEC_LIMITS.jsonDepth} levels deep; a model spec needs only 4 (model, layers, layer, shape).`,
    );
  }
  if (value.name !== undefined && typeof value.name !== 'string') {
    throw new SpecError(`"name" must be text (got ${describeValue(value.name)}).`);
  }
  if (typeof value.name === 'string' && value.name.length > SPEC_LIMITS.nameLength) {
    throw new SpecError(`"name" is ${value.name.length} characters long; a name is at most ${SPEC_LIMITS.nameLength}.`);
  }
  const layers = value.layers;
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new SpecError(`a model spec needs "layers": a non-empty list starting with an input layer.`);
  }
  if (layers.length > SPEC_LIMITS.layers) {
    throw new SpecError(
      `the spec has ${layers.length} layers; ConvLab reads at most ${SPEC_LIMITS.layers} (DenseNet-121 has 427).`,
    );
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
  if (text.length > SPEC_LIMITS.jsonChars) {
    throw new SpecError(
      `this spec is ${text.length} characters long; ConvLab reads specs of at most ${SPEC_LIMITS.jsonChars}.`,
    );
  }
  if (jsonTextDepth(text) > SPEC_LIMITS.jsonDepth) {
    throw new SpecError(
      `the spec nests lists and objects more than ${SPEC_LIMITS.jsonDepth} levels deep; a model spec needs only 4 (model, layers, layer, shape).`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's own message differs per browser and reads as engine internals; say where, in words.
    const problem = jsonSyntaxProblem(text);
    throw new SpecError(`this is not valid JSON: ${problem ? `${problem.message}.` : 'it could not be read.'}`);
  }
  return checkSpecObject(value);
}
