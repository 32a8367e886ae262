/**
 * SpecError: the one error a model spec can produce. It is a value the UI shows in place, next to
 * the layer it names, so the message is written for a student: what is wrong, with the numbers,
 * and what would fix it (computed from the spec, never a canned hint).
 */

export class SpecError extends Error {
  /** Index into spec.layers (0 is the input layer), or null when the problem is not one layer's. */
  readonly layerIndex: number | null;
  /** The layer's id (given or generated, e.g. "conv2d_2"), or null when unknown. */
  readonly layerId: string | null;
  /** The message without the "Layer 3 (conv2d_2): " prefix, for UIs that show it beside the layer. */
  readonly detail: string;

  constructor(detail: string, layerIndex: number | null = null, layerId: string | null = null) {
    super(SpecError.prefix(layerIndex, layerId) + detail);
    this.name = 'SpecError';
    this.layerIndex = layerIndex;
    this.layerId = layerId;
    this.detail = detail;
  }

  private static prefix(layerIndex: number | null, layerId: string | null): string {
    if (layerIndex === null) return layerId === null ? '' : `Layer ${layerId}: `;
    return layerId === null ? `Layer ${layerIndex}: ` : `Layer ${layerIndex} (${layerId}): `;
  }
}

/** Narrowing helper for catch blocks, where the caught value is `unknown`. */
export function isSpecError(value: unknown): value is SpecError {
  return value instanceof SpecError;
}
