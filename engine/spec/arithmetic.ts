/**
 * Convolution arithmetic, along one axis: the ONE place the output-size formula lives. Layers,
 * error messages and the convolution lessons all call it, so a number a student sees in a lesson
 * is the number the engine uses.
 *
 *   output = (N - F_eff + P_start + P_end) / S + 1,   F_eff = D·(F - 1) + 1
 *
 * With symmetric padding P this is the lecture's (N - F + 2P) / S + 1. It must be a whole number:
 * as the lecture teaches, a stride that does not tile the (padded) input is an error, not something
 * to floor away silently. Pooling windows follow the same rule.
 */

import { SPEC_LIMITS } from './limits';
import type { Padding } from './types';

/**
 * The fit suggestions scan at most this many paddings or strides: a spec's padding and stride are
 * bounded by it anyway (limits.ts), so a kernel of 1e9 costs a bounded loop, not one to 1e9.
 */
const MAX_SCAN = SPEC_LIMITS.spatial;

export interface AxisParams {
  /** Input size N along this axis. */
  readonly size: number;
  /** Kernel (window) size F. */
  readonly kernel: number;
  readonly stride?: number; // default 1
  readonly padStart?: number; // default 0: pixels added before (top or left)
  readonly padEnd?: number; // default padStart: pixels added after (bottom or right)
  readonly dilation?: number; // default 1
}

/** One (padding, stride) choice that fits, and the output size it gives. */
export interface FitSuggestion {
  readonly padding: number;
  readonly stride: number;
  readonly output: number;
}

export interface OutputSizeOk {
  readonly ok: true;
  readonly value: number;
  readonly effectiveKernel: number;
  /** The formula with the numbers in it, e.g. "(7 - 3 + 2·0) / 1 + 1 = 5". */
  readonly formula: string;
}

export interface OutputSizeError {
  readonly ok: false;
  /** 'not-whole': the stride does not tile the input; 'kernel-too-large': no output position at all. */
  readonly kind: 'not-whole' | 'kernel-too-large' | 'invalid';
  /** A student-readable sentence, without any fix (see suggestions and explainFits). */
  readonly reason: string;
  /** The value the formula gives (not whole, or below 1). NaN for 'invalid'. */
  readonly exact: number;
  readonly effectiveKernel: number;
  readonly formula: string;
  /** Choices that fit: other paddings at this stride, then other strides at this padding. */
  readonly suggestions: readonly FitSuggestion[];
}

export type OutputSizeResult = OutputSizeOk | OutputSizeError;

