/**
 * Browser side of bench/wasm-browser.ts: loads the kernels the way the app will (a Vite asset URL,
 * relaxed SIMD where the browser validates it) and runs bench/wasm-compare.ts in the page.
 */
import { loadWasmKernelsInBrowser } from '../engine/wasm/browser';
import { compareGemms, compareNets, type GemmResult, type NetResult } from './wasm-compare';

export interface BrowserBenchResult {
  readonly flavour: string;
  readonly userAgent: string;
  readonly nets: NetResult[];
  readonly gemms: GemmResult[];
}

declare global {
  interface Window {
    wasmBench?: (steps: number) => Promise<BrowserBenchResult>;
  }
}

window.wasmBench = async (steps: number): Promise<BrowserBenchResult> => {
  const wasm = await loadWasmKernelsInBrowser();
  return {
    flavour: wasm.flavour,
    userAgent: navigator.userAgent,
    nets: await compareNets(wasm, steps),
    gemms: await compareGemms(wasm),
  };
};
