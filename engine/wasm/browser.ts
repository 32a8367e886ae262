/**
 * Loads the wasm kernels in a browser page or worker: Vite emits both builds as hashed assets
 * (same origin, so CSP connect-src 'self' covers the fetch) and this fetches the relaxed one
 * first, falling back to plain SIMD where it does not validate.
 */
import relaxedUrl from './build/kernels-relaxed.wasm?url';
import simdUrl from './build/kernels-simd.wasm?url';
import { chooseBuild, compileKernels, type WasmModule } from './module';

let cached: Promise<WasmModule> | null = null;

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the wasm engine (${response.status} for ${url}).`);
  return response.arrayBuffer();
}

export function loadWasmKernelsInBrowser(): Promise<WasmModule> {
  cached ??= (async () => {
    const relaxed = await fetchBytes(relaxedUrl);
    if (WebAssembly.validate(relaxed)) return compileKernels(relaxed, 'relaxed-simd');
    const chosen = chooseBuild(null, await fetchBytes(simdUrl));
    return compileKernels(chosen.bytes, chosen.flavour);
  })();
  return cached;
}
