/**
 * The TypeScript CPU engine vs the wasm engine, measured the same way in Node (bench/wasm-step.ts)
 * and in a browser (bench/wasm-browser.ts): training images/s of the lecture MNIST net and the
 * ConvNetJS CIFAR-10 net (batch 64, Adam, forward + loss + backward + update, the same model code
 * on both kernel providers), and GEMM GFLOP/s on the nets' product shapes. Rounds alternate
 * between the engines so that load from other processes hits both alike. Data is random pixels:
 * the arithmetic per step does not depend on the values. No Node built-ins here.
 */
import { gemm } from '../engine/cpu/gemm';
import { createCpuModel } from '../engine/cpu/model';
import { getPreset } from '../engine/spec/presets';
import { summarize } from '../engine/spec/summarize';
import type { ModelSpec } from '../engine/spec/types';
import { createRng } from '../engine/tensor/rng';
import { sizeOf } from '../engine/tensor/tensor';
import type { Model } from '../engine/train/model';
import { createOptimizer } from '../engine/train/optimizers';
import { NO_REGULARIZATION } from '../engine/train/regularization';
import { trainStep } from '../engine/train/step';
import { gemmScratchBytes, WasmKernels } from '../engine/wasm/kernels';
import { createWasmModel, type WasmModel } from '../engine/wasm/model';
import { instantiateKernels, type WasmModule } from '../engine/wasm/module';
import { trainingFlopsPerImage } from './flops';

export const BATCH = 64;

export interface NetResult {
  readonly model: string;
  readonly tsImagesPerSecond: number;
  readonly wasmImagesPerSecond: number;
  /** Training GFLOP/s of each engine (FLOPs per image as bench/flops.ts counts them). */
  readonly tsGflops: number;
  readonly wasmGflops: number;
  readonly speedup: number;
  /** Kernel calls that fell back to TypeScript, and arrays that could not live in wasm memory (both should be 0). */
  readonly fallbacks: number;
  readonly heapArrays: number;
  /** Worst relative difference between the two engines' losses over the first 5 steps. */
  readonly lossParity: number;
}

export interface GemmResult {
  readonly shape: string;
  readonly tsGflops: number;
  readonly wasmGflops: number;
}

/** One training step of `model` per call (fixed random batch, Adam): returns the loss. */
export function stepper(model: Model, spec: ModelSpec): () => number {
  const rng = createRng(1);
  const shape = summarize(spec).layers[0]!.outputShape;
  const x = new Float32Array(BATCH * sizeOf(shape)).map(() => rng.next());
  const labels = new Uint8Array(BATCH).map(() => rng.int(10));
  const optimizer = createOptimizer({ kind: 'adam' });
  const input = {
    x: { shape: [BATCH, ...shape], data: x },
    labels,
    lr: 1e-3,
    loss: 'crossEntropy' as const,
    regularization: NO_REGULARIZATION,
    rng,
  };
  return () => trainStep(model, optimizer, input).loss;
}

/** Milliseconds from some origin: wall time by default; Node passes its process CPU time (less hurt by other load). */
export type Clock = () => number;

const wallClock: Clock = () => performance.now();

function time(run: () => unknown, n: number, clock: Clock = wallClock): number {
  const t0 = clock();
  for (let i = 0; i < n; i++) run();
  return clock() - t0;
}

export async function compareNets(
  wasm: WasmModule,
  steps: number,
  keys: readonly string[] = ['lecture-mnist', 'convnetjs-cifar10'],
  clock: Clock = wallClock,
): Promise<NetResult[]> {
  const results: NetResult[] = [];
  for (const key of keys) {
    const spec = getPreset(key).spec;
    const ts = stepper(createCpuModel(spec, { seed: 1, inputGradient: false }), spec);
    const wasmModel: WasmModel = await createWasmModel(spec, { seed: 1, inputGradient: false, maxBatch: BATCH }, wasm);
    const ws = stepper(wasmModel, spec);
    let lossParity = 0;
    for (let i = 0; i < 5; i++) {
      const a = ts();
      const b = ws();
      lossParity = Math.max(lossParity, Math.abs(a - b) / Math.abs(a));
    }
    let tsMs = 0;
    let wasmMs = 0;
    for (let round = 0; round < 3; round++) {
      tsMs += time(ts, steps, clock);
      wasmMs += time(ws, steps, clock);
    }
    const images = 3 * steps * BATCH;
    const tsRate = images / (tsMs / 1000);
    const wasmRate = images / (wasmMs / 1000);
    const flopsPerImage = trainingFlopsPerImage(summarize(spec)).total;
    results.push({
      model: key,
      tsImagesPerSecond: tsRate,
      wasmImagesPerSecond: wasmRate,
      tsGflops: (tsRate * flopsPerImage) / 1e9,
      wasmGflops: (wasmRate * flopsPerImage) / 1e9,
      speedup: wasmRate / tsRate,
      fallbacks: wasmModel.kernels.fallbacks,
      heapArrays: wasmModel.kernels.heapArrays,
      lossParity,
    });
  }
  return results;
}

