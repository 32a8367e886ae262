/**
 * The calculator's view of a spec: the engine's per-layer summaries for every layer it could
 * check, and the first error with the row it belongs to. When layer i is wrong the layers above it
 * are still summarized (as the spec cut at i), so the table keeps showing what is right.
 */
import { summaryResult } from '../../app/ui/summaryResult';
import { checkSpecObject, isSpecError, type LayerSummary, type ModelSpec, SpecError } from '../../engine/spec';

export interface Analysis {
  readonly layers: readonly LayerSummary[];
  readonly error: SpecError | null;
  readonly totalParams: number | null;
  readonly totalMacs: number | null;
}

function check(spec: ModelSpec): SpecError | null {
  try {
    checkSpecObject(spec);
    return null;
  } catch (error) {
    return isSpecError(error) ? error : new SpecError(String(error));
  }
}

export function analyse(spec: ModelSpec): Analysis {
  const shapeError = check(spec);
  const full = shapeError ? null : summaryResult(spec);
  if (full?.ok) {
    const { layers, totalParams, totalMacs } = full.summary;
    return { layers, error: null, totalParams, totalMacs };
  }
  const error = shapeError ?? (full && !full.ok ? full.error : new SpecError('unknown problem'));
  const cut = error.layerIndex ?? 0;
  const prefix =
    cut > 0 && check({ ...spec, layers: spec.layers.slice(0, cut) }) === null
      ? summaryResult({ ...spec, layers: spec.layers.slice(0, cut) })
      : null;
  return { layers: prefix?.ok ? prefix.summary.layers : [], error, totalParams: null, totalMacs: null };
}
