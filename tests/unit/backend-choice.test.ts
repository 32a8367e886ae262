/**
 * The automatic engine choice (engine/backend/choose.ts) on fake platforms: a hardware WebGPU
 * adapter first, then the WebAssembly engine, then TypeScript; software adapters skipped by
 * 'auto'; every engine passed over named in the reason, in words.
 */
import { describe, expect, it } from 'vitest';
import { chooseEngine } from '../../engine/backend/choose';
import type { Platform } from '../../engine/backend/create';
import { WasmLoadError, type WasmModule } from '../../engine/wasm/module';
import { loadWasmKernels } from '../../engine/wasm/node/load';

/** A GPU whose one adapter calls itself `description`; `destroyed` records devices destroyed. */
function fakeGpu(description: string, destroyed: string[]): GPU {
  const limits = {
    maxComputeInvocationsPerWorkgroup: 256,
    maxComputeWorkgroupSizeX: 256,
    maxComputeWorkgroupSizeY: 256,
    maxComputeWorkgroupStorageSize: 16384,
    maxStorageBuffersPerShaderStage: 8,
    maxStorageBufferBindingSize: 2 ** 30,
    maxBufferSize: 2 ** 30,
  };
  const device = { limits, lost: new Promise(() => {}), destroy: () => destroyed.push(description) };
  const adapter = {
    limits,
    info: { vendor: 'acme', architecture: 'gen9', device: '', description },
    requestDevice: async () => device,
  };
  return { requestAdapter: async () => adapter } as unknown as GPU;
}

const noSimd = (): Promise<WasmModule> =>
  Promise.reject(new WasmLoadError('This browser cannot run WebAssembly SIMD, which the wasm engine needs.'));

describe('chooseEngine', () => {
  it("'auto' takes a hardware WebGPU adapter first", async () => {
    const destroyed: string[] = [];
    const platform: Platform = { gpu: fakeGpu('Acme Graphics 620', destroyed), loadWasm: loadWasmKernels };
    const backend = await chooseEngine('auto', platform);
    expect([backend.kind, backend.adapter, backend.threads]).toEqual(['webgpu', 'acme gen9 Acme Graphics 620', 1]);
    expect(backend.reason).toBe('Training runs on WebGPU (acme gen9 Acme Graphics 620), chosen automatically.');
    expect(destroyed).toEqual([]);
  });

  it("'auto' skips a software adapter for the wasm engine, releases its device and says why", async () => {
    const destroyed: string[] = [];
    const backend = await chooseEngine('auto', {
      gpu: fakeGpu('SwiftShader Device', destroyed),
      loadWasm: loadWasmKernels,
    });
    expect(backend.kind).toBe('wasm');
    expect(backend.threads).toBe(1);
    expect(backend.reason).toMatch(
      /software renderer \(acme gen9 SwiftShader Device\).*Training runs on the WebAssembly engine \(.*kernels, 1 thread\), chosen automatically\.$/,
    );
    expect(destroyed).toEqual(['SwiftShader Device']);
  });

  it("'auto' without WebGPU takes the wasm engine", async () => {
    const backend = await chooseEngine('auto', { loadWasm: loadWasmKernels });
    expect(backend.kind).toBe('wasm');
    expect(backend.reason).toMatch(
      /^This browser does not expose WebGPU \(navigator\.gpu is missing\)\. Training runs on the WebAssembly engine/,
    );
  });

  it("'auto' falls back to the TypeScript engine when the wasm engine cannot load, with both reasons", async () => {
    const backend = await chooseEngine('auto', { loadWasm: noSimd });
    expect(backend.kind).toBe('cpu');
    expect(backend.reason).toBe(
      'This browser does not expose WebGPU (navigator.gpu is missing). The WebAssembly engine could not be loaded: This browser cannot run WebAssembly SIMD, which the wasm engine needs. Training runs on the TypeScript engine (1 thread), the fastest that works here.',
    );
  });

  it("an explicit 'webgpu' takes a software adapter anyway", async () => {
    const backend = await chooseEngine('webgpu', { gpu: fakeGpu('llvmpipe (LLVM 15.0.6, 256 bits)', []) });
    expect(backend.kind).toBe('webgpu');
    expect(backend.reason).toBe('Training runs on WebGPU (acme gen9 llvmpipe (LLVM 15.0.6, 256 bits)).');
  });

  it("an explicit 'wasm' that cannot load falls back to TypeScript 'instead'", async () => {
    const backend = await chooseEngine('wasm', { gpu: fakeGpu('Acme Graphics 620', []), loadWasm: noSimd });
    expect(backend.kind).toBe('cpu');
    expect(backend.reason).toMatch(/could not be loaded: .*SIMD.*TypeScript engine \(1 thread\), instead\.$/);
  });

  it("'wasm' where no loader exists says the build lacks it; 'cpu' is taken as asked", async () => {
    expect((await chooseEngine('wasm', {})).reason).toMatch(/^This build does not include the WebAssembly engine\./);
    const ts = await chooseEngine('cpu', { gpu: fakeGpu('Acme Graphics 620', []), loadWasm: loadWasmKernels });
    expect([ts.kind, ts.reason]).toEqual(['cpu', 'Training runs on the TypeScript engine (1 thread).']);
  });
});
