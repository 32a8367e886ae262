/**
 * The spec's vocabulary as data: every layer type, its fields and their JSON kinds. parse.ts uses
 * it to check user JSON at runtime; the docs and the UI's layer editor can list it. Values (is a
 * number positive, whole, in range) are checked by summarize, which also sees TypeScript callers.
 */

import { SUGGEST_MAX_LENGTH } from './limits';
import type { ActivationKind, LayerType } from './types';

/** JSON kind of a field: 'size2' is a number or [height, width]; 'padding' adds 'same' and 'valid'. */
export type FieldKind = 'number' | 'string' | 'strings' | 'boolean' | 'size2' | 'padding' | 'activation' | 'shape3';

export interface FieldRule {
  readonly kind: FieldKind;
  readonly required: boolean;
}

const req = (kind: FieldKind): FieldRule => ({ kind, required: true });
const opt = (kind: FieldKind): FieldRule => ({ kind, required: false });

export const ACTIVATION_KINDS: readonly ActivationKind[] = ['relu', 'leakyRelu', 'sigmoid', 'tanh', 'elu', 'softplus'];

/** Fields every layer may have. */
export const COMMON_FIELDS: Readonly<Record<string, FieldRule>> = {
  type: req('string'),
  id: opt('string'),
  input: opt('string'),
  trainable: opt('boolean'),
};

export const LAYER_FIELDS: Readonly<Record<LayerType, Readonly<Record<string, FieldRule>>>> = {
  input: { shape: req('shape3') },
  conv2d: {
    filters: req('number'),
    kernel: req('size2'),
    stride: opt('size2'),
    padding: opt('padding'),
    dilation: opt('size2'),
    groups: opt('number'),
    bias: opt('boolean'),
    activation: opt('activation'),
  },
  maxpool: { size: req('size2'), stride: opt('size2'), padding: opt('padding') },
  avgpool: { size: req('size2'), stride: opt('size2'), padding: opt('padding') },
  globalavgpool: {},
  flatten: {},
  dense: { units: req('number'), bias: opt('boolean'), activation: opt('activation') },
  activation: { kind: req('activation'), alpha: opt('number') },
  dropout: { rate: req('number') },
  batchnorm: { momentum: opt('number'), epsilon: opt('number') },
  add: { with: req('string') },
  concat: { inputs: req('strings') },
  lrn: { size: opt('number'), k: opt('number'), alpha: opt('number'), beta: opt('number') },
  softmax: {},
};

export const LAYER_TYPES: readonly LayerType[] = Object.keys(LAYER_FIELDS) as LayerType[];

export function isLayerType(value: string): value is LayerType {
  return Object.hasOwn(LAYER_FIELDS, value);
}

export function isActivationKind(value: unknown): value is ActivationKind {
  return typeof value === 'string' && (ACTIVATION_KINDS as readonly string[]).includes(value);
}

/** Edit distance, for "did you mean" hints on misspelt types and fields. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The closest known word within two edits (case-insensitive), or null. Words longer than
 * SUGGEST_MAX_LENGTH get no hint, and candidates more than two characters longer or shorter are
 * skipped (they cannot be within two edits), so the quadratic distance only ever runs on short words.
 */
export function closestWord(word: string, known: readonly string[]): string | null {
  if (word.length > SUGGEST_MAX_LENGTH) return null;
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
