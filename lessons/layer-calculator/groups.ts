/**
 * Folding a big model's rows into blocks, so GoogLeNet's 197 layers or DenseNet-121's 427 stay
 * readable and render quickly: a run of consecutive layers whose ids start with the same word
 * ("inception3a_1x1", "inception3a_3x3_bn", ..., "inception3a") is one group, shown as one row with
 * its subtotals until the student opens it. Only models over COLLAPSE_OVER layers are folded, so
 * the small nets the lesson starts with keep every row in view.
 */
import type { LayerSpec, LayerSummary } from '../../engine/spec';

/** Models with more layers than this start folded. ResNet-18 (69 layers) stays flat. */
export const COLLAPSE_OVER = 100;

export interface RowGroup {
  /** Unique among the groups: the shared prefix and the first row's index. */
  readonly key: string;
  /** The id prefix the rows share, e.g. "inception3a" or "layer2"; null for a lone row. */
  readonly name: string | null;
  readonly first: number;
  /** Index of the last row in the group (inclusive). */
  readonly last: number;
}

export interface GroupTotals {
  readonly weights: number;
  readonly biases: number;
  readonly params: number;
  readonly macs: number;
  /** The group's output: its last layer's. */
  readonly outputShape: readonly number[];
}

/** The word before the first underscore of a layer's own id; layers without an id are never grouped. */
function prefixOf(layer: LayerSpec): string | null {
  if (typeof layer.id !== 'string' || layer.id === '') return null;
  const cut = layer.id.indexOf('_');
  return cut > 0 ? layer.id.slice(0, cut) : layer.id;
}

/** Consecutive runs of layers sharing an id prefix; a run of one is a lone row (name null). */
export function groupRows(layers: readonly LayerSpec[]): RowGroup[] {
  const groups: RowGroup[] = [];
  let i = 0;
  while (i < layers.length) {
    const name = prefixOf(layers[i]!);
    let j = i;
    while (name !== null && j + 1 < layers.length && prefixOf(layers[j + 1]!) === name) j++;
    groups.push({ key: `${name ?? 'row'}@${i}`, name: j > i ? name : null, first: i, last: j });
    i = j + 1;
  }
  return groups;
}

/** Sums of a group's rows; null when the engine stopped before the group's last row. */
export function groupTotals(group: RowGroup, summaries: readonly LayerSummary[]): GroupTotals | null {
  const rows = summaries.slice(group.first, group.last + 1);
  if (rows.length !== group.last - group.first + 1) return null;
  const sum = (pick: (s: LayerSummary) => number): number => rows.reduce((total, s) => total + pick(s), 0);
  return {
    weights: sum((s) => s.weights),
    biases: sum((s) => s.biases),
    params: sum((s) => s.params),
    macs: sum((s) => s.macs),
    outputShape: rows[rows.length - 1]!.outputShape,
  };
}
