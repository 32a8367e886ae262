/**
 * One kernel call's arguments as pointers. An array that already lives in the instance's
 * memory is passed by its byte offset; any other (a JS-heap array) is copied into transient
 * space first and, if the kernel writes it, copied back after. If transient space runs out
 * (memory can no longer grow once views are out), `ok` turns false and the caller runs the
 * TypeScript kernel instead for that one call.
 */
import type { WasmMemory } from './memory';

type Typed = Float32Array | Int32Array | Uint8Array;

export class Stage {
  ok = true;
  private readonly start: number;
  private readonly outs: [number, Typed][] = [];

  constructor(private readonly mem: WasmMemory) {
    this.start = mem.mark();
  }

  /** Read by the kernel. */
  in(a: Typed): number {
    if (this.mem.owns(a)) return a.byteOffset;
    const at = this.copyIn(a);
    return at;
  }

  /** Written by the kernel (its old contents not read). */
  out(a: Typed): number {
    if (this.mem.owns(a)) return a.byteOffset;
    const at = this.temp(a.byteLength);
    if (at) this.outs.push([at, a]);
    return at;
  }

  /** Read and written by the kernel. */
  inout(a: Typed): number {
    if (this.mem.owns(a)) return a.byteOffset;
    const at = this.copyIn(a);
    if (at) this.outs.push([at, a]);
    return at;
  }

  /** Uninitialised transient bytes. */
  temp(bytes: number): number {
    const at = this.mem.allocate(bytes);
    if (at === null) {
      this.ok = false;
      return 0;
    }
    return at;
  }

  /** Copies outputs back to their JS-heap arrays and frees the transient space. */
  finish(): void {
    const u8 = this.mem.u8;
    for (const [at, a] of this.outs) {
      new Uint8Array(a.buffer, a.byteOffset, a.byteLength).set(u8.subarray(at, at + a.byteLength));
    }
    this.mem.release(this.start);
  }

  /** Frees the transient space without copying anything back. */
  abort(): void {
    this.mem.release(this.start);
  }

  private copyIn(a: Typed): number {
    const at = this.temp(a.byteLength);
    if (at) this.mem.u8.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    return at;
  }
}
