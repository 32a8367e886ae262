/**
 * WebGPU for the bench's Node scripts (profile-webgpu.ts, swiftshader-costs.ts): the `webgpu`
 * package (Dawn) opened through engine/gpu/context.ts, the one way ConvLab opens a GPU. Run them
 * through `node scripts/with-webgpu.mjs`, which points Dawn at SwiftShader here.
 */
import { type GpuContext, openGpuContext } from '../engine/gpu/context';

export interface NodeGpuContext extends GpuContext {
  /** Dawn's instance lives only while it is referenced: keep this as long as the device is used. */
  readonly instance: GPU;
}

export async function openBenchGpu(label: string, maxBufferBytes: number): Promise<NodeGpuContext> {
  const webgpu = await import('webgpu');
  Object.assign(globalThis, webgpu.globals);
  const instance = webgpu.create([]);
  const opened = await openGpuContext(instance, label, { maxBufferBytes });
  if (!opened.ok) throw new Error(`${opened.error.message} Run through \`node scripts/with-webgpu.mjs\`.`);
  return { ...opened, instance };
}
