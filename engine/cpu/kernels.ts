/**
 * The kernel provider seam: every array-level op a CpuLayer runs, and how its arrays are
 * allocated, behind one interface. `tsKernels` (this file) is the TypeScript reference and the
 * default; engine/wasm/kernels.ts implements the same interface with WebAssembly SIMD kernels
 * whose arrays live in wasm linear memory. Layers and the model call only this, so both
 * providers run the very same graph code.
 */
import type { ActivationKind } from '../spec/types';
import { activationBackward, activationBackwardFromInput, activationForward } from './activations';
import { avgpoolBackward, avgpoolForward } from './avgpool';
import { type Conv2dGrads, conv2dBackward, conv2dForward, conv2dScratchSize } from './conv2d';
import { type DenseDims, type DenseGrads, denseBackward, denseForward } from './dense';
import type { ConvGeometry } from './geometry';
import { maxpoolBackward, maxpoolForward } from './maxpool';

/** A fused activation applied to a conv or dense output (its derivative comes from the output). */
export interface FusedActivation {
  readonly kind: ActivationKind;
  readonly alpha: number;
}

/** A buffer that a layer or the model reuses between calls: `get` hands out exact-length views. */
export interface Reusable {
  get(length: number): Float32Array;
}

export interface ReusableInts {
  get(length: number): Int32Array;
}

export interface CpuKernels {
  readonly name: string;
  /** A zeroed array that lives as long as the model (parameters, their gradients). */
  persistent(length: number): Float32Array;
  /**
   * A layer's output buffer. TypeScript: a fresh array every call (callers may keep outputs).
   * wasm: one buffer reused every call (outputs are valid until the next forward).
   */
  output(): Reusable;
  /** Scratch or gradient storage reused between calls (contents undefined on entry). */
  scratch(): Reusable;
  /** Max-pooling switches, reused between calls. */
  switches(): ReusableInts;
  conv2dScratchSize(geo: ConvGeometry): number;
  conv2dForward(
    geo: ConvGeometry,
    x: Float32Array,
    w: Float32Array,
    b: Float32Array | null,
    y: Float32Array,
    act: FusedActivation | null,
    cols: Float32Array,
  ): void;
  conv2dBackward(
    geo: ConvGeometry,
    x: Float32Array,
    w: Float32Array,
    dy: Float32Array,
    grads: Conv2dGrads,
    cols: Float32Array,
    dcols: Float32Array,
  ): void;
  denseForward(
    dims: DenseDims,
    x: Float32Array,
    w: Float32Array,
    b: Float32Array | null,
    y: Float32Array,
    act: FusedActivation | null,
  ): void;
  denseBackward(dims: DenseDims, x: Float32Array, w: Float32Array, dy: Float32Array, grads: DenseGrads): void;
  maxpoolForward(geo: ConvGeometry, x: Float32Array, y: Float32Array, switches: Int32Array): void;
  maxpoolBackward(dy: Float32Array, switches: Int32Array, dx: Float32Array): void;
  avgpoolForward(geo: ConvGeometry, x: Float32Array, y: Float32Array): void;
  avgpoolBackward(geo: ConvGeometry, dy: Float32Array, dx: Float32Array): void;
  activationForward(kind: ActivationKind, alpha: number, x: Float32Array, y: Float32Array): void;
  activationBackward(kind: ActivationKind, alpha: number, y: Float32Array, dy: Float32Array, dx: Float32Array): void;
  activationBackwardFromInput(
    kind: ActivationKind,
    alpha: number,
    x: Float32Array,
    y: Float32Array,
    dy: Float32Array,
    dx: Float32Array,
  ): void;
}

/**
 * A reusable array that grows (through `allocate`) to the largest length asked for and hands out
 * exact-length views. Every provider's scratch and switches are this, whatever memory is behind
 * them (the JS heap here, wasm linear memory in engine/wasm/kernels.ts).
 */
export function growing<T extends Float32Array | Int32Array>(
  allocate: (length: number) => T,
): { get(length: number): T } {
  let block: T | null = null;
  return {
    get(length: number): T {
      if (!block || block.length < length) block = allocate(length);
      return block.length === length ? block : (block.subarray(0, length) as T);
    },
  };
}

/** A Float32Array on the JS heap that grows to the largest length asked for (see `growing`). */
export class Grow implements Reusable {
  private readonly block = growing((length) => new Float32Array(length));
  get(length: number): Float32Array {
    return this.block.get(length);
  }
}

const freshEachCall: Reusable = { get: (length) => new Float32Array(length) };

export const tsKernels: CpuKernels = {
  name: 'typescript',
  persistent: (length) => new Float32Array(length),
  output: () => freshEachCall,
  scratch: () => new Grow(),
  switches: () => ({ get: (length) => new Int32Array(length) }),
  conv2dScratchSize,
  conv2dForward(geo, x, w, b, y, act, cols) {
    conv2dForward(geo, x, w, b, y, cols);
    if (act) activationForward(act.kind, act.alpha, y, y);
  },
  conv2dBackward,
  denseForward(dims, x, w, b, y, act) {
    denseForward(dims, x, w, b, y);
    if (act) activationForward(act.kind, act.alpha, y, y);
  },
  denseBackward,
  maxpoolForward,
  maxpoolBackward,
  avgpoolForward,
  avgpoolBackward,
  activationForward: (kind, alpha, x, y) => activationForward(kind, alpha, x, y),
  activationBackward: (kind, alpha, y, dy, dx) => activationBackward(kind, alpha, y, dy, dx),
  activationBackwardFromInput: (kind, alpha, x, y, dy, dx) => activationBackwardFromInput(kind, alpha, x, y, dy, dx),
};
