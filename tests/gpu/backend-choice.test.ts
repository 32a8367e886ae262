/**
 * The backend chooser on this machine's real (software) WebGPU adapter: 'auto' must not pick a
 * software renderer that trains slower than the CPU engine, while an explicit 'webgpu' still can.
 */
import { describe, expect, it } from 'vitest';
import { create, globals } from 'webgpu';
import { chooseBackend } from '../../engine/worker/backend';

Object.assign(globalThis, globals);
// Dawn lives only as long as this object is referenced (see engine/gpu/device.ts).
const gpu = create([]);

describe('chooseBackend', () => {
  it("'webgpu' takes the adapter even when it is a software renderer", async () => {
    const choice = await chooseBackend('webgpu', gpu);
    expect(choice.kind).toBe('webgpu');
    if (choice.kind === 'webgpu') choice.device.destroy();
  });

  it("'auto' falls back to the CPU on a software adapter and says why", async () => {
    const choice = await chooseBackend('auto', gpu);
    expect(choice.kind).toBe('cpu');
    expect(choice.reason).toMatch(/software renderer \(.*swiftshader.*\)/i);
  });

  it("'cpu' is taken as asked", async () => {
    expect(await chooseBackend('cpu', gpu)).toEqual({ kind: 'cpu', reason: 'The CPU engine was chosen.' });
  });
});
