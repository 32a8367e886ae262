/**
 * Loading the compiled kernels. Two builds exist (scripts/build-wasm.mjs): relaxed SIMD (fused
 * multiply-add in the gemm) and plain SIMD128. The relaxed one is used where the engine
 * validates it (Chromium without a flag; Node 20 only with --experimental-wasm-relaxed-simd),
 * the plain one otherwise. How the bytes are fetched differs between Node (engine/wasm/node/
 * load.ts, from disk) and the browser (engine/wasm/browser.ts, a Vite asset URL), so this file
 * takes bytes and does the rest: pick, compile (once), instantiate (per model). Compiling bytes needs only
 * CSP script-src 'wasm-unsafe-eval', which the app sends.
 */
import type { KernelExports } from './exports';

export type WasmFlavour = 'relaxed-simd' | 'simd';

/** The compiled kernels: instantiate once per model (each instance has its own linear memory). */
export interface WasmModule {
  readonly module: WebAssembly.Module;
  readonly flavour: WasmFlavour;
}

/** Why the kernels could not be loaded, in words a person can act on. */
export class WasmLoadError extends Error {
  override readonly name = 'WasmLoadError';
}

/** Whether this engine runs WebAssembly SIMD128 at all (a tiny module with one v128 op). */
export function hasWasmSimd(): boolean {
  if (typeof WebAssembly !== 'object') return false;
  // (module (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt))
  const bytes = new Uint8Array([
    0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
  ]);
  return WebAssembly.validate(bytes);
}

/** Chooses the relaxed build when this engine validates it, else the plain one. */
export function chooseBuild(
  relaxed: BufferSource | null,
  simd: BufferSource,
): { bytes: BufferSource; flavour: WasmFlavour } {
  if (relaxed && WebAssembly.validate(relaxed)) return { bytes: relaxed, flavour: 'relaxed-simd' };
  if (!WebAssembly.validate(simd)) {
    throw new WasmLoadError('This browser cannot run WebAssembly SIMD, which the wasm engine needs.');
  }
  return { bytes: simd, flavour: 'simd' };
}

export async function compileKernels(bytes: BufferSource, flavour: WasmFlavour): Promise<WasmModule> {
  return { module: await WebAssembly.compile(bytes), flavour };
}

/** A fresh instance with its own linear memory. */
export async function instantiateKernels(wasm: WasmModule): Promise<KernelExports> {
  // The stub runtime's only import is env.abort, which --noAssert builds never call; give it a
  // clear message anyway.
  const instance = await WebAssembly.instantiate(wasm.module, {
    env: {
      abort(): never {
        throw new WasmLoadError('A wasm kernel aborted.');
      },
    },
  });
  return instance.exports as unknown as KernelExports;
}
