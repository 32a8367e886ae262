/**
 * The draft spec's summary for the builder and the diagram. When the draft is invalid, the rows
 * above the offending layer still get their shapes (by summarising the valid prefix), so a
 * student sees exactly where the shapes stop working.
 */
import { useMemo } from 'react';
import type { LayerSummary, ModelSpec, ModelSummary, SpecError } from '../../engine/spec';
import { summaryResult } from '../ui/summaryResult';

export interface DraftSummary {
  readonly summary: ModelSummary | null;
  /** Per-row summaries (undefined at and after an error). */
  readonly rows: readonly (LayerSummary | undefined)[];
  readonly error: SpecError | null;
}

export function draftSummary(spec: ModelSpec): DraftSummary {
  const result = summaryResult(spec);
  if (result.ok) return { summary: result.summary, rows: result.summary.layers, error: null };
  const at = result.error.layerIndex;
  const prefix = at !== null && at > 0 ? summaryResult({ ...spec, layers: spec.layers.slice(0, at) }) : null;
  return { summary: null, rows: prefix?.ok ? prefix.summary.layers : [], error: result.error };
}

export function useDraftSummary(spec: ModelSpec): DraftSummary {
  return useMemo(() => draftSummary(spec), [spec]);
}
