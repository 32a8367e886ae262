/**
 * The `wasm` backend's model: the CPU model (engine/cpu/model.ts, the very same graph code)
 * running on the wasm kernel provider, one kernel instance (its own linear memory) per model.
 *
 * Memory is sized once here, from the summary and the largest batch the model will see, because
 * growing a WebAssembly.Memory detaches every view of it (engine/wasm/memory.ts). Should a later
 * call need more, the provider falls back to JS-heap arrays or the TypeScript kernel for that
 * call (counted in `kernels.heapArrays` / `kernels.fallbacks`) rather than failing.
 */

import { convGeometry } from '../cpu/geometry';
import { type CpuModelOptions, createCpuModel } from '../cpu/model';
import { summarize } from '../spec/summarize';
import type { ModelSpec, ModelSummary } from '../spec/types';
import { sizeOf } from '../tensor/tensor';
import type { Model } from '../train/model';
import { convPackBytes, gemmScratchBytes, WasmKernels } from './kernels';
import { instantiateKernels, type WasmModule } from './module';

export interface WasmModelOptions extends Omit<CpuModelOptions, 'kernels'> {
  /** The largest batch forward will be given (training and evaluation); memory is sized for it. */
  readonly maxBatch: number;
}

export interface WasmModel extends Model {
  readonly kernels: WasmKernels;
}

/**
 * Bytes the model needs: every layer's output and gradient (and one more activation-sized
 * array for a dropout mask, batchnorm x̂ or LRN scale) at maxBatch, parameters with gradients,
 * im2col columns, and the largest transient gemm packing; a quarter again for slack.
 */
export function estimateWasmBytes(summary: ModelSummary, maxBatch: number): number {
  let activations = 0;
  let cols = 0;
  let pack = 0;
  for (const layer of summary.layers) {
    activations += sizeOf(layer.outputShape);
    const r = layer.resolved;
    if (r.type === 'conv2d') {
      const geo = convGeometry([1, ...layer.inputShape], r.filters, r.kernel, r);
      cols = Math.max(cols, (geo.inC / geo.groups) * geo.kh * geo.kw * geo.outH * geo.outW);
      pack = Math.max(pack, convPackBytes(geo));
    } else if (r.type === 'dense') {
      const inputs = sizeOf(layer.inputShape);
      pack = Math.max(pack, gemmScratchBytes(maxBatch, r.units, inputs), gemmScratchBytes(r.units, inputs, maxBatch));
    }
  }
  const floats = 3 * activations * maxBatch + 2 * cols + 2 * summary.totalParams;
  return Math.ceil(1.25 * (floats * 4 + pack)) + (1 << 20);
}

export async function createWasmModel(
  spec: ModelSpec,
  options: WasmModelOptions,
  wasm: WasmModule,
): Promise<WasmModel> {
  if (!Number.isInteger(options.maxBatch) || options.maxBatch < 1) {
    throw new RangeError('maxBatch must be a whole number ≥ 1.');
  }
  const kernels = new WasmKernels(await instantiateKernels(wasm), wasm.flavour);
  kernels.memory.reserve(estimateWasmBytes(summarize(spec), options.maxBatch));
  const { maxBatch: _maxBatch, ...cpuOptions } = options;
  const model = createCpuModel(spec, { ...cpuOptions, kernels });
  return { ...model, kernels };
}
