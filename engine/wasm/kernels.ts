/**
 * The wasm kernel provider: engine/cpu/kernels.ts's CpuKernels on one instance of the compiled
 * kernels. Arrays the model allocates through it (persistent, output, scratch, switches) are
 * views of the instance's memory, so kernels take their pointers with no copying; anything else
 * is staged (engine/wasm/stage.ts). ReLU after a conv or dense is fused into the gemm's output
 * write; other fused activations run as a second pass.
 */

import type { ConvGeometry } from '../cpu/geometry';
import type { CpuKernels, FusedActivation, Reusable, ReusableInts } from '../cpu/kernels';
import { growing, tsKernels } from '../cpu/kernels';
import type { ActivationKind } from '../spec/types';
import { ACTIVATION_CODES, type KernelExports } from './exports';
import { writeGeometry } from './geometry';
import { WasmMemory } from './memory';
import type { WasmFlavour } from './module';
import {
  wasmActivationForward,
  wasmActivationGradient,
  wasmAvgpoolBackward,
  wasmAvgpoolForward,
  wasmMaxpoolBackward,
  wasmMaxpoolForward,
} from './pointwise';
import { Stage } from './stage';

/** Bytes of packing scratch the gemm needs (engine/wasm/assembly/gemm.ts gemmScratchBytes). */
export function gemmScratchBytes(m: number, n: number, k: number): number {
  return (Math.ceil(m / 4) * 4 + Math.ceil(n / 8) * 8) * k * 4;
}

/**
 * Packing scratch for a convolution (engine/wasm/assembly/conv.ts): the packed weights kept for a
 * whole group plus one product's panels; the sum of all three products' needs covers every layout.
 */
export function convPackBytes(geo: ConvGeometry): number {
  const fg = geo.outC / geo.groups;
  const k = (geo.inC / geo.groups) * geo.kh * geo.kw;
  const p = geo.outH * geo.outW;
  return gemmScratchBytes(fg, p, k) + gemmScratchBytes(fg, k, p) + gemmScratchBytes(k, p, fg);
}

/** Pointers of a weighted layer's forward: x, w and the optional bias read, y written. */
function stageForward(s: Stage, x: Float32Array, w: Float32Array, b: Float32Array | null, y: Float32Array) {
  return { px: s.in(x), pw: s.in(w), pb: b ? s.in(b) : 0, py: s.out(y) };
}

/** Pointers of a weighted layer's backward: x, w and dy read; dx (if wanted), dw and db (if any) written. */
function stageBackward(
  s: Stage,
  x: Float32Array,
  w: Float32Array,
  dy: Float32Array,
  grads: { readonly dx: Float32Array | null; readonly dw: Float32Array; readonly db: Float32Array | null },
) {
  return {
    px: s.in(x),
    pw: s.in(w),
    pdy: s.in(dy),
    pdx: grads.dx ? s.out(grads.dx) : 0,
    pdw: s.out(grads.dw),
    pdb: grads.db ? s.out(grads.db) : 0,
  };
}

export class WasmKernels implements CpuKernels {
  readonly name: string;
  readonly memory: WasmMemory;
  /** Calls that ran the TypeScript kernel because transient wasm memory ran out. */
  fallbacks = 0;
  /** Arrays that had to live on the JS heap because the reserved memory was full. */
  heapArrays = 0;

  constructor(
    readonly exports: KernelExports,
    readonly flavour: WasmFlavour,
  ) {
    this.name = `wasm-${flavour}`;
    this.memory = new WasmMemory(exports);
  }

  persistent(length: number): Float32Array {
    const view = this.memory.floats(length);
    if (view) return view;
    this.heapArrays++;
    return new Float32Array(length);
  }

  output(): Reusable {
    return this.scratch();
  }

  scratch(): Reusable {
    return growing((length) => this.memory.floats(length) ?? this.heapArray(length));
  }

  switches(): ReusableInts {
    return growing((length) => this.memory.ints(length) ?? new Int32Array(length));
  }

  conv2dScratchSize(geo: ConvGeometry): number {
    return tsKernels.conv2dScratchSize(geo);
  }

  /** Runs `kernel` on the staged pointers, or `fallback` (the TypeScript kernel) if staging ran out of memory. */
  run(s: Stage, fallback: () => void, kernel: () => void): void {
    if (!s.ok) {
      s.abort();
      this.fallbacks++;
      fallback();
      return;
    }
    kernel();
    s.finish();
  }

  conv2dForward(
    geo: ConvGeometry,
    x: Float32Array,
    w: Float32Array,
    b: Float32Array | null,
    y: Float32Array,
    act: FusedActivation | null,
    cols: Float32Array,
  ): void {
    const s = new Stage(this.memory);
    const { px, pw, pb, py } = stageForward(s, x, w, b, y);
    const pc = this.memory.owns(cols) ? cols.byteOffset : s.temp(this.conv2dScratchSize(geo) * 4);
    const pack = s.temp(convPackBytes(geo));
    this.run(
      s,
      () => {
        tsKernels.conv2dForward(geo, x, w, b, y, act, cols);
      },
      () => {
        const relu = act?.kind === 'relu';
        this.exports.conv2dForward(
          writeGeometry(this.memory, geo),
          px,
          pw,
          pb,
          py,
          pc,
          pack,
          (b ? 1 : 0) | (relu ? 2 : 0),
        );
        this.activationAfterProduct(act, py, y.length);
      },
    );
  }

