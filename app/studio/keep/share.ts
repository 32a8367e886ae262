/**
 * Share links: the studio's set-up (dataset, architecture, hyperparameters) in the URL, so an
 * instructor can hand a class one link. The hash router's studio route takes a query:
 *
 *   #/studio?v=1&d=embedded-mnist&val=1000&m=lecture-mnist&opt=adam&lr=0.001&sched=constant&bs=32&ep=2&l2=0&seed=1&flip=0&crop=0&jit=0
 *
 * `m` names a preset when the architecture is one unchanged; otherwise `a` carries the spec as
 * base64url of its compact JSON. Hyperparameter keys come from hyperTable.ts. Decoding never
 * throws: what cannot be used (an unknown key, a value out of range, an architecture that does
 * not validate) is left out with a notice in words, and the rest still applies.
 * Format documented in docs/model-spec.md ("Share links").
 */
import {
  checkSpecObject,
  isSpecError,
  jsonTextDepth,
  type ModelSpec,
  PRESETS,
  SPEC_LIMITS,
  summarize,
} from '../../../engine/spec';
import type { DatasetChoice, StudioHyper } from '../../stores/studio';
import { fromBase64Url, toBase64Url } from '../../ui/base64url';
import { HYPER_LABELS, HYPER_SETTINGS } from './hyperTable';

export const SHARE_VERSION = 1;

export type SharedDataset = Exclude<DatasetChoice, 'files'>;

export interface ShareInput {
  readonly dataset: DatasetChoice;
  readonly validation: number;
  readonly presetKey: string | null;
  readonly draft: ModelSpec;
  readonly hyper: StudioHyper;
}

export interface SharedSetup {
  readonly dataset: SharedDataset | null;
  readonly validation: number | null;
  /** The preset the architecture came from when it is one unchanged. */
  readonly presetKey: string | null;
  readonly spec: ModelSpec | null;
  readonly hyper: Partial<StudioHyper>;
  /** What was ignored, and why, in sentences. Empty when everything applied. */
  readonly notices: readonly string[];
}

const DATASETS: readonly SharedDataset[] = ['embedded-mnist', 'mnist', 'cifar10'];
const DATASET_SHAPES: Readonly<Record<SharedDataset, string>> = {
  'embedded-mnist': '1,28,28',
  mnist: '1,28,28',
  cifar10: '3,32,32',
};
const MAX_VALIDATION = 20000;
/** A link must not make a browser tab build a model it cannot hold (VGG-16 has 138M). */
const MAX_SHARED_PARAMS = 20_000_000;
/** Characters of a link's query; checked before anything is decoded (a 20-layer custom model takes ~2,000). */
export const MAX_SHARE_QUERY_CHARS = 100_000;
/** Layers of a shared architecture (every trainable preset has fewer than 100). */
export const MAX_SHARED_LAYERS = 500;
/** Unknown keys named one by one in the notice; the rest are counted ("and 4,997 more"). */
export const MAX_LISTED_UNKNOWN_KEYS = 3;

// base64url of UTF-8 text lives in app/ui (the layer calculator's address uses it too).
export { fromBase64Url, toBase64Url };

// ---------------------------------------------------------------------------------------------

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The query string (without '?') that reproduces this set-up. */
export function encodeShare(input: ShareInput): string {
  const q = new URLSearchParams();
  q.set('v', String(SHARE_VERSION));
  // Dropped files cannot travel in a link; the receiver gets the dataset the model's shape implies.
  if (input.dataset !== 'files') q.set('d', input.dataset);
  q.set('val', String(input.validation));
  const preset = input.presetKey !== null && Object.hasOwn(PRESETS, input.presetKey) ? PRESETS[input.presetKey] : null;
  if (preset && sameJson(preset.spec, input.draft)) q.set('m', input.presetKey!);
  else q.set('a', toBase64Url(JSON.stringify(input.draft)));
  for (const s of HYPER_SETTINGS) q.set(s.short, s.format(input.hyper[s.key] as never));
  return q.toString();
}

/** A full link to the studio with this set-up: `base` is the page's address without its hash. */
export function shareUrl(base: string, input: ShareInput): string {
  return `${base.replace(/#.*$/, '')}#/studio?${encodeShare(input)}`;
}

/** The query of a studio hash ('#/studio?…'), or null when there is none. */
export function studioQuery(hash: string): string | null {
  const m = /^#?\/studio\/?\?(.*)$/s.exec(hash);
  return m && m[1]!.length > 0 ? m[1]! : null;
}

