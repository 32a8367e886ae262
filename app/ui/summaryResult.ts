/**
 * summarize() as a value instead of an exception, for widgets that recompute a model summary on
 * every keystroke. A SpecError (or anything thrown by a malformed spec) becomes `{ ok: false }`
 * carrying the error, so a widget can show the message in place and never crash the page.
 */
import { isSpecError, type ModelSpec, type ModelSummary, SpecError, summarize } from '../../engine/spec';

export type SummaryResult =
  | { readonly ok: true; readonly summary: ModelSummary }
  | { readonly ok: false; readonly error: SpecError };

export function summaryResult(spec: ModelSpec): SummaryResult {
  try {
    return { ok: true, summary: summarize(spec) };
  } catch (error) {
    if (isSpecError(error)) return { ok: false, error };
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, error: new SpecError(`the spec could not be read: ${why}`) };
  }
}

/** Formats a count with thousands separators, as the lectures write them (1,500; 2,304,000). */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** A per-sample shape as the lectures write volumes: [30, 28, 28] -> "30×28×28". */
export function formatShape(shape: readonly number[]): string {
  return shape.join('×');
}
