/**
 * Value checks shared by the layer rules: each either returns the clean value or throws a
 * SpecError naming the layer and the field. TypeScript callers can still pass 0 filters or a
 * kernel of 2.5, and parse.ts only checks JSON kinds, so every number is checked here.
 */

import { SpecError } from './errors';
import { SPEC_LIMITS } from './limits';
import type { Padding, SampleShape, Size2 } from './types';

/** Which layer a check is about, for the error's prefix. */
export interface Where {
  readonly index: number;
  readonly id: string;
}

export function fail(where: Where, detail: string): never {
  throw new SpecError(detail, where.index, where.id);
}

/** A whole number from 1 to `max` (a documented limit in limits.ts, checked before any loop uses it). */
export function positiveInt(value: unknown, field: string, where: Where, max: number = SPEC_LIMITS.channels): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    fail(where, `"${field}" must be a whole number of at least 1 (got ${short(value)}).`);
  }
  if (value > max) {
    fail(where, `"${field}" is ${value}, more than ConvLab allows (at most ${max}).`);
  }
  return value;
}

/** A Size2 as [height, width], each a whole number from 1 to the spatial limit. */
export function pair(value: Size2 | undefined, fallback: Size2, field: string, where: Where): [number, number] {
  const v = value ?? fallback;
  const max = SPEC_LIMITS.spatial;
  if (typeof v === 'number') {
    const n = positiveInt(v, field, where, max);
    return [n, n];
  }
  if (!Array.isArray(v) || v.length !== 2) {
    fail(where, `"${field}" must be a number or [height, width] (got ${short(v)}).`);
  }
  return [positiveInt(v[0], `${field}[0] (height)`, where, max), positiveInt(v[1], `${field}[1] (width)`, where, max)];
}

/** A value as JSON for a message, cut short: hostile input can be megabytes long. */
export function short(value: unknown, max = 60): string {
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    json = typeof value;
  }
  return json.length > max ? `${json.slice(0, max)}…` : json;
}

function nonNegativeInt(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= SPEC_LIMITS.spatial;
}

export function padding(value: Padding | undefined, where: Where): Padding {
  const v = value ?? 'valid';
  const ok =
    v === 'same' ||
    v === 'valid' ||
    nonNegativeInt(v) ||
    (Array.isArray(v) && v.length === 2 && v.every((p) => nonNegativeInt(p)));
  if (!ok) {
    fail(
      where,
      `"padding" must be 'same', 'valid', a whole number from 0 to ${SPEC_LIMITS.spatial} or [height, width] (got ${short(v)}).`,
    );
  }
  return v;
}

export function optionalBoolean(value: unknown, fallback: boolean, field: string, where: Where): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(where, `"${field}" must be true or false (got ${short(value)}).`);
  return value;
}

export function finiteNumber(value: unknown, fallback: number, field: string, where: Where): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(where, `"${field}" must be a number (got ${short(value)}).`);
  }
  return value;
}

/** "[16, 5, 5]" with a gloss, for messages about the wrong rank. */
export function shapeText(shape: SampleShape): string {
  const gloss = shape.length === 3 ? ' (channels, height, width)' : shape.length === 1 ? ' (a vector)' : '';
  return `[${shape.join(', ')}]${gloss}`;
}

export function product(shape: SampleShape): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Whole numbers that divide every one of the values, for "groups must divide ..." hints. */
export function commonDivisors(...values: number[]): number[] {
  const smallest = Math.min(...values);
  const out: number[] = [];
  for (let d = 1; d <= smallest; d++) if (values.every((v) => v % d === 0)) out.push(d);
  return out;
}