  conv2dBackward(
    geo: ConvGeometry,
    x: Float32Array,
    w: Float32Array,
    dy: Float32Array,
    grads: { readonly dx: Float32Array | null; readonly dw: Float32Array; readonly db: Float32Array | null },
    cols: Float32Array,
    dcols: Float32Array,
  ): void {
    const size = this.conv2dScratchSize(geo) * 4;
    const s = new Stage(this.memory);
    const { px, pw, pdy, pdx, pdw, pdb } = stageBackward(s, x, w, dy, grads);
    const pc = this.memory.owns(cols) ? cols.byteOffset : s.temp(size);
    const pdc = this.memory.owns(dcols) ? dcols.byteOffset : s.temp(size);
    const pack = s.temp(convPackBytes(geo));
    this.run(
      s,
      () => {
        tsKernels.conv2dBackward(geo, x, w, dy, grads, cols, dcols);
      },
      () => {
        this.exports.conv2dBackward(writeGeometry(this.memory, geo), px, pw, pdy, pdx, pdw, pdb, pc, pdc, pack);
      },
    );
  }

  denseForward(
    dims: { readonly batch: number; readonly inputs: number; readonly units: number },
    x: Float32Array,
    w: Float32Array,
    b: Float32Array | null,
    y: Float32Array,
    act: FusedActivation | null,
  ): void {
    const { batch, inputs, units } = dims;
    const s = new Stage(this.memory);
    const { px, pw, pb, py } = stageForward(s, x, w, b, y);
    const pack = s.temp(gemmScratchBytes(batch, units, inputs));
    this.run(
      s,
      () => {
        tsKernels.denseForward(dims, x, w, b, y, act);
      },
      () => {
        const relu = act?.kind === 'relu';
        this.exports.denseForward(batch, inputs, units, px, pw, pb, py, pack, (b ? 1 : 0) | (relu ? 2 : 0));
        this.activationAfterProduct(act, py, y.length);
      },
    );
  }

  denseBackward(
    dims: { readonly batch: number; readonly inputs: number; readonly units: number },
    x: Float32Array,
    w: Float32Array,
    dy: Float32Array,
    grads: { readonly dx: Float32Array | null; readonly dw: Float32Array; readonly db: Float32Array | null },
  ): void {
    const { batch, inputs, units } = dims;
    const s = new Stage(this.memory);
    const { px, pw, pdy, pdx, pdw, pdb } = stageBackward(s, x, w, dy, grads);
    const pack = s.temp(Math.max(gemmScratchBytes(units, inputs, batch), gemmScratchBytes(batch, inputs, units)));
    this.run(
      s,
      () => {
        tsKernels.denseBackward(dims, x, w, dy, grads);
      },
      () => {
        this.exports.denseBackward(batch, inputs, units, px, pw, pdy, pdx, pdw, pdb, pack);
      },
    );
  }

  maxpoolForward(geo: ConvGeometry, x: Float32Array, y: Float32Array, switches: Int32Array): void {
    wasmMaxpoolForward(this, geo, x, y, switches);
  }

  maxpoolBackward(dy: Float32Array, switches: Int32Array, dx: Float32Array): void {
    wasmMaxpoolBackward(this, dy, switches, dx);
  }

  avgpoolForward(geo: ConvGeometry, x: Float32Array, y: Float32Array): void {
    wasmAvgpoolForward(this, geo, x, y);
  }

  avgpoolBackward(geo: ConvGeometry, dy: Float32Array, dx: Float32Array): void {
    wasmAvgpoolBackward(this, geo, dy, dx);
  }

  activationForward(kind: ActivationKind, alpha: number, x: Float32Array, y: Float32Array): void {
    wasmActivationForward(this, kind, alpha, x, y);
  }

  activationBackward(kind: ActivationKind, alpha: number, y: Float32Array, dy: Float32Array, dx: Float32Array): void {
    wasmActivationGradient(this, kind, alpha, null, y, dy, dx);
  }

  activationBackwardFromInput(
    kind: ActivationKind,
    alpha: number,
    x: Float32Array,
    y: Float32Array,
    dy: Float32Array,
    dx: Float32Array,
  ): void {
    wasmActivationGradient(this, kind, alpha, x, y, dy, dx);
  }

  /** A fused activation other than ReLU (which the gemm's output write applies) as a second pass. */
  private activationAfterProduct(act: FusedActivation | null, py: number, length: number): void {
    if (act && act.kind !== 'relu')
      this.exports.activationForward(ACTIVATION_CODES[act.kind], act.alpha, py, py, length);
  }

  private heapArray(length: number): Float32Array {
    this.heapArrays++;
    return new Float32Array(length);
  }
}
