/**
 * Pipelines and bind-group layouts, created once per kernel and override set and shared by every
 * use of the kernel (a model builds them at construction, never per step). Layouts are explicit,
 * built from the descriptor's bindings, so one layout serves all of a kernel's bind groups.
 */
import type { BindingKind, KernelDescriptor } from './kernel';

export interface KernelPipeline {
  readonly kernel: KernelDescriptor;
  readonly pipeline: GPUComputePipeline;
  readonly layout: GPUBindGroupLayout;
}

const BUFFER_TYPE: Record<BindingKind, GPUBufferBindingType> = {
  uniform: 'uniform',
  read: 'read-only-storage',
  write: 'storage',
};

export class PipelineCache {
  private readonly modules = new Map<string, GPUShaderModule>();
  private readonly pipelines = new Map<string, KernelPipeline>();

  constructor(private readonly device: GPUDevice) {}

  /** The pipeline for `kernel` with its overrides replaced by `overrides`; cached by name + values. */
  get(kernel: KernelDescriptor, overrides: Readonly<Record<string, number>> = {}): KernelPipeline {
    const constants = { ...kernel.overrides, ...overrides };
    const key = `${kernel.name}|${Object.entries(constants)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join(',')}`;
    const cached = this.pipelines.get(key);
    if (cached) return cached;
    const layout = this.device.createBindGroupLayout({
      label: `${kernel.name} bind group layout`,
      entries: kernel.bindings.map(([, kind], binding) => ({
        binding,
        visibility: GPUShaderStage.COMPUTE,
        buffer: { type: BUFFER_TYPE[kind] },
      })),
    });
    const pipeline = this.device.createComputePipeline({
      label: `${key} pipeline`,
      layout: this.device.createPipelineLayout({ label: `${kernel.name} pipeline layout`, bindGroupLayouts: [layout] }),
      compute: { module: this.module(kernel), entryPoint: 'main', constants },
    });
    const entry = { kernel, pipeline, layout };
    this.pipelines.set(key, entry);
    return entry;
  }

  /** How many distinct pipelines exist (tests check that steps create none). */
  get size(): number {
    return this.pipelines.size;
  }

  private module(kernel: KernelDescriptor): GPUShaderModule {
    let m = this.modules.get(kernel.name);
    if (!m) {
      m = this.device.createShaderModule({ label: `${kernel.name}.wgsl`, code: kernel.code });
      this.modules.set(kernel.name, m);
    }
    return m;
  }
}
