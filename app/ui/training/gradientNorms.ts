/**
 * Per-parameter gradient L2 norms from a 'gradients' snapshot. Parameter names are
 * `${layerId}.${role}` (engine/cpu/model.ts), so the layer is everything before the last dot.
 */
import type { WireTensor } from '../../../engine/worker/protocol';
import type { LayerNorm } from './runView';

export function gradientNorms(tensors: readonly WireTensor[]): LayerNorm[] {
  return tensors.map((t) => {
    let sum = 0;
    for (let i = 0; i < t.data.length; i++) sum += t.data[i]! * t.data[i]!;
    const dot = t.name.lastIndexOf('.');
    return { layer: dot > 0 ? t.name.slice(0, dot) : t.name, param: t.name, norm: Math.sqrt(sum) };
  });
}
