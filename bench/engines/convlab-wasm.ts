/**
 * ConvLab's WebAssembly SIMD engine: the same CPU-graph model and Trainer as convlab-cpu, on the
 * wasm kernels. The kernels load as the app loads them (engine/wasm/browser.ts: a same-origin
 * Vite asset, relaxed SIMD where the browser validates it, else plain SIMD128), and the bench
 * server sends this page the app's Content-Security-Policy (bench/server.ts), so a policy that
 * blocked the compile would fail the run here too. The note names the build that ran.
 */
import type { DatasetSplits } from '../../engine/data/dataset';
import { getPreset } from '../../engine/spec/presets';
import { loadWasmKernelsInBrowser } from '../../engine/wasm/browser';
import { createWasmModel } from '../../engine/wasm/model';
import type { BenchEngine } from '../engine';
import type { ModelKey, RunConfig } from '../protocol';
import { EVAL_BATCH, modelEngine } from './model-engine';

export async function createConvlabWasmEngine(
  modelKey: ModelKey,
  data: DatasetSplits,
  config: RunConfig,
): Promise<BenchEngine> {
  const wasm = await loadWasmKernelsInBrowser();
  const model = await createWasmModel(
    getPreset(modelKey).spec,
    { seed: config.seed, inputGradient: false, maxBatch: Math.max(config.batchSize, EVAL_BATCH) },
    wasm,
  );
  const engine = modelEngine(model, data, config, `ConvLab wasm engine (${wasm.flavour} build, one thread)`);
  return {
    ...engine,
    // Kernel calls that had to run in TypeScript would make this a mixed measurement: say so.
    dispose(): void {
      const { fallbacks, heapArrays } = model.kernels;
      if (fallbacks > 0 || heapArrays > 0) {
        console.log(`[bench] wasm: ${fallbacks} kernel fallbacks, ${heapArrays} arrays outside wasm memory`);
      }
      engine.dispose();
    },
  };
}
