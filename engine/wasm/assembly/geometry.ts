/**
 * AssemblyScript: the sliding-window geometry (engine/cpu/geometry.ts) as 16 i32s that the
 * host writes at a pointer, in this order (engine/wasm/kernels.ts writeGeometry mirrors it).
 * Read into module globals once per kernel call rather than passing 16 arguments.
 */
export let gBatch = 0;
export let gInC = 0;
export let gInH = 0;
export let gInW = 0;
export let gOutC = 0;
export let gOutH = 0;
export let gOutW = 0;
export let gKh = 0;
export let gKw = 0;
export let gStrideH = 0;
export let gStrideW = 0;
export let gPadTop = 0;
export let gPadLeft = 0;
export let gDilH = 0;
export let gDilW = 0;
export let gGroups = 0;

export function readGeometry(p: usize): void {
  gBatch = load<i32>(p);
  gInC = load<i32>(p, 4);
  gInH = load<i32>(p, 8);
  gInW = load<i32>(p, 12);
  gOutC = load<i32>(p, 16);
  gOutH = load<i32>(p, 20);
  gOutW = load<i32>(p, 24);
  gKh = load<i32>(p, 28);
  gKw = load<i32>(p, 32);
  gStrideH = load<i32>(p, 36);
  gStrideW = load<i32>(p, 40);
  gPadTop = load<i32>(p, 44);
  gPadLeft = load<i32>(p, 48);
  gDilH = load<i32>(p, 52);
  gDilW = load<i32>(p, 56);
  gGroups = load<i32>(p, 60);
}
