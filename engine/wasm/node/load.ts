/**
 * Loads the wasm kernels in Node from engine/wasm/build (written by scripts/build-wasm.mjs at
 * install time). Node 20 validates the relaxed-SIMD build only when started with
 * --experimental-wasm-relaxed-simd; without it the plain SIMD build is used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chooseBuild, compileKernels, type WasmFlavour, WasmLoadError, type WasmModule } from '../module';

const buildDir = fileURLToPath(new URL('../build/', import.meta.url));

let cached: Promise<WasmModule> | null = null;

/** The kernels (one instance per process unless `fresh`); `flavour` forces a build. */
export function loadWasmKernels(options: { fresh?: boolean; flavour?: WasmFlavour } = {}): Promise<WasmModule> {
  if (cached && !options.fresh && !options.flavour) return cached;
  const simdPath = `${buildDir}kernels-simd.wasm`;
  const relaxedPath = `${buildDir}kernels-relaxed.wasm`;
  if (!existsSync(simdPath)) {
    return Promise.reject(new WasmLoadError(`${simdPath} is missing: run \`npm run build:wasm\` (postinstall does).`));
  }
  const simd = readFileSync(simdPath);
  const relaxed = options.flavour === 'simd' || !existsSync(relaxedPath) ? null : readFileSync(relaxedPath);
  const chosen = chooseBuild(relaxed, simd);
  if (options.flavour && chosen.flavour !== options.flavour) {
    return Promise.reject(new WasmLoadError(`The ${options.flavour} build does not validate in this Node.`));
  }
  const loading = compileKernels(chosen.bytes, chosen.flavour);
  if (!options.fresh && !options.flavour) cached = loading;
  return loading;
}
