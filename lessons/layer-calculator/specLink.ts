/**
 * The calculator's spec in the lesson's address (app/ui/urlState.ts): `p.<key>` when it is a
 * reference architecture unchanged, else `j.` and the spec's compact JSON in base64url, the
 * encoding the studio's share links use. A link is read as strictly as pasted JSON (size, depth,
 * then the engine's structural check); a spec whose shapes do not work still loads, and the
 * calculator shows the engine's message beside the row, as it does for any edit.
 */
import { fromBase64Url, toBase64Url } from '../../app/ui/base64url';
import type { UrlCodec } from '../../app/ui/urlState';
import { type ModelSpec, PRESETS, parseSpecJson } from '../../engine/spec';

/** Layers a linked spec may have (DenseNet-121 has 427; the studio's share links allow 500 too). */
const MAX_LINKED_LAYERS = 500;
/** Characters of a linked spec (base64url); DenseNet-121 takes about 60,000. */
const MAX_LINKED_CHARS = 90_000;

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The preset this spec is, unchanged, if any (among `keys`). */
export function presetOf(spec: ModelSpec, keys: readonly string[]): string | null {
  return keys.find((k) => Object.hasOwn(PRESETS, k) && sameJson(PRESETS[k]!.spec, spec)) ?? null;
}

export function specCodec(keys: readonly string[]): UrlCodec<ModelSpec> {
  return {
    encode: (spec) => {
      const preset = presetOf(spec, keys);
      return preset ? `p.${preset}` : `j.${toBase64Url(JSON.stringify(spec))}`;
    },
    decode: (text) => {
      if (text.length > MAX_LINKED_CHARS) return undefined;
      if (text.startsWith('p.')) {
        const key = text.slice(2);
        return keys.includes(key) && Object.hasOwn(PRESETS, key) ? PRESETS[key]!.spec : undefined;
      }
      if (!text.startsWith('j.')) return undefined;
      const json = fromBase64Url(text.slice(2));
      if (json === null) return undefined;
      try {
        const spec = parseSpecJson(json);
        return spec.layers.length <= MAX_LINKED_LAYERS ? spec : undefined;
      } catch {
        // parseSpecJson's SpecError: the link's spec is unusable, and the default is shown.
        return undefined;
      }
    },
    expected: `p. and a reference architecture's key, or j. and a model spec in base64url (at most ${MAX_LINKED_LAYERS} layers)`,
  };
}
