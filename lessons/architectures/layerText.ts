/** How a conv, pool or dense layer is written in this lesson's tables, from its summary. */
import type { LayerSummary } from '../../engine/spec';

/** "(227 − 11 + 0)/4 + 1" for a conv or pool along the height axis; '' for other layers. */
export function layerFormula(l: LayerSummary): string {
  const r = l.resolved;
  if (r.type !== 'conv2d' && r.type !== 'maxpool' && r.type !== 'avgpool') return '';
  const k = r.type === 'conv2d' ? r.kernel[0] : r.size[0];
  const pad = r.pad[0] + r.padEnd[0];
  const text = `(${l.inputShape[1]} − ${k} + ${pad}) / ${r.stride[0]} + 1`;
  // 'same' padding clamped at 0 can leave a remainder: the last rows are simply not read.
  const exact = Number.isInteger((l.inputShape[1]! - k + pad) / r.stride[0]);
  return `${exact ? text : `⌊${text}⌋`} = ${l.outputShape[1]}`;
}

export function layerSettings(l: LayerSummary): string {
  const r = l.resolved;
  if (r.type === 'conv2d') {
    const groups = r.groups > 1 ? `, ${r.groups} groups` : '';
    return `${r.filters} × ${r.kernel[0]}×${r.kernel[1]}, stride ${r.stride[0]}, pad ${r.pad[0]}${groups}`;
  }
  if (r.type === 'maxpool' || r.type === 'avgpool') return `${r.size[0]}×${r.size[1]}, stride ${r.stride[0]}`;
  if (r.type === 'dense') return `${r.units} units`;
  if (r.type === 'dropout') return `rate ${r.rate}`;
  if (r.type === 'lrn') return `n = ${r.size}, k = ${r.k}, α = ${r.alpha}, β = ${r.beta}`;
  return '';
}
