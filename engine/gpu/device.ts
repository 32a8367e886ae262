/**
 * Getting a WebGPU device: adapter, feature and limit checks, device. It takes the `GPU` object
 * as an argument (navigator.gpu in a page or worker, the `webgpu` package's `create()` in Node)
 * so engine code never imports a platform module. In Node, keep a reference to that object for
 * as long as the device is used: Dawn's instance dies with it when it is garbage-collected. Failure is a value with a message a student
 * can act on, because "no WebGPU" is a normal situation: the trainer then falls back to the CPU.
 */

export type GpuUnavailableReason = 'no-webgpu' | 'no-adapter' | 'limits' | 'device-failed';

export class GpuUnavailableError extends Error {
  override readonly name = 'GpuUnavailableError';
  constructor(
    readonly reason: GpuUnavailableReason,
    message: string,
  ) {
    super(message);
  }
}

export interface AdapterDescription {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
}

export interface AcquiredDevice {
  readonly device: GPUDevice;
  readonly adapterInfo: AdapterDescription;
  readonly limits: GPUSupportedLimits;
}

export type AcquireResult =
  | ({ readonly ok: true } & AcquiredDevice)
  | { readonly ok: false; readonly error: GpuUnavailableError };

export interface AcquireOptions {
  readonly powerPreference?: GPUPowerPreference;
  /** Largest single buffer the caller will bind (e.g. a whole uint8 dataset); default 128 MiB. */
  readonly maxBufferBytes?: number;
  readonly label?: string;
}

/**
 * What every kernel in shaders/ relies on. These equal WebGPU's default limits, so any
 * conforming adapter passes; the check exists to explain a failure rather than crash in a kernel.
 */
const REQUIRED = {
  maxComputeInvocationsPerWorkgroup: 256,
  maxComputeWorkgroupSizeX: 256,
  maxComputeWorkgroupSizeY: 256,
  maxComputeWorkgroupStorageSize: 16384,
  maxStorageBuffersPerShaderStage: 8,
} as const;

const DEFAULT_BUFFER_BYTES = 128 * 1024 * 1024;

export async function acquireDevice(gpu: GPU | undefined | null, options: AcquireOptions = {}): Promise<AcquireResult> {
  const fail = (reason: GpuUnavailableReason, message: string): AcquireResult => ({
    ok: false,
    error: new GpuUnavailableError(reason, message),
  });
  if (!gpu) return fail('no-webgpu', 'This browser does not offer WebGPU, so training runs on the CPU (slower).');
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter(options.powerPreference ? { powerPreference: options.powerPreference } : {});
  } catch (e) {
    return fail('no-adapter', `WebGPU is present but no graphics adapter could be opened (${describe(e)}).`);
  }
  if (!adapter) {
    return fail('no-adapter', 'WebGPU is present but found no usable graphics adapter.');
  }
  const limits = adapter.limits;
  for (const [name, need] of Object.entries(REQUIRED)) {
    const have = limits[name as keyof typeof REQUIRED];
    if (have < need) {
      return fail('limits', `This graphics adapter allows ${name} = ${have}, but ConvLab's kernels need ${need}.`);
    }
  }
  const wantBytes = options.maxBufferBytes ?? DEFAULT_BUFFER_BYTES;
  if (limits.maxStorageBufferBindingSize < wantBytes || limits.maxBufferSize < wantBytes) {
    const mib = Math.floor(Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize) / 2 ** 20);
    return fail(
      'limits',
      `This graphics adapter can hold at most ${mib} MiB in one buffer, but ${Math.ceil(wantBytes / 2 ** 20)} MiB are needed (try a smaller dataset).`,
    );
  }
  let device: GPUDevice;
  try {
    device = await adapter.requestDevice({
      label: options.label ?? 'convlab',
      requiredLimits: {
        maxStorageBufferBindingSize: Math.max(wantBytes, DEFAULT_BUFFER_BYTES),
        maxBufferSize: Math.max(wantBytes, 256 * 1024 * 1024),
      },
    });
  } catch (e) {
    return fail('device-failed', `The graphics adapter refused to open a device (${describe(e)}).`);
  }
  const info = adapter.info;
  return {
    ok: true,
    device,
    adapterInfo: {
      vendor: info.vendor,
      architecture: info.architecture,
      device: info.device,
      description: info.description,
    },
    limits: device.limits,
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
