/** `--backend wasm` for the CLI: the CPU model on the WebAssembly SIMD kernels, trained by the CPU Trainer. */
import { getWeights } from '../cpu/model';
import type { DatasetSplits } from '../data/dataset';
import type { ModelSpec } from '../spec/types';
import { evaluate } from '../train/evaluate';
import type { Metrics } from '../train/metrics';
import { Trainer, type TrainerConfig } from '../train/trainer';
import { createWasmModel } from '../wasm/model';
import type { WasmFlavour } from '../wasm/module';
import { loadWasmKernels } from '../wasm/node/load';
import type { Backend } from './train';

export async function wasmBackend(
  spec: ModelSpec,
  seed: number,
  data: DatasetSplits,
  config: Partial<TrainerConfig>,
  evalBatch: number,
): Promise<Backend & { flavour: WasmFlavour }> {
  const wasm = await loadWasmKernels();
  const maxBatch = Math.max(config.batchSize ?? 64, evalBatch);
  const model = await createWasmModel(spec, { seed, inputGradient: false, maxBatch }, wasm);
  return {
    flavour: wasm.flavour,
    trainer: new Trainer(model, data, config),
    evaluate: async (test): Promise<Metrics> => evaluate(model, test, evalBatch, 'crossEntropy'),
    weights: async () => getWeights(model),
  };
}
