/**
 * `createBackend(kind, platform)`: one engine, ready to build model hosts, or the reason in words
 * why it cannot run here. The platform is passed in (navigator.gpu and a fetch of the wasm file in
 * a worker; the `webgpu` package and a read from disk in Node) so engine code never imports a
 * platform module. It never throws: a missing engine is a normal situation on a student's machine.
 */

import { createCpuModel, loadWeights } from '../cpu/model';
import { openGpuContext } from '../gpu/context';
import type { WasmModule } from '../wasm/module';
import { cpuModelHost } from './cpu-host';
import type { Backend, EngineKind } from './types';
import { createWasmHost, type WasmParallel } from './wasm-host';

export interface Platform {
  /** navigator.gpu, or the `webgpu` package's GPU object in Node; absent where there is none. */
  readonly gpu?: GPU | null;
  /** Loads the compiled wasm kernels (engine/wasm/browser.ts or engine/wasm/node/load.ts). */
  readonly loadWasm?: (() => Promise<WasmModule>) | null;
  /** The largest single GPU buffer a model will bind (a whole dataset); default 128 MiB. */
  readonly maxBufferBytes?: number;
  /** Names the GPU device in validation errors. */
  readonly label?: string;
  /** Data-parallel training for the wasm engine (replica workers); absent = one thread. */
  readonly parallel?: WasmParallel | null;
}

export type BackendResult =
  | { readonly ok: true; readonly backend: Backend; readonly isSoftware: boolean }
  | { readonly ok: false; readonly reason: string };

/** `reason` starts as a plain sentence of what trains; engine/backend/choose.ts adds why. */
export async function createBackend(kind: EngineKind, platform: Platform): Promise<BackendResult> {
  switch (kind) {
    case 'cpu':
      return { ok: true, backend: typescriptBackend(), isSoftware: false };
    case 'wasm':
      return wasmBackend(platform);
    case 'webgpu':
      return webgpuBackend(platform);
  }
}

export function typescriptBackend(): Backend {
  return {
    kind: 'cpu',
    adapter: null,
    reason: 'Training runs on the TypeScript engine (1 thread).',
    threads: 1,
    createHost: async (m) => {
      const model = createCpuModel(m.spec, { seed: m.seed, init: m.init, inputGradient: m.inputGradient });
      if (m.weights) loadWeights(model, m.weights);
      return cpuModelHost({ engine: 'cpu', model: () => model, fit: async () => {}, destroy: () => {} });
    },
    lost: null,
    dispose: () => {},
  };
}

async function wasmBackend(platform: Platform): Promise<BackendResult> {
  if (!platform.loadWasm) return { ok: false, reason: 'This build does not include the WebAssembly engine.' };
  let wasm: WasmModule;
  try {
    wasm = await platform.loadWasm();
  } catch (error) {
    return { ok: false, reason: `The WebAssembly engine could not be loaded: ${wordsOf(error)}` };
  }
  const kernels = wasm.flavour === 'relaxed-simd' ? 'relaxed-SIMD' : 'SIMD128';
  const parallel = platform.parallel && platform.parallel.threads > 1 ? platform.parallel : null;
  const threads = parallel?.threads ?? 1;
  return {
    ok: true,
    isSoftware: false,
    backend: {
      kind: 'wasm',
      adapter: null,
      reason: `Training runs on the WebAssembly engine (${kernels} kernels, ${threads === 1 ? '1 thread' : `${threads} threads, each batch split between them`}).`,
      threads,
      createHost: (m) => createWasmHost(wasm, m, { parallel }),
      lost: null,
      dispose: () => {},
    },
  };
}

async function webgpuBackend(platform: Platform): Promise<BackendResult> {
  const opened = await openGpuContext(platform.gpu, platform.label ?? 'convlab training', {
    ...(platform.maxBufferBytes ? { maxBufferBytes: platform.maxBufferBytes } : {}),
  });
  if (!opened.ok) {
    const { reason: why, message } = opened.error;
    const words =
      why === 'no-adapter'
        ? `No WebGPU adapter is available: ${message}`
        : why === 'device-failed'
          ? `The GPU device could not be created: ${message}`
          : message;
    return { ok: false, reason: words };
  }
  const { device, adapterName } = opened;
  return {
    ok: true,
    isSoftware: opened.isSoftware,
    backend: {
      kind: 'webgpu',
      adapter: adapterName,
      reason: `Training runs on WebGPU (${adapterName}).`,
      threads: 1,
      // Imported on first use: the GPU model pulls in every WGSL kernel (a `?raw` import that the
      // CLI can load only after registering its loader), which the CPU engines never need.
      createHost: async (m) => (await import('../gpu/host')).gpuHost(device, m),
      lost: device.lost.then((info) => info.message || info.reason),
      dispose: () => device.destroy(),
    },
  };
}

function wordsOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
