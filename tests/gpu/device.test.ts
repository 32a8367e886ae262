import { describe, expect, it } from 'vitest';
import { acquireDevice } from '../../engine/gpu/device';
import { withDevice } from './harness';

const gpu = withDevice();

describe('acquireDevice', () => {
  it('returns a no-webgpu error value (not a throw) when there is no GPU object', async () => {
    const result = await acquireDevice(undefined);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.reason).toBe('no-webgpu');
      expect(result.error.message).toMatch(/CPU/);
    }
  });

  it('opens a device with the limits the kernels need on this adapter', () => {
    const { device } = gpu();
    expect(device.limits.maxComputeInvocationsPerWorkgroup).toBeGreaterThanOrEqual(256);
    expect(device.limits.maxStorageBufferBindingSize).toBeGreaterThanOrEqual(128 * 1024 * 1024);
  });
});
