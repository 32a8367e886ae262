/**
 * Pipelines and bind-group layouts, created once per kernel and override set and shared by every
 * use of the kernel (a model builds them at construction, never per step). Layouts are explicit,
 * built from the descriptor's bindings, so one layout serves all of a kernel's bind groups.
 *
 * WGSL has no includes, so helpers several kernels share live once in shaders/snippets/ and a
 * kernel names the ones it calls in a header line `// Snippets: a, b`; the shader module is the
 * kernel's text with those snippets appended. Appended, not prepended: WGSL declarations may come
 * in any order, and the compiler's line numbers then still point into the kernel's own file.
 */
import activateWgsl from '../../shaders/snippets/activate.wgsl?raw';
import lossMetricsWgsl from '../../shaders/snippets/loss_metrics.wgsl?raw';
import type { BindingKind, KernelDescriptor } from './kernel';

/** Every snippet a kernel may name, by name (shaders/snippets/<name>.wgsl). */
const SNIPPETS: Readonly<Record<string, string>> = { activate: activateWgsl, loss_metrics: lossMetricsWgsl };

const SNIPPETS_LINE = /^\/\/ Snippets: ([a-z_]+(?:, [a-z_]+)*)/m;

/** The snippet names a kernel's header asks for, in order (none without a `// Snippets:` line). */
export function snippetsOf(code: string): string[] {
  const line = SNIPPETS_LINE.exec(code);
  return line ? line[1]!.split(', ') : [];
}

/** The source of `kernel`'s shader module: its own text, then each snippet it names. */
export function shaderSource(kernel: Pick<KernelDescriptor, 'name' | 'code'>): string {
  const parts = [kernel.code];
  for (const name of snippetsOf(kernel.code)) {
    const snippet = SNIPPETS[name];
    if (snippet === undefined) {
      throw new Error(
        `Kernel ${kernel.name} asks for the WGSL snippet "${name}", which shaders/snippets/ does not have.`,
      );
    }
    parts.push(`// ---- shaders/snippets/${name}.wgsl ----\n${snippet}`);
  }
  return parts.join('\n');
}

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
      m = this.device.createShaderModule({ label: `${kernel.name}.wgsl`, code: shaderSource(kernel) });
      this.modules.set(kernel.name, m);
    }
    return m;
  }
}