const shown = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Reads a share query. Never throws: anything unusable becomes a notice. */
export function decodeShare(query: string): SharedSetup {
  const notices: string[] = [];
  const nothing = (notice: string): SharedSetup => ({
    dataset: null,
    validation: null,
    presetKey: null,
    spec: null,
    hyper: {},
    notices: [notice],
  });
  // Size first: a link of megabytes is refused before it is split, decoded or parsed.
  if (query.length > MAX_SHARE_QUERY_CHARS) {
    return nothing(
      `Ignored the link: it is ${query.length.toLocaleString('en-US')} characters long, more than the ${MAX_SHARE_QUERY_CHARS.toLocaleString('en-US')} a ConvLab link can be.`,
    );
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return nothing('The link is not readable.');
  }
  const known = new Set(['v', 'd', 'val', 'm', 'a', ...HYPER_SETTINGS.map((s) => s.short)]);
  const unknown = [...new Set(params.keys())].filter((key) => !known.has(key));
  for (const key of unknown.slice(0, MAX_LISTED_UNKNOWN_KEYS)) {
    notices.push(`Ignored “${shown(key)}”: it is not a setting ConvLab knows.`);
  }
  if (unknown.length > MAX_LISTED_UNKNOWN_KEYS) {
    const more = unknown.length - MAX_LISTED_UNKNOWN_KEYS;
    notices.push(
      `… and ${more.toLocaleString('en-US')} more setting${more === 1 ? '' : 's'} ConvLab does not know, also ignored.`,
    );
  }

  const version = params.get('v');
  if (version !== null && version !== String(SHARE_VERSION)) {
    notices.push(
      /^\d+$/.test(version) && Number(version) > SHARE_VERSION
        ? `The link was made by a newer ConvLab (version ${shown(version)}); the settings this one knows were applied.`
        : `Ignored the link version “${shown(version)}”.`,
    );
  }

  // Architecture: a preset key or an encoded spec.
  let presetKey: string | null = null;
  let spec: ModelSpec | null = null;
  const m = params.get('m');
  const a = params.get('a');
  if (m !== null) {
    const preset = Object.hasOwn(PRESETS, m) ? PRESETS[m] : undefined;
    if (preset && preset.dataset !== 'imagenet') {
      presetKey = m;
      spec = preset.spec;
    } else {
      notices.push(
        preset
          ? `Ignored the model “${m}”: it is an ImageNet-sized network, too big to train here.`
          : `Ignored the model “${shown(m)}”: there is no preset by that name.`,
      );
    }
  } else if (a !== null) {
    const result = decodeSpec(a);
    if (typeof result === 'string') notices.push(`Ignored the shared architecture: ${result}`);
    else spec = result;
  }

  // Dataset: as given, else implied by the model's input; the model wins a disagreement.
  let dataset: SharedDataset | null = null;
  const d = params.get('d');
  if (d !== null) {
    if (DATASETS.includes(d as SharedDataset)) dataset = d as SharedDataset;
    else notices.push(`Ignored the dataset “${shown(d)}”: use one of ${DATASETS.join(', ')}.`);
  }
  if (spec) {
    const input = spec.layers[0]?.type === 'input' ? spec.layers[0].shape.join() : '';
    const fits = (choice: SharedDataset): boolean => DATASET_SHAPES[choice] === input;
    if (dataset && !fits(dataset)) {
      notices.push(
        `Ignored the dataset “${dataset}”: the shared model reads ${input.replace(/,/g, '×')} images. The dataset that fits was loaded instead.`,
      );
      dataset = null;
    }
    if (!dataset) {
      const implied = DATASETS.find(fits) ?? null;
      if (implied) dataset = implied;
      else {
        notices.push(
          `Ignored the shared architecture: it reads ${input.replace(/,/g, '×')} images, and no studio dataset has that shape.`,
        );
        spec = null;
        presetKey = null;
      }
    }
  }

  let validation: number | null = null;
  const val = params.get('val');
  if (val !== null) {
    const n = /^\d+$/.test(val) ? Number(val) : Number.NaN;
    if (Number.isInteger(n) && n >= 0 && n <= MAX_VALIDATION) validation = n;
    else
      notices.push(
        `Ignored val=“${shown(val)}”: the number of validation images must be a whole number from 0 to ${MAX_VALIDATION}.`,
      );
  }

  const hyper: Record<string, unknown> = {};
  for (const s of HYPER_SETTINGS) {
    const text = params.get(s.short);
    if (text === null) continue;
    const value = s.parse(text);
    if (value === undefined) {
      notices.push(`Ignored ${s.short}=“${shown(text)}”: the ${HYPER_LABELS[s.key]} must be ${s.expected}.`);
    } else hyper[s.key] = value;
  }

  return { dataset, validation, presetKey, spec, hyper: hyper as Partial<StudioHyper>, notices };
}

/** The spec in an `a` value, or why it cannot be used. */
function decodeSpec(data: string): ModelSpec | string {
  const text = fromBase64Url(data);
  if (text === null) return 'it is not valid base64url (was the link cut off or edited?).';
  if (jsonTextDepth(text) > SPEC_LIMITS.jsonDepth) {
    return `it nests lists and objects more than ${SPEC_LIMITS.jsonDepth} levels deep; a model needs only 4.`;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'it is not valid JSON (was the link cut off or edited?).';
  }
  const layers = isRecord(value) ? value.layers : undefined;
  if (Array.isArray(layers) && layers.length > MAX_SHARED_LAYERS) {
    return `it has ${layers.length.toLocaleString('en-US')} layers, more than the ${MAX_SHARED_LAYERS} a shared architecture can have.`;
  }
  try {
    const spec = checkSpecObject(value);
    const params = summarize(spec).totalParams;
    if (params > MAX_SHARED_PARAMS) {
      return `it has ${params.toLocaleString('en-US')} parameters, more than the ${MAX_SHARED_PARAMS.toLocaleString('en-US')} a browser tab can train.`;
    }
    return spec;
  } catch (error) {
    // A SpecError is written for the student; anything else is a bug, never shown raw.
    return isSpecError(error) ? error.message : 'it could not be read as a ConvLab model.';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
