/**
 * How the host lays out one kernel instance's linear memory:
 *
 *   [heapBase: 64-byte geometry slot][persistent blocks, bump-allocated upward][transient stack]
 *
 * Persistent blocks back the Float32Array views a model keeps (parameters, layer outputs,
 * gradients, scratch). Growing a WebAssembly.Memory detaches every view of the old buffer, so
 * memory may only grow until the first view is handed out: a model reserves its whole size up
 * front (engine/wasm/model.ts estimates it), and after that an allocation that does not fit
 * returns null and the caller falls back (a JS-heap array, or the TypeScript kernel for one call).
 * Transient space (copies of JS-heap arguments, im2col columns, gemm packing) is taken above the
 * persistent top for the length of one kernel call.
 */
import type { KernelExports } from './exports';

const PAGE = 65536;
const ALIGN = 64;

const align = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;

export class WasmMemory {
  readonly geometry: number;
  private top: number;
  private viewsOut = false;
  private f32Cache: Float32Array;
  private i32Cache: Int32Array;
  private u8Cache: Uint8Array;

  constructor(readonly exports: KernelExports) {
    this.geometry = align(exports.heapBase());
    this.top = this.geometry + ALIGN;
    this.f32Cache = new Float32Array(exports.memory.buffer);
    this.i32Cache = new Int32Array(exports.memory.buffer);
    this.u8Cache = new Uint8Array(exports.memory.buffer);
  }

  get buffer(): ArrayBuffer {
    return this.exports.memory.buffer;
  }

  get bytes(): number {
    return this.exports.memory.buffer.byteLength;
  }

  /** Float32 view of the whole memory (re-made after a grow). */
  get f32(): Float32Array {
    if (this.f32Cache.buffer !== this.exports.memory.buffer) this.refresh();
    return this.f32Cache;
  }

  get i32(): Int32Array {
    if (this.i32Cache.buffer !== this.exports.memory.buffer) this.refresh();
    return this.i32Cache;
  }

  get u8(): Uint8Array {
    if (this.u8Cache.buffer !== this.exports.memory.buffer) this.refresh();
    return this.u8Cache;
  }

  /**
   * Grows memory now so that `bytes` more can be allocated without growing later. Returns false
   * when the engine refuses that much (then later allocations fall back as they do when full).
   */
  reserve(bytes: number): boolean {
    return this.ensure(this.top + align(bytes));
  }

  /** Byte offset of a new block, or null when it does not fit and memory may no longer grow. */
  allocate(bytes: number): number | null {
    const at = this.top;
    if (!this.ensure(at + align(bytes))) return null;
    this.top = at + align(Math.max(bytes, 1));
    return at;
  }

  /** A Float32Array view of a new persistent block (null when it does not fit). */
  floats(length: number): Float32Array | null {
    const at = this.allocate(length * 4);
    if (at === null) return null;
    this.viewsOut = true;
    return new Float32Array(this.buffer, at, length);
  }

  ints(length: number): Int32Array | null {
    const at = this.allocate(length * 4);
    if (at === null) return null;
    this.viewsOut = true;
    return new Int32Array(this.buffer, at, length);
  }

  /** Marks the stack top; `release(mark)` frees everything allocated since. */
  mark(): number {
    return this.top;
  }

  release(mark: number): void {
    this.top = mark;
  }

  /** Whether a typed array is a view of this memory (so kernels can take its pointer directly). */
  owns(a: ArrayBufferView): boolean {
    return a.buffer === this.exports.memory.buffer;
  }

  private ensure(end: number): boolean {
    const have = this.exports.memory.buffer.byteLength;
    if (end <= have) return true;
    if (this.viewsOut) return false;
    try {
      this.exports.memory.grow(Math.ceil((end - have) / PAGE));
    } catch {
      // Past the engine's limit for one memory (wasm32: at most 4 GiB): callers fall back.
      return false;
    }
    this.refresh();
    return true;
  }

  private refresh(): void {
    this.f32Cache = new Float32Array(this.exports.memory.buffer);
    this.i32Cache = new Int32Array(this.exports.memory.buffer);
    this.u8Cache = new Uint8Array(this.exports.memory.buffer);
  }
}
