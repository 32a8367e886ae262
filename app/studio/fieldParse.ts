/**
 * Text in a layer field to a spec value, and back. Sizes and paddings accept one number for both
 * axes or "height×width" (also "5x3" or "5,3"); padding also 'same' or 'valid'. An empty optional
 * field means "use the default" and removes the key. Problems are messages, never exceptions.
 */
import type { FieldKind } from '../../engine/spec/schema';

export type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const PAIR = /^\s*(-?\d+(?:\.\d+)?)\s*[x×,]\s*(-?\d+(?:\.\d+)?)\s*$/i;

function number(text: string): Parsed {
  const v = Number(text);
  return text.trim() !== '' && Number.isFinite(v)
    ? { ok: true, value: v }
    : { ok: false, message: `“${text}” is not a number.` };
}

function size2(text: string): Parsed {
  const pair = PAIR.exec(text);
  if (pair) return { ok: true, value: [Number(pair[1]), Number(pair[2])] };
  const single = number(text);
  return single.ok ? single : { ok: false, message: `Use a number such as 3, or height×width such as 5×3.` };
}

export function parseField(kind: FieldKind, text: string, required: boolean): Parsed {
  if (text.trim() === '') {
    return required ? { ok: false, message: 'This field is needed.' } : { ok: true, value: undefined };
  }
  switch (kind) {
    case 'number':
      return number(text);
    case 'size2':
      return size2(text);
    case 'padding': {
      const t = text.trim().toLowerCase();
      if (t === 'same' || t === 'valid') return { ok: true, value: t };
      const parsed = size2(text);
      return parsed.ok ? parsed : { ok: false, message: "Use 'same', 'valid', a number of pixels, or height×width." };
    }
    case 'string':
    case 'activation':
      return { ok: true, value: text.trim() };
    case 'strings':
      return {
        ok: true,
        value: text
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      };
    case 'boolean':
      return { ok: true, value: text === 'true' };
    case 'shape3':
      return { ok: false, message: 'The input shape comes from the dataset.' };
  }
}

export function formatField(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('×');
  return String(value);
}
