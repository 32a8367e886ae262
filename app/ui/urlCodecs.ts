/**
 * Codecs for useUrlState (urlState.ts): each checks the text's length and shape before it
 * converts anything, bounds every value, and answers undefined for anything else, so a hostile or
 * corrupt link can only ever produce a default. The characters used (digits, '-', '.', '_', 'x',
 * letters) are the ones URLSearchParams leaves unescaped, so links stay readable.
 */
import type { UrlCodec } from './urlState';

const INTEGER = /^-?\d{1,9}$/;
const DECIMAL = /^-?(?:\d{1,12}(?:\.\d{0,12})?|\.\d{1,12})(?:e[+-]?\d{1,3})?$/i;

/** A whole number from min to max. */
export function intCodec(min: number, max: number): UrlCodec<number> {
  return {
    encode: (value) => String(Math.round(value)),
    decode: (text) => {
      if (!INTEGER.test(text)) return undefined;
      const n = Number(text);
      return n >= min && n <= max ? n : undefined;
    },
    expected: `a whole number from ${min} to ${max}`,
  };
}

/** A finite number from min to max (written with at most 12 significant digits). */
export function numberCodec(min: number, max: number): UrlCodec<number> {
  return {
    encode: (value) => String(Number(value.toPrecision(12))),
    decode: (text) => {
      if (text.length > 32 || !DECIMAL.test(text)) return undefined;
      const n = Number(text);
      return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
    },
    expected: `a number from ${min} to ${max}`,
  };
}

/** One of a fixed list of names. */
export function choiceCodec<T extends string>(choices: readonly T[]): UrlCodec<T> {
  return {
    encode: (value) => value,
    decode: (text) => choices.find((c) => c === text),
    expected: `one of ${choices.join(', ')}`,
  };
}

/** true as '1', false as '0'. */
export const boolCodec: UrlCodec<boolean> = {
  encode: (value) => (value ? '1' : '0'),
  decode: (text) => (text === '1' ? true : text === '0' ? false : undefined),
  expected: '1 or 0',
};

export interface GridLimits {
  readonly minSize: number;
  readonly maxRows: number;
  readonly maxCols: number;
  readonly min: number;
  readonly max: number;
}

/** Longest text one number may take in a grid ('-123.456789' and a little room). */
const MAX_CELL_CHARS = 14;

/**
 * A grid of numbers, rows × cols, as `RxC_v_v_…` in row-major order (`3x3_0_1_0_1_-4_1_0_1_0`).
 * The size is checked against the limits before anything is allocated.
 */
export function gridCodec(limits: GridLimits): UrlCodec<number[][]> {
  const maxChars = 8 + limits.maxRows * limits.maxCols * (MAX_CELL_CHARS + 1);
  return {
    encode: (grid) => {
      const rows = grid.length;
      const cols = grid[0]?.length ?? 0;
      return [`${rows}x${cols}`, ...grid.flat().map((v) => String(Number(v.toPrecision(6))))].join('_');
    },
    decode: (text) => {
      if (text.length > maxChars) return undefined;
      const head = /^(\d{1,2})x(\d{1,2})_/.exec(text);
      if (!head) return undefined;
      const rows = Number(head[1]);
      const cols = Number(head[2]);
      const ok = (n: number, most: number): boolean => n >= limits.minSize && n <= most;
      if (!ok(rows, limits.maxRows) || !ok(cols, limits.maxCols)) return undefined;
      const cells = text.slice(head[0].length).split('_', rows * cols + 1);
      if (cells.length !== rows * cols) return undefined;
      const values: number[] = [];
      for (const cell of cells) {
        if (cell.length > MAX_CELL_CHARS || !DECIMAL.test(cell)) return undefined;
        const v = Number(cell);
        if (!Number.isFinite(v) || v < limits.min || v > limits.max) return undefined;
        values.push(v);
      }
      return Array.from({ length: rows }, (_, r) => values.slice(r * cols, (r + 1) * cols));
    },
    expected: `a grid from ${limits.minSize}×${limits.minSize} to ${limits.maxRows}×${limits.maxCols} of numbers from ${limits.min} to ${limits.max}`,
  };
}

/** A square grid held flat in row-major order (n×n values), as gridCodec writes it. */
export function squareCodec(
  limits: Omit<GridLimits, 'maxRows' | 'maxCols'> & { readonly maxSize: number },
): UrlCodec<readonly number[]> {
  const grid = gridCodec({ ...limits, maxRows: limits.maxSize, maxCols: limits.maxSize });
  return {
    encode: (values) => {
      const n = Math.round(Math.sqrt(values.length));
      return grid.encode(Array.from({ length: n }, (_, r) => values.slice(r * n, (r + 1) * n)));
    },
    decode: (text) => {
      const rows = grid.decode(text);
      if (!rows || rows.length !== rows[0]?.length) return undefined;
      return rows.flat();
    },
    expected: `a square grid from ${limits.minSize}×${limits.minSize} to ${limits.maxSize}×${limits.maxSize} of numbers from ${limits.min} to ${limits.max}`,
  };
}

/**
 * A record of fields, each with its own codec, written as the field values in the record's key
 * order joined by '_' (`7_3_0_1_1` for {n, f, p, s, d}): field codecs must never write '_'.
 */
export function recordCodec<T extends object>(fields: { readonly [K in keyof T]: UrlCodec<T[K]> }): UrlCodec<T> {
  const keys = Object.keys(fields) as (keyof T & string)[];
  return {
    encode: (value) => keys.map((key) => fields[key].encode(value[key])).join('_'),
    decode: (text) => {
      if (text.length > keys.length * 40) return undefined;
      const parts = text.split('_', keys.length + 1);
      if (parts.length !== keys.length) return undefined;
      const out: Partial<T> = {};
      for (const [i, key] of keys.entries()) {
        const value = fields[key].decode(parts[i]!);
        if (value === undefined) return undefined;
        out[key] = value;
      }
      return out as T;
    },
    expected: `${keys.join('_')}, where ${keys.map((key) => `${key} is ${fields[key].expected}`).join('; ')}`,
  };
}

/** A codec that also rejects decoded values failing `check` (a rule across fields, say). */
export function refineCodec<T>(codec: UrlCodec<T>, check: (value: T) => boolean, rule: string): UrlCodec<T> {
  return {
    encode: codec.encode,
    decode: (text) => {
      const value = codec.decode(text);
      return value !== undefined && check(value) ? value : undefined;
    },
    expected: `${codec.expected}, with ${rule}`,
  };
}

/** Exactly `length` values of one codec, joined by '_' (the item codec must never write '_'). */
export function listCodec<T>(item: UrlCodec<T>, length: number): UrlCodec<readonly T[]> {
  return {
    encode: (values) => values.map((v) => item.encode(v)).join('_'),
    decode: (text) => {
      if (text.length > length * 40) return undefined;
      const parts = text.split('_', length + 1);
      if (parts.length !== length) return undefined;
      const out: T[] = [];
      for (const part of parts) {
        const value = item.decode(part);
        if (value === undefined) return undefined;
        out.push(value);
      }
      return out;
    },
    expected: `${length} values joined by _, each ${item.expected}`,
  };
}
