/**
 * Writes a ConvGeometry where the kernels read it: 16 i32s at the memory's geometry slot, in
 * the order of engine/wasm/assembly/geometry.ts readGeometry.
 */
import type { ConvGeometry } from '../cpu/geometry';
import type { WasmMemory } from './memory';

/** Returns the slot's byte offset, the `geo` argument of the kernels. */
export function writeGeometry(memory: WasmMemory, geo: ConvGeometry): number {
  const at = memory.geometry;
  memory.i32.set(
    [
      geo.batch,
      geo.inC,
      geo.inH,
      geo.inW,
      geo.outC,
      geo.outH,
      geo.outW,
      geo.kh,
      geo.kw,
      geo.strideH,
      geo.strideW,
      geo.padTop,
      geo.padLeft,
      geo.dilationH,
      geo.dilationW,
      geo.groups,
    ],
    at / 4,
  );
  return at;
}