/** GFLOP/s of the nets' product shapes: TS gemm vs the wasm gemm on operands already in wasm memory. */
export async function compareGemms(wasm: WasmModule): Promise<GemmResult[]> {
  const k = new WasmKernels(await instantiateKernels(wasm), wasm.flavour);
  // Sized before any view is handed out: growing memory later would detach the views.
  k.memory.reserve(16 << 20);
  const shapes: [string, number, number, number][] = [
    ['lecture conv1 fwd 10x576x25', 10, 576, 25],
    ['lecture conv2 fwd 10x64x250', 10, 64, 250],
    ['lecture conv2 dW 10x250x64', 10, 250, 64],
    ['lecture dense1 fwd 64x100x160', 64, 100, 160],
    ['cifar conv2 fwd 20x256x400', 20, 256, 400],
    ['cifar conv2 dx 400x256x20', 400, 256, 20],
    ['square 256', 256, 256, 256],
  ];
  const results: GemmResult[] = [];
  for (const [shape, m, n, depth] of shapes) {
    const rng = createRng(m + n);
    // Filled in place: .map() would return a copy on the JS heap, not a view of wasm memory.
    const a = k.persistent(m * depth);
    const b = k.persistent(depth * n);
    const c = k.persistent(m * n);
    for (let i = 0; i < a.length; i++) a[i] = rng.next();
    for (let i = 0; i < b.length; i++) b[i] = rng.next();
    const scratch = k.memory.allocate(gemmScratchBytes(m, n, depth));
    if (scratch === null || !k.memory.owns(a) || !k.memory.owns(b) || !k.memory.owns(c)) {
      throw new Error('compareGemms: operands did not fit in wasm memory');
    }
    const flops = 2 * m * n * depth;
    const reps = Math.max(2, Math.ceil(4e7 / flops));
    const runTs = (): void => gemm(m, n, depth, a, 0, depth, 1, b, 0, n, 1, c, 0, false);
    const runWasm = (): void =>
      k.exports.gemm(m, n, depth, a.byteOffset, depth, 1, b.byteOffset, n, 1, c.byteOffset, 0, 0, scratch);
    runTs();
    runWasm();
    // Best of 5 alternating rounds: a product this short is easily stretched by another process.
    let tsMs = Number.POSITIVE_INFINITY;
    let wasmMs = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 5; round++) {
      tsMs = Math.min(tsMs, time(runTs, reps));
      wasmMs = Math.min(wasmMs, time(runWasm, reps));
    }
    const rate = (ms: number): number => (flops * reps) / (ms / 1000) / 1e9;
    results.push({ shape, tsGflops: rate(tsMs), wasmGflops: rate(wasmMs) });
  }
  return results;
}

export function formatResults(flavour: string, nets: readonly NetResult[], gemms: readonly GemmResult[]): string {
  const lines = [`wasm build: ${flavour}; batch ${BATCH}`];
  for (const r of nets) {
    lines.push(
      `${r.model}: TypeScript ${r.tsImagesPerSecond.toFixed(0)} img/s (${r.tsGflops.toFixed(2)} GFLOP/s), ` +
        `wasm ${r.wasmImagesPerSecond.toFixed(0)} img/s (${r.wasmGflops.toFixed(2)} GFLOP/s): ${r.speedup.toFixed(2)}x; ` +
        `loss parity ${r.lossParity.toExponential(1)}, fallbacks ${r.fallbacks}, heap arrays ${r.heapArrays}`,
    );
  }
  for (const g of gemms) {
    lines.push(
      `gemm ${g.shape}: TypeScript ${g.tsGflops.toFixed(2)} GFLOP/s, wasm ${g.wasmGflops.toFixed(2)} GFLOP/s (${(g.wasmGflops / g.tsGflops).toFixed(1)}x)`,
    );
  }
  return lines.join('\n');
}
