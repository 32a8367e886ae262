/**
 * The one way ConvLab opens a GPU: adapter, checks and device (engine/gpu/device.ts acquireDevice),
 * plus the adapter named in words and whether it is a software renderer. The worker, the CLI, the
 * bench and the profiler all call this, so "which adapter" reads the same everywhere.
 *
 * Failure is a value (a GpuUnavailableError with a reason and a sentence), never a throw: no WebGPU
 * is a normal situation and the caller picks another engine.
 */

import { type AcquireOptions, acquireDevice, type GpuUnavailableError } from './device';

export interface GpuContext {
  readonly device: GPUDevice;
  /** The adapter in words, e.g. "google swiftshader SwiftShader Device". */
  readonly adapterName: string;
  /** A CPU-emulated adapter (SwiftShader, llvmpipe, ...): slower than ConvLab's CPU engines. */
  readonly isSoftware: boolean;
  readonly limits: GPUSupportedLimits;
}

export type GpuContextResult =
  | ({ readonly ok: true } & GpuContext)
  | { readonly ok: false; readonly error: GpuUnavailableError };

export async function openGpuContext(
  gpu: GPU | undefined | null,
  label: string,
  options: Omit<AcquireOptions, 'label'> = {},
): Promise<GpuContextResult> {
  const result = await acquireDevice(gpu, { ...options, label });
  if (!result.ok) return result;
  const adapterName = nameAdapter(result.adapterInfo);
  return {
    ok: true,
    device: result.device,
    adapterName,
    isSoftware: isSoftwareAdapter(adapterName),
    limits: result.limits,
  };
}

export function nameAdapter(info: {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
}): string {
  const parts = [info.vendor, info.architecture, info.description || info.device].filter((s) => s.length > 0);
  return parts.join(' ') || 'an unnamed adapter';
}

/** SwiftShader and other CPU-emulated adapters run WGSL on the CPU, slower than our CPU kernels. */
export function isSoftwareAdapter(adapterName: string): boolean {
  return /swiftshader|llvmpipe|lavapipe|software|microsoft basic render/i.test(adapterName);
}
