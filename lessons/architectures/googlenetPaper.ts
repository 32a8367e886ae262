/**
 * GoogLeNet as the 2014 paper lays it out, derived from the engine's torchvision-style preset so
 * the two can be counted side by side: every conv gets its bias back, the fourth branch's "5x5"
 * convs (3×3 in torchvision's port) become 5×5 again, and each batch norm (which came a year
 * later) is replaced by a rate-0 dropout, the identity, so the ids the rest of the spec reads from
 * stay in place. Auxiliary classifiers stay out, as they are dropped at test time.
 */
import { type SummaryResult, summaryResult } from '../../app/ui/summaryResult';
import { type LayerSpec, type ModelSpec, PRESETS } from '../../engine/spec';

export function googlenetPaperLayout(spec: ModelSpec): ModelSpec {
  const layers = spec.layers.map((l): LayerSpec => {
    if (l.type === 'batchnorm')
      return l.id === undefined ? { type: 'dropout', rate: 0 } : { type: 'dropout', id: l.id, rate: 0 };
    if (l.type === 'conv2d') return { ...l, bias: true, kernel: l.id?.endsWith('_5x5') ? 5 : l.kernel };
    return l;
  });
  return { name: 'GoogLeNet (paper layout)', layers };
}

let cached: SummaryResult | null | undefined;

/** The paper-layout GoogLeNet summarized once; null when the engine has no GoogLeNet preset. */
export function googlenetPaperSummary(): SummaryResult | null {
  if (cached === undefined) {
    const spec = PRESETS.googlenet?.spec;
    cached = spec === undefined ? null : summaryResult(googlenetPaperLayout(spec));
  }
  return cached;
}