/** Rounds for display: 2.3333 -> "2.33", 3.5 -> "3.5", 5 -> "5". */
export function formatNumber(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** The kernel's span once dilated: D·(F - 1) + 1 (a 3-wide kernel with dilation 2 spans 5 pixels). */
export function effectiveKernel(kernel: number, dilation = 1): number {
  return dilation * (kernel - 1) + 1;
}

function isPositiveInt(x: number): boolean {
  return Number.isInteger(x) && x >= 1;
}

function isNonNegativeInt(x: number): boolean {
  return Number.isInteger(x) && x >= 0;
}

function formulaText(size: number, effK: number, stride: number, padStart: number, padEnd: number): string {
  const pad = padStart === padEnd ? `2·${padStart}` : `${padStart} + ${padEnd}`;
  const exact = (size - effK + padStart + padEnd) / stride + 1;
  return `(${size} - ${effK} + ${pad}) / ${stride} + 1 = ${formatNumber(exact)}`;
}

/** Output size along one axis, or why there is none and which paddings or strides would fit. */
export function outputSize(params: AxisParams): OutputSizeResult {
  const { size, kernel, stride = 1, padStart = 0, dilation = 1 } = params;
  const padEnd = params.padEnd ?? padStart;
  const valid =
    isPositiveInt(size) &&
    isPositiveInt(kernel) &&
    isPositiveInt(stride) &&
    isPositiveInt(dilation) &&
    isNonNegativeInt(padStart) &&
    isNonNegativeInt(padEnd);
  if (!valid) {
    return {
      ok: false,
      kind: 'invalid',
      reason: 'size, kernel, stride and dilation must be whole numbers of at least 1, and padding at least 0',
      exact: Number.NaN,
      effectiveKernel: Number.NaN,
      formula: '',
      suggestions: [],
    };
  }
  const effK = effectiveKernel(kernel, dilation);
  const formula = formulaText(size, effK, stride, padStart, padEnd);
  const padded = size + padStart + padEnd;
  const exact = (padded - effK) / stride + 1;
  if (padded >= effK && Number.isInteger(exact)) {
    return { ok: true, value: exact, effectiveKernel: effK, formula };
  }
  const symmetric = padStart === padEnd ? padStart : null;
  const suggestions = suggestFits(size, kernel, stride, symmetric, dilation);
  const spans = dilation > 1 ? `a kernel of ${kernel} with dilation ${dilation} spans ${effK} pixels` : '';
  if (padded < effK) {
    const what = spans || `a kernel of ${effK}`;
    return {
      ok: false,
      kind: 'kernel-too-large',
      reason: `${what}, more than the ${padded} pixels of the padded input: ${formula}, so there is no output`,
      exact,
      effectiveKernel: effK,
      formula,
      suggestions,
    };
  }
  return {
    ok: false,
    kind: 'not-whole',
    reason: `the kernel does not fit: ${formula} is not a whole number${spans ? ` (${spans})` : ''}`,
    exact,
    effectiveKernel: effK,
    formula,
    suggestions,
  };
}

/**
 * Symmetric paddings 0..F_eff-1 that fit at this stride. Larger paddings are left out: a window
 * that sees only zeros teaches nothing.
 */
export function fittingPaddings(size: number, kernel: number, stride: number, dilation = 1): FitSuggestion[] {
  const effK = effectiveKernel(kernel, dilation);
  const fits: FitSuggestion[] = [];
  // Paddings below (F_eff - N) / 2 leave no output, so the scan starts where outputs begin.
  const first = Math.max(0, Math.ceil((effK - size) / 2));
  const last = Math.min(effK - 1, first + MAX_SCAN);
  for (let padding = first; padding <= last; padding++) {
    const span = size + 2 * padding - effK;
    if (span >= 0 && span % stride === 0) fits.push({ padding, stride, output: span / stride + 1 });
  }
  return fits;
}

/** Strides 1..F_eff that fit with this symmetric padding; a stride beyond the kernel skips pixels. */
export function fittingStrides(size: number, kernel: number, padding: number, dilation = 1): FitSuggestion[] {
  const effK = effectiveKernel(kernel, dilation);
  const span = size + 2 * padding - effK;
  const fits: FitSuggestion[] = [];
  if (span < 0) return fits;
  // A stride above the span (when there is one) cannot divide it; never scan past MAX_SCAN.
  const last = Math.min(effK, span > 0 ? span : effK, MAX_SCAN);
  for (let stride = 1; stride <= last; stride++) {
    if (span % stride === 0) fits.push({ padding, stride, output: span / stride + 1 });
  }
  return fits;
}

/**
 * Fixes for a misfit: other paddings at the current stride, then other strides at the current
 * padding (only when the padding is symmetric, since the stride list assumes it).
 */
export function suggestFits(
  size: number,
  kernel: number,
  stride: number,
  padding: number | null,
  dilation = 1,
): FitSuggestion[] {
  const byPadding = fittingPaddings(size, kernel, stride, dilation).filter((f) => f.padding !== padding);
  const byStride =
    padding === null ? [] : fittingStrides(size, kernel, padding, dilation).filter((f) => f.stride !== stride);
  return [...byPadding, ...byStride];
}

export interface SamePadding {
  readonly padStart: number;
  readonly padEnd: number;
  readonly output: number;
}

/**
 * 'same' padding (TensorFlow's rule): output = ceil(N / S); the total padding
 * max((out - 1)·S + F_eff - N, 0) is split with the odd pixel at the end (bottom/right).
 */
export function samePadding(size: number, kernel: number, stride = 1, dilation = 1): SamePadding {
  const output = Math.ceil(size / stride);
  const total = Math.max((output - 1) * stride + effectiveKernel(kernel, dilation) - size, 0);
  const padStart = Math.floor(total / 2);
  return { padStart, padEnd: total - padStart, output };
}

/**
 * Turns a layer's padding setting into pixels for one axis. A pair is [height, width]
 * (PyTorch's order), each applied on both sides of its axis.
 */
export function resolvePadding(
  padding: Padding,
  axis: 0 | 1,
  size: number,
  kernel: number,
  stride = 1,
  dilation = 1,
): { readonly padStart: number; readonly padEnd: number } {
  if (padding === 'valid') return { padStart: 0, padEnd: 0 };
  if (padding === 'same') {
    const { padStart, padEnd } = samePadding(size, kernel, stride, dilation);
    return { padStart, padEnd };
  }
  const p = typeof padding === 'number' ? padding : padding[axis];
  return { padStart: p, padEnd: p };
}

export type AxisResult = OutputSizeResult & { readonly padStart: number; readonly padEnd: number };

/**
 * Output size along one axis for a layer's padding setting. 'same' is ceil(N / S) by definition,
 * even where the padding rule clamps at 0 and the last rows are never covered (a 1x1 stride-2
 * conv on 32 pixels reads 0, 2, ..., 30 and gives 16): that is TensorFlow's contract, and what a
 * stride-2 shortcut needs. Numeric padding and 'valid' must tile exactly.
 */
export function axisOutput(
  padding: Padding,
  axis: 0 | 1,
  size: number,
  kernel: number,
  stride = 1,
  dilation = 1,
): AxisResult {
  const { padStart, padEnd } = resolvePadding(padding, axis, size, kernel, stride, dilation);
  const result = outputSize({ size, kernel, stride, padStart, padEnd, dilation });
  if (padding !== 'same' || result.ok || result.kind === 'invalid') return { ...result, padStart, padEnd };
  const value = Math.ceil(size / stride);
  const formula = `ceil(${size} / ${stride}) = ${value}`;
  return { ok: true, value, effectiveKernel: effectiveKernel(kernel, dilation), formula, padStart, padEnd };
}

/** At most this many choices are listed in a sentence; a message is read, not scrolled. */
const MAX_LISTED = 8;

function listChoices(fits: readonly FitSuggestion[], key: 'padding' | 'stride'): string {
  const parts = fits.slice(0, MAX_LISTED).map((f) => `${f[key]} (gives ${f.output})`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/**
 * The fix as a sentence, from a failed outputSize and the settings that produced it, e.g.
 * "With stride 3, use padding 1 (gives 3), or with padding 0 use stride 1 (gives 5) or 2 (gives 3),
 * or padding 'same' (gives 3)."
 */
export function explainFits(failure: OutputSizeError, params: AxisParams): string {
  const stride = params.stride ?? 1;
  const padStart = params.padStart ?? 0;
  const padding = (params.padEnd ?? padStart) === padStart ? padStart : null;
  const byPadding = failure.suggestions.filter((f) => f.stride === stride && f.padding !== padding);
  const byStride = failure.suggestions.filter((f) => f.stride !== stride);
  const clauses: string[] = [];
  if (byPadding.length > 0) clauses.push(`with stride ${stride}, use padding ${listChoices(byPadding, 'padding')}`);
  if (byStride.length > 0) clauses.push(`with padding ${padding} use stride ${listChoices(byStride, 'stride')}`);
  const same = samePadding(params.size, params.kernel, stride, params.dilation ?? 1);
  const sameSplit = same.padStart === same.padEnd ? '' : `, ${same.padStart} before and ${same.padEnd} after`;
  clauses.push(`padding 'same' (gives ${same.output}${sameSplit})`);
  const text = clauses.join(', or ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
