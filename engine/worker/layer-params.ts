/**
 * One layer's params (weights or gradients) for a snapshot, reading only that layer from the GPU:
 * the studio's filters view asks for the first conv layer's weights on every live refresh, and
 * reading every weight back to keep a few hundred of them would waste the worker's time between
 * training steps. (The CPU engines filter their arrays in place: engine/backend/cpu-host.ts.)
 */
import type { NamedTensor } from '../backend/types';
import type { GpuModel } from '../gpu/model';
import { readRanges } from '../gpu/readback';

export async function gpuLayerParams(
  model: GpuModel,
  kind: 'weights' | 'gradients',
  layer: number,
): Promise<NamedTensor[]> {
  const mine = model.params.filter((p) => p.layer === layer);
  const ranges = mine.map((p) => ({ buffer: kind === 'weights' ? p.value : p.grad, offset: 0, count: p.count }));
  const values = await readRanges(model.device, `layer ${layer} ${kind}`, ranges);
  return mine.map((p, i) => ({ name: p.name, layer: p.layer, shape: p.shape, data: values[i]! }));
}
