/**
 * The studio's hyperparameters as a typed table: each setting's short key for share links, how to
 * check a value read from a file and how to parse one typed into a URL, and a sentence saying what
 * is allowed. The share link and the model file both validate through it, so a value the form
 * would refuse never gets in by another door. The limits are the form's (HyperPanel.tsx).
 */
import type { OptimizerKind } from '../../../engine/train/optimizers';
import type { ScheduleKind } from '../../../engine/train/schedules';
import type { StudioHyper, StudioInit } from '../../stores/studio';
import { shownText, shownValue } from './shown';

export type HyperKey = keyof StudioHyper;

export interface HyperSetting<K extends HyperKey = HyperKey> {
  readonly key: K;
  /** The query key in a share link. */
  readonly short: string;
  /** What a valid value is, in words (completes "must be …"). */
  readonly expected: string;
  /** The value if `value` (from JSON) is valid, else undefined. */
  check(value: unknown): StudioHyper[K] | undefined;
  /** The value if `text` (from a URL) is valid, else undefined. */
  parse(text: string): StudioHyper[K] | undefined;
  format(value: StudioHyper[K]): string;
}

const OPTIMIZERS: readonly OptimizerKind[] = ['sgd', 'momentum', 'adam'];
const SCHEDULES: readonly ScheduleKind[] = ['constant', 'step', 'exponential', 'cosine'];
const INITS: readonly StudioInit[] = ['he', 'xavier', 'normal'];

function numberSetting<K extends HyperKey>(
  key: K,
  short: string,
  min: number,
  max: number,
  integer: boolean,
): HyperSetting<K> {
  const check = (value: unknown): StudioHyper[K] | undefined => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
    if (value < min || value > max || (integer && !Number.isInteger(value))) return undefined;
    return value as StudioHyper[K];
  };
  return {
    key,
    short,
    expected: `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`,
    check,
    // Number('') is 0 and Number(' 1 ') is 1: accept only what looks like a number.
    parse: (text) => (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? check(Number(text)) : undefined),
    format: (value) => String(value),
  };
}

function choiceSetting<K extends HyperKey>(key: K, short: string, values: readonly string[]): HyperSetting<K> {
  const check = (value: unknown): StudioHyper[K] | undefined =>
    typeof value === 'string' && values.includes(value) ? (value as StudioHyper[K]) : undefined;
  return {
    key,
    short,
    expected: `one of ${values.join(', ')}`,
    check,
    parse: check,
    format: (value) => String(value),
  };
}

function flagSetting<K extends HyperKey>(key: K, short: string): HyperSetting<K> {
  return {
    key,
    short,
    expected: '1 (on) or 0 (off)',
    check: (value) => (typeof value === 'boolean' ? (value as StudioHyper[K]) : undefined),
    parse: (text) => (text === '1' ? (true as StudioHyper[K]) : text === '0' ? (false as StudioHyper[K]) : undefined),
    format: (value) => (value ? '1' : '0'),
  };
}

/** Every hyperparameter, in the form's order. The short keys are part of the share-link format. */
export const HYPER_SETTINGS: readonly HyperSetting[] = [
  choiceSetting('optimizer', 'opt', OPTIMIZERS),
  numberSetting('learningRate', 'lr', 1e-6, 10, false),
  choiceSetting('schedule', 'sched', SCHEDULES),
  numberSetting('batchSize', 'bs', 1, 1024, true),
  numberSetting('epochs', 'ep', 1, 100, true),
  numberSetting('l2', 'l2', 0, 1, false),
  numberSetting('seed', 'seed', 0, 2 ** 31, true),
  choiceSetting('init', 'init', INITS),
  flagSetting('flip', 'flip'),
  flagSetting('crop', 'crop'),
  flagSetting('jitter', 'jit'),
] as readonly HyperSetting[];

/** Human names for messages. */
export const HYPER_LABELS: Readonly<Record<HyperKey, string>> = {
  optimizer: 'optimiser',
  learningRate: 'learning rate',
  schedule: 'schedule',
  batchSize: 'batch size',
  epochs: 'epochs',
  l2: 'L2 penalty',
  seed: 'seed',
  init: 'weight initialisation',
  flip: 'mirror augmentation',
  crop: 'shift augmentation',
  jitter: 'jitter augmentation',
};

/**
 * Strictly checks a hyperparameter object read from a file: every setting present and valid, no
 * others. Returns the object, or the first problem in words.
 */
export function checkHyper(value: unknown): { ok: true; hyper: StudioHyper } | { ok: false; problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'the hyperparameters are missing' };
  }
  const raw = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const s of HYPER_SETTINGS) {
    if (!(s.key in raw)) return { ok: false, problem: `the ${HYPER_LABELS[s.key]} ("${s.key}") is missing` };
    const v = s.check(raw[s.key]);
    if (v === undefined) {
      return {
        ok: false,
        problem: `the ${HYPER_LABELS[s.key]} ("${s.key}") must be ${s.expected}, not ${shownValue(raw[s.key])}`,
      };
    }
    out[s.key] = v;
  }
  const extra = Object.keys(raw).find((k) => !HYPER_SETTINGS.some((s) => s.key === k));
  if (extra !== undefined) return { ok: false, problem: `"${shownText(extra)}" is not a hyperparameter ConvLab knows` };
  return { ok: true, hyper: out as unknown as StudioHyper };
}
