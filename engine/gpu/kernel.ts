/**
 * The typed description of one WGSL kernel that TypeScript needs to use it: its name (used in
 * every GPU object's label), its source, its bindings in order and its override constants.
 * Each engine/gpu/<op>.ts declares the descriptors of its kernels next to the code that encodes
 * them. Binding order follows shaders/README.md: 0 = Params uniform, then inputs, then outputs.
 */

/** 'uniform' = the Params struct; 'read' = read-only storage; 'write' = read_write storage. */
export type BindingKind = 'uniform' | 'read' | 'write';

export interface KernelDescriptor {
  readonly name: string;
  readonly code: string;
  /** One entry per @binding(i) of @group(0), in order; the names are for labels and errors. */
  readonly bindings: readonly (readonly [name: string, kind: BindingKind])[];
  /** Defaults for the WGSL `override` constants; a use may replace them. */
  readonly overrides: Readonly<Record<string, number>>;
}

/**
 * Threads per workgroup of the one-thread-per-element kernels (activations, pooling, elementwise,
 * gather, split_sum, optimisers): the largest size every WebGPU device must support. A CPU
 * adapter (SwiftShader) pays a fixed cost per workgroup, and these kernels do little per thread:
 * ReLU backward over 64x10x24x24 measured ~6 ms at 256 threads against ~9-11 ms at 64.
 */
export const ELEMENT_WG = 256;

/** Workgroup counts for dispatchWorkgroups. */
export type Dispatch = readonly [x: number, y?: number, z?: number];

export function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

/**
 * Splits a 1-D dispatch of `groups` workgroups over x and y, because one dimension is capped
 * at 65535 workgroups; kernels recover the linear id as (wid.y * num_workgroups.x + wid.x).
 */
export function linearDispatch(groups: number): Dispatch {
  if (groups <= 65535) return [Math.max(groups, 1), 1, 1];
  const y = ceilDiv(groups, 65535);
  return [ceilDiv(groups, y), y, 1];
}
