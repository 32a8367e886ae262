/** A fresh WasmKernels (its own instance and memory) in Node. */
import { WasmKernels } from '../kernels';
import { instantiateKernels, type WasmFlavour } from '../module';
import { loadWasmKernels } from './load';

export async function createWasmKernelsNode(flavour?: WasmFlavour): Promise<WasmKernels> {
  const wasm = await loadWasmKernels(flavour ? { flavour } : {});
  return new WasmKernels(await instantiateKernels(wasm), wasm.flavour);
}
