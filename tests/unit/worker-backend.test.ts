/**
 * The session's engine switches on a fake hardware GPU: 'auto' takes it (reported with its adapter
 * and one thread), and moving to another engine releases its device without the release being
 * reported as a lost device.
 */
import { describe, expect, it } from 'vitest';
import { loadWasmKernels } from '../../engine/wasm/node/load';
import type { FromWorker } from '../../engine/worker/protocol';
import { openSession } from './worker-harness';

/** A hardware-looking GPU whose device's `lost` resolves when it is destroyed, as WebGPU's does. */
function fakeHardwareGpu(destroyed: string[]): GPU {
  const limits = {
    maxComputeInvocationsPerWorkgroup: 256,
    maxComputeWorkgroupSizeX: 256,
    maxComputeWorkgroupSizeY: 256,
    maxComputeWorkgroupStorageSize: 16384,
    maxStorageBuffersPerShaderStage: 8,
    maxStorageBufferBindingSize: 2 ** 30,
    maxBufferSize: 2 ** 30,
  };
  const requestDevice = async () => {
    let resolveLost: (info: { reason: string; message: string }) => void = () => {};
    const lost = new Promise<{ reason: string; message: string }>((done) => {
      resolveLost = done;
    });
    return {
      limits,
      lost,
      destroy: () => {
        destroyed.push('device');
        resolveLost({ reason: 'destroyed', message: 'Device was destroyed.' });
      },
    };
  };
  const adapter = {
    limits,
    info: { vendor: 'acme', architecture: '', device: '', description: 'Acme RTX' },
    requestDevice,
  };
  return { requestAdapter: async () => adapter } as unknown as GPU;
}

describe('engine switches in the worker session', () => {
  it("'auto' takes a hardware adapter; switching to wasm releases it without a lost-device error", async () => {
    const destroyed: string[] = [];
    const s = openSession(fakeHardwareGpu(destroyed), loadWasmKernels);
    const seen: FromWorker[] = [];
    const stop = s.client.subscribe((m) => seen.push(m));
    const onGpu = s.next('backend');
    s.client.send({ type: 'init', backend: 'auto' });
    const first = await onGpu;
    expect([first.backend, first.adapter, first.threads]).toEqual(['webgpu', 'acme Acme RTX', 1]);
    const onWasm = s.next('backend', (m) => m.backend === 'wasm');
    s.client.send({ type: 'init', backend: 'wasm' });
    await onWasm;
    expect(destroyed).toEqual(['device']);
    // A request answered after the switch: any lost-device report would have come before it.
    await expect(s.client.norms()).rejects.toThrow('No model yet: build one first.');
    stop();
    s.close();
    // Errors without a request (as a lost device's is) reach every subscriber: there are none.
    expect(seen.filter((m) => m.type === 'error')).toEqual([]);
  });
});
