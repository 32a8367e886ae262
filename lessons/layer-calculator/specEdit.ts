/**
 * Editing a model spec row by row. Which fields each layer type shows in the calculator, the
 * default layer a type change starts from, how a field's text becomes a JSON value ("3" -> 3,
 * "3,1" -> [3, 1], "same" stays text) and back, and the pure list edits (replace, move, remove,
 * insert). The edited spec is validated by the engine, never here: a half-typed value is passed
 * on as text so parse/summarize can name the layer and say what is wrong.
 */
import type { LayerSpec, LayerType, ModelSpec } from '../../engine/spec';

export const EDITABLE_FIELDS: Readonly<Record<LayerType, readonly string[]>> = {
  input: ['shape'],
  conv2d: ['filters', 'kernel', 'stride', 'padding', 'dilation', 'groups'],
  maxpool: ['size', 'stride', 'padding'],
  avgpool: ['size', 'stride', 'padding'],
  globalavgpool: [],
  flatten: [],
  dense: ['units'],
  activation: ['kind'],
  dropout: ['rate'],
  batchnorm: [],
  add: ['with'],
  concat: ['inputs'],
  lrn: ['size', 'k', 'alpha', 'beta'],
  softmax: [],
};

export const DEFAULT_LAYER: Readonly<Record<LayerType, LayerSpec>> = {
  input: { type: 'input', shape: [1, 28, 28] },
  conv2d: { type: 'conv2d', filters: 16, kernel: 3, padding: 1 },
  maxpool: { type: 'maxpool', size: 2 },
  avgpool: { type: 'avgpool', size: 2 },
  globalavgpool: { type: 'globalavgpool' },
  flatten: { type: 'flatten' },
  dense: { type: 'dense', units: 10 },
  activation: { type: 'activation', kind: 'relu' },
  dropout: { type: 'dropout', rate: 0.5 },
  batchnorm: { type: 'batchnorm' },
  add: { type: 'add', with: '' },
  concat: { type: 'concat', inputs: [] },
  lrn: { type: 'lrn' },
  softmax: { type: 'softmax' },
};

/** A field's value as the row shows it: numbers plain, pairs and shapes comma-separated. */
export function fieldText(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/**
 * Text typed in a field to the JSON value it stands for; undefined clears an optional field. A
 * concat's "inputs" is always a list of ids ("a, b" -> ["a", "b"]).
 */
export function parseField(text: string, field?: string): unknown {
  const t = text.trim();
  if (field === 'inputs') return t.split(/[\s,]+/).filter(Boolean);
  if (t === '') return undefined;
  const parts = t.split(/[\s,x×]+/).filter(Boolean);
  const nums = parts.map(Number);
  if (parts.length > 1 && nums.every(Number.isFinite)) return nums;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** The layer with `field` set (or removed when the value is undefined). */
export function withField(layer: LayerSpec, field: string, value: unknown): LayerSpec {
  const next: Record<string, unknown> = { ...layer };
  if (value === undefined) delete next[field];
  else next[field] = value;
  // The calculator hands every edit to the engine's validators; the runtime shape may be invalid on purpose.
  return next as unknown as LayerSpec;
}

/** A fresh layer of `type`, keeping the old layer's id and input so references still resolve. */
export function retype(layer: LayerSpec, type: LayerType): LayerSpec {
  const base: Record<string, unknown> = { ...DEFAULT_LAYER[type] };
  if (layer.id !== undefined) base.id = layer.id;
  if (layer.input !== undefined) base.input = layer.input;
  return base as unknown as LayerSpec;
}

export type LayerEdit =
  | { readonly kind: 'set'; readonly index: number; readonly layer: LayerSpec }
  | { readonly kind: 'move'; readonly index: number; readonly by: -1 | 1 }
  | { readonly kind: 'remove'; readonly index: number }
  | { readonly kind: 'add'; readonly layer: LayerSpec };

export function applyEdit(spec: ModelSpec, edit: LayerEdit): ModelSpec {
  const layers = [...spec.layers];
  switch (edit.kind) {
    case 'set':
      layers[edit.index] = edit.layer;
      break;
    case 'move': {
      const to = edit.index + edit.by;
      if (to < 0 || to >= layers.length) return spec;
      [layers[edit.index], layers[to]] = [layers[to]!, layers[edit.index]!];
      break;
    }
    case 'remove':
      layers.splice(edit.index, 1);
      break;
    case 'add':
      layers.push(edit.layer);
      break;
  }
  return { ...spec, layers };
}

/** JSON with one layer per line: readable, and short enough to scroll for ResNet-18. */
export function formatSpec(spec: ModelSpec): string {
  const head = spec.name === undefined ? '' : `  "name": ${JSON.stringify(spec.name)},\n`;
  const rows = spec.layers.map((l) => `    ${JSON.stringify(l)}`).join(',\n');
  return `{\n${head}  "layers": [\n${rows}\n  ]\n}`;
}
